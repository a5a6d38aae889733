import { App } from 'antd'
import { useSubmit } from '../../api/use-submit.ts'

/** One act on the document: on success it says so and the page reloads the document. */
export function useAct(onDone: () => void) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function act(call: () => Promise<unknown>) {
    void submit(async () => {
      await call()
      message.success('已办理')
      onDone()
    })
  }
  return { submitting, error, act }
}
