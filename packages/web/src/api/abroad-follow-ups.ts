import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 因公出国(境) follow-ups after 销假 (packages/http/src/routes/abroad-follow-ups.contract.ts): the
 * duties the rulebook sets from the return, with due dates and articles.
 */
export interface AbroadFollowUp {
  absenceId: string
  personName: string
  postTitle: string
  destination: string
  from: string
  to: string
  returnedOn: string
  ruleId: string
  act: string
  due: string
  doneOn: string | null
  recordedBy: string | null
  overdue: boolean
  citations: Citation[]
  mayRecord: boolean
}

export const fetchAbroadFollowUps = (signal?: AbortSignal) =>
  request<{ today: string; items: AbroadFollowUp[] }>('GET', '/api/abroad-follow-ups', { signal })

export const recordAbroadFollowUp = (absenceId: string, ruleId: string) =>
  request<{ absenceId: string; ruleId: string; doneOn: string }>(
    'POST',
    '/api/abroad-follow-ups/done',
    { body: { absenceId, ruleId } },
  )
