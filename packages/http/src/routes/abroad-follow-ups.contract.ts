import { z } from 'zod'
import { citation, civilDate, civilDateOut, id } from './contract-fields.ts'

/** 因公出国(境) follow-ups after 销假 (issue 15). */
export const recordBody = z.object({
  absenceId: id,
  ruleId: z.string().trim().min(1).max(200),
  doneOn: civilDate.optional(),
})

export const recordResponse = z.object({
  absenceId: z.string(),
  ruleId: z.string(),
  doneOn: civilDateOut,
})

export const listResponse = z.object({
  today: civilDateOut,
  items: z.array(
    z.object({
      absenceId: z.string(),
      personName: z.string(),
      postTitle: z.string(),
      destination: z.string(),
      from: civilDateOut,
      to: civilDateOut,
      returnedOn: civilDateOut,
      ruleId: z.string(),
      act: z.string(),
      due: civilDateOut,
      doneOn: civilDateOut.nullable(),
      recordedBy: z.string().nullable(),
      overdue: z.boolean(),
      citations: z.array(citation),
      mayRecord: z.boolean(),
    }),
  ),
})
