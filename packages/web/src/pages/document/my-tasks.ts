import type { DocumentTask, HeldPost, Me } from '../../api/types.ts'

export interface MyTask {
  task: DocumentTask
  /** The post the person does it in: the current post when that one qualifies. */
  post: HeldPost
}

function isFor(task: DocumentTask, post: HeldPost): boolean {
  if (task.assigneePostId !== null) return task.assigneePostId === post.postId
  return task.assigneeDepartmentId !== null && task.assigneeDepartmentId === post.departmentId
}

/** Open tasks sent to one of the person's posts, or to the unit one of their posts belongs to. */
export function myTasks(tasks: DocumentTask[], me: Me): MyTask[] {
  return tasks.flatMap((task) => {
    const posts = me.posts.filter((post) => isFor(task, post))
    const post = posts.find((candidate) => candidate.postId === me.currentPostId) ?? posts[0]
    return post ? [{ task, post }] : []
  })
}
