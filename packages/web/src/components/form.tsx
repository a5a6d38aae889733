import { Form as AntForm, type FormProps } from 'antd'
import type { KeyboardEvent, ReactNode } from 'react'
import { enterMaySubmit } from './enter-guard.ts'

type GuardedFormProps<Values> = FormProps<Values> & {
  children?: ReactNode
  /**
   * Enter in a field submits, as browsers do: only for a form whose every field is required and
   * checked on submission (signing in), so Enter can never send it half-filled.
   */
  enterSubmits?: boolean
}

function GuardedForm<Values = unknown>({
  enterSubmits = false,
  onKeyDown,
  ...props
}: GuardedFormProps<Values>) {
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    onKeyDown?.(event)
    if (enterSubmits || event.key !== 'Enter') return
    const target = event.target as HTMLElement & { type?: string }
    const may = enterMaySubmit({
      tagName: target.tagName,
      type: target.type ?? target.getAttribute('type'),
      isComposing: event.nativeEvent.isComposing,
    })
    // The field's own Enter (a picker's confirmation, a select's choice, a tag) has already run:
    // only the browser's implicit submission that would follow is stopped.
    if (!may) event.preventDefault()
  }
  return <AntForm<Values> {...props} onKeyDown={handleKeyDown} />
}

/**
 * The one form every page uses: Ant Design's Form, except that Enter never submits it from a
 * field — submission needs the button. Form.Item, Form.List, Form.useForm… are Ant Design's own.
 */
export const Form = Object.assign(GuardedForm, {
  Item: AntForm.Item,
  List: AntForm.List,
  ErrorList: AntForm.ErrorList,
  Provider: AntForm.Provider,
  useForm: AntForm.useForm,
  useWatch: AntForm.useWatch,
  useFormInstance: AntForm.useFormInstance,
})
