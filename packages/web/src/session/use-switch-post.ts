import { App } from 'antd'
import { useState } from 'react'
import type { HeldPost } from '../api/types.ts'
import { asApiError } from '../api/use-load.ts'
import { useSession } from './session-context.ts'

/** Switches the post the person acts in, and says so; the whole session follows the new post. */
export function useSwitchPost() {
  const { switchPost } = useSession()
  const { message } = App.useApp()
  const [switching, setSwitching] = useState(false)

  async function switchTo(post: HeldPost) {
    setSwitching(true)
    try {
      await switchPost(post.postId)
      message.success(`已切换为：${post.title}`)
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setSwitching(false)
    }
  }
  return { switchTo, switching }
}
