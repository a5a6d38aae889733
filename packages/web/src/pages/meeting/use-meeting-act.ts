import { App } from 'antd'
import { useSubmit } from '../../api/use-submit.ts'

/**
 * One act on the meeting: on success it says so, hands the answer to `then` (a gate, the
 * supervision items a decision opened) and the page reloads the meeting; a refusal stays in
 * `error` for the form to show with its articles.
 */
export function useMeetingAct(onDone: () => void) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function act<T>(call: () => Promise<T>, then?: (answer: T) => void, success = '已办理') {
    void submit(async () => {
      const answer = await call()
      message.success(success)
      then?.(answer)
      onDone()
    })
  }
  return { submitting, error, act }
}
