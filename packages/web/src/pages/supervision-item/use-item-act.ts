import { App } from 'antd'
import { useSubmit } from '../../api/use-submit.ts'

/** One act on the item: on success it says what was done and the page reloads the item. */
export function useItemAct(onDone: () => void) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function act(call: () => Promise<unknown>, done: string) {
    void submit(async () => {
      await call()
      message.success(done)
      onDone()
    })
  }
  return { submitting, error, act }
}
