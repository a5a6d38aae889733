import { z } from 'zod'
import { id } from './contract-fields.ts'

export const distributionParams = z.object({ id })

/**
 * One 主送/抄送 as the drafter chose it: a unit of the jurisdiction by id, one of its recipient
 * groups by label, or an outside recipient by name (纸质分送). A plain string is an outside
 * recipient; an internal unit's or group's name typed as text is refused (RECIPIENT_IS_INTERNAL).
 */
export const recipientChoice = z.union([
  z.string().trim().min(1, '收文单位名称不能为空').max(64, '收文单位名称不超过64个字'),
  z.strictObject({ unitId: id }),
  z.strictObject({ group: z.string().min(1).max(64) }),
  z.strictObject({
    outside: z.string().trim().min(1, '收文单位名称不能为空').max(64, '收文单位名称不超过64个字'),
  }),
])

const unitKind = z.enum(['department', 'township', 'desk'])

/** What the drafting form offers as 主送/抄送: groups with their units, then every unit. */
export const recipientOptionsResponse = z.object({
  groups: z.array(z.object({ label: z.string(), unitIds: z.array(z.string()) })),
  units: z.array(
    z.object({ id: z.string(), name: z.string(), kind: unitKind, staffed: z.boolean() }),
  ),
})

const role = z.enum(['main', 'copy'])

/** 分发情况: per internal unit delivery, 签收 and 催收; outside recipients for paper. */
export const distributionView = z.object({
  issued: z.boolean(),
  receipts: z.array(
    z.object({
      departmentId: z.string(),
      unitName: z.string(),
      role,
      taskId: z.string(),
      deliveredAt: z.string(),
      signedAt: z.string().nullable(),
      signedBy: z
        .object({
          personId: z.string(),
          name: z.string(),
          postId: z.string().nullable(),
          title: z.string().nullable(),
        })
        .nullable(),
      remindedAt: z.string().nullable(),
      reminders: z.number(),
      /** Someone holds a post of the unit today; else its copy waits for whoever takes it up. */
      staffed: z.boolean(),
    }),
  ),
  paper: z.array(z.object({ role, name: z.string() })),
  signed: z.number(),
  unsigned: z.number(),
  may: z.object({ signFor: z.boolean(), remind: z.boolean() }),
})
