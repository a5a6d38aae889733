import { z } from 'zod'
import { id } from './contract-fields.ts'

/**
 * One event of /api/duty/stream (contract C5): what happened, to which record (`subject`:
 * /api/incidents/:id or /api/opinions/:id), when, and the server's clock now (the board's
 * countdowns follow the server, which tests move).
 */
export const dutyStreamEvent = z.object({
  type: z.enum(['incident', 'overdue', 'opinion', 'report']),
  subject: z.enum(['incident', 'opinion']),
  id,
  at: z.iso.datetime({ offset: true }),
  serverNow: z.iso.datetime({ offset: true }),
})
