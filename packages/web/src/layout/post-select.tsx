import { Select } from 'antd'
import { postLabel } from '../labels.ts'
import { useMe } from '../session/session-context.ts'
import { useSwitchPost } from '../session/use-switch-post.ts'

/** The post the person acts in; `block` fills the width (the phone's menu drawer). */
export function PostSelect({ block = false }: { block?: boolean }) {
  const me = useMe()
  const { switchTo, switching } = useSwitchPost()

  return (
    <Select
      aria-label="当前职务"
      style={block ? { width: '100%' } : { minWidth: 180 }}
      popupMatchSelectWidth={false}
      value={me.currentPostId ?? undefined}
      placeholder="选择职务"
      loading={switching}
      disabled={switching}
      options={me.posts.map((post) => ({ value: post.postId, label: postLabel(post) }))}
      onChange={(postId: string) => {
        const post = me.posts.find((candidate) => candidate.postId === postId)
        if (post) void switchTo(post)
      }}
    />
  )
}
