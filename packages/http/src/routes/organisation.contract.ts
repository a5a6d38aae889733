import { z } from 'zod'

export const postsResponse = z.array(
  z.object({
    postId: z.string(),
    role: z.string(),
    title: z.string(),
    holders: z.array(z.object({ personId: z.string(), name: z.string() })),
  }),
)
