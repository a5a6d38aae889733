import { Badge } from 'antd'
import { type ReactNode, useEffect, useState } from 'react'
import { type AwaitingCounts, fetchAwaitingCounts } from '../api/workbench.ts'

/** The event a successful change (POST, PUT, DELETE) raises: the menu's counts reload. */
export const CHANGED_EVENT = 'zhengling:changed'
/** The counts also reload this often, for work others send meanwhile. */
const REFRESH_MS = 60_000

/**
 * The menu's badges: pieces of work waiting on the current post per section, reloaded when the
 * post changes, after the person acts, when the tab comes back into view and every minute.
 * Undefined while loading or for a person holding no post.
 */
export function useAwaitingCounts(postId: string | null): AwaitingCounts | undefined {
  const [counts, setCounts] = useState<AwaitingCounts>()
  useEffect(() => {
    setCounts(undefined)
    if (!postId) return
    let controller: AbortController | undefined
    const load = () => {
      if (document.visibilityState === 'hidden') return
      controller?.abort()
      controller = new AbortController()
      fetchAwaitingCounts(controller.signal).then(setCounts, () => {
        // A badge is a hint: a failed count leaves the last one shown.
      })
    }
    load()
    const timer = window.setInterval(load, REFRESH_MS)
    window.addEventListener(CHANGED_EVENT, load)
    document.addEventListener('visibilitychange', load)
    return () => {
      controller?.abort()
      window.clearInterval(timer)
      window.removeEventListener(CHANGED_EVENT, load)
      document.removeEventListener('visibilitychange', load)
    }
  }, [postId])
  return counts
}

/**
 * A menu label with its count of waiting work beside it (nothing when none). It goes inside the
 * item's link: a badge outside it covers part of the item, and a tap on it would go nowhere.
 */
export function MenuCount({
  count,
  label,
  children,
}: {
  count: number | undefined
  /** What the count counts, for screen readers: 待办, 会议事项… */
  label: string
  children: ReactNode
}) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {children}
      {count ? (
        <Badge
          count={count}
          overflowCount={99}
          size="small"
          title={`${label} ${count} 项`}
          aria-label={`${label} ${count} 项`}
        />
      ) : null}
    </span>
  )
}
