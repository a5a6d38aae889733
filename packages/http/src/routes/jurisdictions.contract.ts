import { z } from 'zod'
import { civilDate } from './contract-fields.ts'

export const jurisdictionSummary = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['county', 'district', 'city']),
  rulebookVersion: z.string(),
})

export const chartParams = z.object({ id: z.string().min(1).max(64) })
export const chartQuery = z.object({
  on: civilDate.optional(),
})

const postRef = z.object({ postId: z.string(), title: z.string() })
/** roster: typed in the roster; rule, designation, standIn: computed from an absence (issue 15). */
const actingSource = z.enum(['roster', 'rule', 'designation', 'standIn'])

export const organisationChart = z.object({
  jurisdiction: jurisdictionSummary,
  on: z.string(),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['department', 'township', 'desk']),
      overseers: z.array(postRef),
    }),
  ),
  posts: z.array(
    z.object({
      postId: z.string(),
      role: z.string(),
      title: z.string(),
      department: z.string().nullable(),
      holders: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          from: z.string(),
          to: z.string().nullable(),
        }),
      ),
      vacant: z.boolean(),
      portfolio: z.array(z.object({ departmentId: z.string(), name: z.string() })),
      actedBy: postRef
        .extend({
          from: z.string(),
          to: z.string(),
          ruleId: z.string().nullable(),
          source: actingSource.optional(),
          note: z.string().nullable().optional(),
        })
        .nullable(),
    }),
  ),
  actingAssignments: z.array(
    z.object({
      id: z.string(),
      postId: z.string(),
      postTitle: z.string(),
      actingPostId: z.string(),
      actingPostTitle: z.string(),
      from: z.string(),
      to: z.string(),
      ruleId: z.string().nullable(),
      source: actingSource.optional(),
      /** 代行区长职责 — 第六条 (computed rows). */
      note: z.string().nullable().optional(),
    }),
  ),
})
