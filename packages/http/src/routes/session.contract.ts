import { z } from 'zod'

export const loginBody = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(256),
})

const heldPost = z.object({
  postId: z.string(),
  title: z.string(),
  role: z.string(),
  /** The unit of the post: tasks sent to a unit are this person's too. */
  departmentId: z.string().nullable(),
  /**
   * The post acted for, when this is an acting post: with the note every act shows
   * (代行区长职责 — 第六条) and the rule it follows (issue 15).
   */
  actingFor: z
    .object({
      postId: z.string(),
      title: z.string(),
      note: z.string().nullable().optional(),
      ruleId: z.string().nullable().optional(),
    })
    .nullable(),
})

/** Who is signed in, the posts they may act in today, and the one they act in. */
export const sessionInfo = z.object({
  username: z.string(),
  adminRole: z.string().nullable(),
  expiresAt: z.string(),
  csrfToken: z.string().nullable(),
  /** Only changing the password is allowed until it is changed (an admin's reset, expiry). */
  mustChangePassword: z.boolean(),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  jurisdiction: z.object({ id: z.string(), name: z.string() }).nullable(),
  posts: z.array(heldPost),
  currentPostId: z.string().nullable(),
})

export const switchPostBody = z.object({ postId: z.uuid('职务编号格式不正确') })

export const revokedCount = z.object({ revoked: z.number() })
