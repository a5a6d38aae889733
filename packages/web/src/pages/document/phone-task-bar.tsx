import { Button, theme, Typography } from 'antd'
import { type RefObject, useEffect, useState } from 'react'
import type { DocumentView } from '../../api/types.ts'
import { taskKindLabel } from '../../labels.ts'
import { useNarrow } from '../../layout/use-narrow.ts'
import { useMe } from '../../session/session-context.ts'
import { myTasks } from './my-tasks.ts'

/**
 * On a phone the 办理 card lies below the document, its history and its plan. While it is out
 * of sight, a bar stays at the bottom of the screen naming the person's tasks on the document;
 * a tap brings the card into view and puts the cursor in its first field.
 */
export function PhoneTaskBar({
  view,
  panel,
}: {
  view: DocumentView
  panel: RefObject<HTMLElement | null>
}) {
  const me = useMe()
  const narrow = useNarrow()
  const { token } = theme.useToken()
  const panelInView = useInView(panel, narrow)
  const kinds = [...new Set(myTasks(view.tasks, me).map(({ task }) => taskKindLabel(task.kind)))]

  if (!narrow || kinds.length === 0) return null
  return (
    // The spacer keeps the page's last lines from lying under the bar.
    <div style={{ height: 56 }}>
      {!panelInView && (
        <div
          role="region"
          aria-label="待您办理"
          style={{
            position: 'fixed',
            insetInline: 0,
            bottom: 0,
            zIndex: 5,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: '8px 12px',
            background: token.colorBgContainer,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
            boxShadow: token.boxShadowSecondary,
          }}
        >
          <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
            待您办理：{kinds.join('、')}
          </Typography.Text>
          <Button
            type="primary"
            onClick={() => {
              const element = panel.current
              if (!element) return
              element.scrollIntoView({ behavior: 'smooth', block: 'start' })
              element
                .querySelector<HTMLElement>('textarea, input:not([type=hidden]), button')
                ?.focus({ preventScroll: true })
            }}
          >
            去办理
          </Button>
        </div>
      )}
    </div>
  )
}

/** Whether any part of the element is on screen. */
function useInView(element: RefObject<HTMLElement | null>, watch: boolean): boolean {
  const [inView, setInView] = useState(false)
  useEffect(() => {
    const target = element.current
    if (!watch || !target) return
    const observer = new IntersectionObserver((entries) =>
      setInView(entries.some((entry) => entry.isIntersecting)),
    )
    observer.observe(target)
    return () => observer.disconnect()
  }, [element, watch])
  return inView
}
