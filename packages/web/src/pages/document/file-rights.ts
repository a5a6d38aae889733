import type { DocumentView, Me } from '../../api/types.ts'

// Which file controls to offer. The server decides (attach-file-to-document.ts,
// revise-document-body.ts) and refuses with its reason; the page only avoids offering what the
// current post would certainly be refused.

/** States in which a document takes no more attachments: finished, or signed and so fixed. */
const FIXED_STATES: Record<string, readonly string[]> = {
  incoming: ['closed', 'archived'],
  outgoing: ['signed', 'numbered', 'issued', 'archived'],
}

function currentPost(me: Me) {
  return me.posts.find((post) => post.postId === me.currentPostId)
}

/** The drafting or submitting post, or a post or unit with an open task on the document. */
export function mayAttach(view: DocumentView, me: Me): boolean {
  const { document } = view
  if (FIXED_STATES[document.direction]?.includes(document.state)) return false
  const post = currentPost(me)
  if (!post) return false
  if (document.createdByPostId === post.postId) return true
  return view.tasks.some(
    (task) =>
      task.assigneePostId === post.postId ||
      (post.departmentId !== null && task.assigneeDepartmentId === post.departmentId),
  )
}

/** An outgoing draft under review, by the drafting post or the post whose 核稿 is due. */
export function mayRevise(view: DocumentView, me: Me): boolean {
  const { document } = view
  if (document.direction !== 'outgoing') return false
  if (!['reviewing', 'awaitingSignature'].includes(document.state)) return false
  const post = currentPost(me)
  if (!post) return false
  return (
    document.createdByPostId === post.postId ||
    view.tasks.some((task) => task.kind === 'review' && task.assigneePostId === post.postId)
  )
}

/** A size as people read it: 字节, KB or MB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${bytes} 字节`
}
