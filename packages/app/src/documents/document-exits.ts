import { type DomainError, InvalidInputError, NotPermittedError } from '../errors.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { STATE_LABELS } from './act-on-document.ts'
import type { DocumentEvent, DocumentRecord, DocumentTask } from './document.ts'

/**
 * The ways out of a document's flow (撤回, 退回修改, 重新送审, 作废, 改派), each a check stated
 * once: the use case throws what it answers, and the document view lists the exits whose check
 * answers nothing, so a button shows exactly when the act would go through.
 */

/** States in which a document is still moving: anything else has ended one way or another. */
const ENDED_STATES = ['closed', 'archived', 'voided', 'withdrawn']

/** States an outgoing draft waits in with its drafter, after 撤回 or 退回修改. */
export const WITH_DRAFTER_STATES = ['withdrawn', 'returnedForRevision']

/** Acts of the step after the drafter's: once one is recorded, the drafter can no longer withdraw. */
const NEXT_STEP_ACTIONS = [
  'register',
  'review',
  'countersign',
  'countersignDisagree',
  'returnForRevision',
  'sign',
]

/** What an exit check looks at: the document, its history and open tasks, and the actor. */
export interface ExitFacts {
  document: DocumentRecord
  events: readonly (DocumentEvent & { actor?: string | null })[]
  tasks: readonly DocumentTask[]
  post: HeldPost
}

/** The drafting (outgoing) or submitting (incoming) post: it withdraws and resubmits. */
const isDrafter = ({ document, post }: ExitFacts) => document.createdByPostId === post.postId

/** The act that put the document on its way last: 拟稿, 报送, or a 重新送审. */
function lastSubmission(events: ExitFacts['events']) {
  const index = events.findLastIndex((event) =>
    ['draft', 'submit', 'resubmit'].includes(event.action),
  )
  return index
}

/**
 * 撤回: the drafter takes the document back before the next step has acted on it. An incoming
 * document may be withdrawn until the office signs for it; a draft until a reviewer, a
 * countersigning unit or the signer has acted since it was (re)submitted.
 */
export function withdrawRefusal(facts: ExitFacts): DomainError | null {
  const { document, events } = facts
  if (!isDrafter(facts))
    return new NotPermittedError(
      'NOT_THE_DRAFTER',
      `只有${document.direction === 'incoming' ? '报送' : '拟稿'}职务可以撤回此件，${facts.post.title}不是`,
    )
  const from = lastSubmission(events)
  const acted = events.slice(from + 1).find((event) => NEXT_STEP_ACTIONS.includes(event.action))
  if (acted)
    return new NotPermittedError(
      'NEXT_STEP_ACTED',
      `${acted.actor ?? '下一环节'}已于${acted.occurredAt.slice(0, 10)}办理此件，不能再撤回；如需修改，请其退回修改`,
    )
  const open =
    document.direction === 'incoming' ? ['submitted'] : ['reviewing', 'awaitingSignature']
  if (!open.includes(document.state))
    return new NotPermittedError(
      'WRONG_STATE',
      `公文当前状态为"${stateLabel(document.state)}"，不能撤回`,
    )
  return null
}

/**
 * 退回修改 at 核稿 (the post whose review is due), at 签发 (the signer whose signature is due) or
 * on a 会签 disagreement (the unit asked to countersign): the draft goes back to its drafter with
 * the opinion.
 */
export function returnRefusal(facts: ExitFacts, only?: 'countersign'): DomainError | null {
  const { document } = facts
  if (
    document.direction !== 'outgoing' ||
    !['reviewing', 'awaitingSignature'].includes(document.state)
  )
    return new NotPermittedError(
      'WRONG_STATE',
      `公文当前状态为"${stateLabel(document.state)}"，不能退回修改`,
    )
  const as = returningAs(facts, only)
  if (only === 'countersign' && !as)
    return new NotPermittedError(
      'NOT_ASKED_TO_COUNTERSIGN',
      `${facts.post.title}所在单位没有待会签的此件`,
    )
  if (!as)
    return new NotPermittedError(
      'NOT_YOUR_STEP',
      `${facts.post.title}没有待核稿、待签发或待会签的此件，不能退回修改`,
    )
  return null
}

/** In which part the post returns a draft: its 核稿 or 签发 due, or its unit's 会签 open. */
export function returningAs(
  { tasks, post }: ExitFacts,
  only?: 'countersign',
): 'review' | 'sign' | 'countersign' | null {
  const due = (kind: string) =>
    !only && tasks.some((task) => task.kind === kind && task.assigneePostId === post.postId)
  if (due('review')) return 'review'
  if (due('sign')) return 'sign'
  if (
    post.departmentId &&
    tasks.some(
      (task) => task.kind === 'countersign' && task.assigneeDepartmentId === post.departmentId,
    )
  )
    return 'countersign'
  return null
}

/** 重新送审: the drafter sends a withdrawn or returned draft back into its sign-off chain. */
export function resubmitRefusal(facts: ExitFacts): DomainError | null {
  const { document } = facts
  if (document.direction !== 'outgoing' || !WITH_DRAFTER_STATES.includes(document.state))
    return new NotPermittedError(
      'WRONG_STATE',
      `公文当前状态为"${stateLabel(document.state)}"，不能重新送审`,
    )
  if (!isDrafter(facts))
    return new NotPermittedError(
      'NOT_THE_DRAFTER',
      `只有拟稿职务可以重新送审，${facts.post.title}不是`,
    )
  return null
}

/**
 * 作废: the office voids a document that is still moving or waits with its drafter. A document
 * with its 发文字号 cannot be voided: the number is taken and stays in the register.
 */
export function voidRefusal(facts: Omit<ExitFacts, 'post'>): DomainError | null {
  const { document } = facts
  if (document.documentNumber)
    return new NotPermittedError(
      'DOCUMENT_NUMBERED',
      `此件已编发文字号"${document.documentNumber}"，文号留在收发文登记簿中，不能作废`,
    )
  if (ENDED_STATES.includes(document.state))
    return new NotPermittedError(
      'WRONG_STATE',
      `公文当前状态为"${stateLabel(document.state)}"，不能作废`,
    )
  return null
}

/** Task kinds whose act checks only that the task is the actor's: another post may take them over. */
export const REASSIGNABLE_TASKS = ['review', 'instruct']

/** A reason or opinion the act requires, trimmed; refused when empty. */
export function requiredText(text: string | undefined, code: string, message: string): string {
  const trimmed = text?.trim() ?? ''
  if (!trimmed) throw new InvalidInputError(code, message)
  return trimmed
}

const stateLabel = (state: string) => STATE_LABELS[state] ?? state
