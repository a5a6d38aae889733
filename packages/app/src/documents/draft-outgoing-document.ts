import { type Citation, type DocumentSubject, shanghaiDateOf } from '@zhengling/rules'
import { assertClearedFor, parseSecrecyInput, parseSecrecyPeriod } from '../access/secrecy.ts'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf, type DocumentDeps } from './act-on-document.ts'
import type { DocumentRecord, OutgoingPlan, PolicyInterpretation, Urgency } from './document.ts'
import { ask, assertDocumentKind, ruleIdsOf } from './document-rules.ts'
import { stepPosts } from './advance-review.ts'
import { planOutgoingDocument } from './plan-outgoing-document.ts'
import { loadRoutingOrganisation } from '../organisation/routing-organisation.ts'
import { documentPrefixesOf } from './list-document-prefixes.ts'
import { openTasks } from './open-tasks.ts'
import { recordDocumentAct } from './record-document-act.ts'
import { recordBodyVersion } from './record-body-version.ts'
import { searchTextOf } from './search-text.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import { type RecipientChoice, resolveRecipients } from './recipients.ts'

export interface OutgoingDraft {
  /** A numbering prefix of the rulebook (钟府发, 钟府办函…): it names the issuing organ. */
  prefix: string
  kind: string
  title: string
  body: string
  direction: 'downward' | 'upward' | 'parallel'
  /** 主送/抄送: units and groups of the jurisdiction, or outside recipients by name (纸质分送). */
  mainRecipients: RecipientChoice[]
  copyRecipients?: RecipientChoice[]
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  /** Units whose 会签 the draft needs. */
  countersignDepartmentIds?: string[]
  /** The 分管副职, named by the drafter when the drafting unit has none (the office, a leader). */
  portfolioDeputyPostId?: string
  /** A policy document (政策性文件): its 政策解读 is drafted and signed off with it. */
  policyDocument?: boolean
  interpretation?: string
  /**
   * 是否重要/全局性公文 (事关全局的重要部署或重大事项): sign-off rules that name important or
   * whole-government documents select on it (托克逊 六十四 由县长签发).
   */
  important?: boolean
  /** What the draft is about, where sign-off depends on it: 人事任免, 行政规范性文件, 向人大报告. */
  subjects?: DocumentSubject[]
}

/**
 * The drafter's answers the sign-off rule selects on: an important or whole-government document
 * (the scope is then the whole government, whatever the 会签 cross), and its subjects.
 */
export function signOffFactsOf(
  input: Pick<OutgoingDraft, 'important' | 'subjects'>,
): Record<string, unknown> {
  return {
    important: input.important ?? false,
    ...(input.important ? { scope: 'wholeGovernment' } : {}),
    ...(input.subjects?.length ? { categories: [...new Set(input.subjects)] } : {}),
  }
}

/**
 * 拟稿: a unit (or a leader) drafts a document for the government or its office. The rulebook's
 * sign-off rule for the prefix fixes the 核稿 chain and the signer now (钟山 第三十二条), each
 * step resolved to posts someone holds today or refused now (ADR 0010), shown before anyone
 * signs; 会签 go out at once with the rulebook's reply period.
 */
export function draftOutgoingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: OutgoingDraft,
): Promise<DocumentRecord> {
  const secrecy = parseSecrecyInput(input.secrecy)
  const secrecyPeriod = parseSecrecyPeriod(secrecy, input.secrecyPeriod)
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    assertClearedFor(viewer.clearance, secrecy, '拟制此密级的公文')
    const today = shanghaiDateOf(now.getTime())
    const prefixes = await documentPrefixesOf(r, deps.rules, viewer.jurisdictionId, today)
    const prefix = prefixes.find((candidate) => candidate.prefix === input.prefix)
    if (!prefix)
      throw new InvalidInputError(
        'UNKNOWN_PREFIX',
        `本辖区没有发文字号前缀"${input.prefix}"（可选：${prefixes.map((p) => p.prefix).join('、') || '无'}）`,
      )
    const kindCitations = assertDocumentKind(deps.rules, viewer.jurisdictionId, input.kind)
    const recipients = await resolveRecipients(r, viewer.jurisdictionId, today, {
      main: input.mainRecipients,
      copy: input.copyRecipients ?? [],
    })
    const organisation = await loadRoutingOrganisation(r.organisation, viewer.jurisdictionId, today)
    const planned = planOutgoingDocument(deps.rules, organisation, {
      drafter: post,
      countersignDepartmentIds: input.countersignDepartmentIds ?? [],
      portfolioDeputyPostId: input.portfolioDeputyPostId,
      signoffFacts: {
        issuer: prefix.issuer,
        prefix: prefix.prefix,
        documentKind: input.kind,
        // The rulebooks call a 平行文 lateral.
        direction: input.direction === 'parallel' ? 'lateral' : input.direction,
        ...signOffFactsOf(input),
      },
    })
    const { signoff } = planned
    const countersign = [...new Set(input.countersignDepartmentIds ?? [])]
    const at = now.toISOString()
    const policy = input.policyDocument
      ? policyInterpretationOf(deps, viewer.jurisdictionId, input.interpretation)
      : null
    const plan: OutgoingPlan = {
      // One rulebook post id per resolved step (a merged step is named by its first role).
      reviewChain: planned.steps.map((step) => step.roles[0] as string),
      signer: signoff.outcome.signer,
      step: 0,
      draftingDepartmentId: post.departmentId,
      countersignDepartmentIds: countersign,
      prefix: prefix.prefix,
      summary: planned.summary,
      steps: planned.steps,
      signing: planned.signing,
      portfolioDeputyPostIds: planned.relations.overseers,
      involvedDeputyPostIds: planned.relations.involved,
      direction: input.direction,
      policy: policy?.plan ?? null,
      facts: { important: input.important ?? false, subjects: input.subjects ?? [] },
    }
    const document: DocumentRecord = {
      id: deps.newId(),
      jurisdictionId: viewer.jurisdictionId,
      direction: 'outgoing',
      kind: input.kind,
      title: input.title,
      body: input.body,
      senderDepartmentId: post.departmentId,
      senderReference: null,
      issuer: prefix.issuer,
      documentNumber: null,
      secrecy,
      secrecyPeriod,
      urgency: input.urgency,
      mainRecipients: recipients.main,
      copyRecipients: recipients.copy,
      signatories: [],
      contact: null,
      state: 'reviewing',
      dueDate: null,
      distributionPosts: [],
      distributionDepartments: [...(post.departmentId ? [post.departmentId] : []), ...countersign],
      createdByPersonId: session.personId,
      createdByPostId: post.postId,
      createdAt: at,
      updatedAt: at,
      plan,
      disclosure: null,
      disclosureReason: null,
      receiptNumber: null,
      externalSender: null,
      copies: null,
      receivedOn: null,
    }
    const citations: Citation[] = [
      ...signoff.citations,
      ...kindCitations,
      ...(policy?.citations ?? []),
    ]
    let countersignDue: string | null = null
    if (countersign.length > 0) {
      const deadline = ask<{ due: string; reminder: string[]; circulatedBy: string[] }>(
        deps.rules,
        viewer.jurisdictionId,
        'countersign-deadline',
        {
          requestedOn: today,
        },
      )
      countersignDue = deadline?.outcome.due ?? null
      // Who follows an overdue 会签 up (催办 by 综合股, 通报 by 办公厅) knows of the request.
      const followers = [
        ...(deadline?.outcome.reminder ?? []),
        ...(deadline?.outcome.circulatedBy ?? []),
      ]
      if (followers.length > 0)
        document.distributionPosts = (await r.organisation.unitPosts(viewer.jurisdictionId))
          .filter((candidate) => followers.some((id) => matchesRulebookPost(candidate, id)))
          .map((candidate) => candidate.postId)
      citations.push(...(deadline?.citations ?? []))
    }
    await openOutgoingDraft(r, deps, {
      document,
      citations,
      countersignDue,
      personId: session.personId,
      postId: post.postId,
      today,
      details: { plan: planned.summary, countersignDue },
    })
    await r.recipients.insertEntries(document.id, recipients.entries)
    return document
  })
}

/**
 * Stores a new outgoing draft whose plan is fixed: its first 核稿 post (or the signer) gets the
 * task, 会签 units get theirs with the reply period, and the draft's body is version 1. Shared
 * by 拟稿 and by the office drafting a meeting's 纪要, whose plan comes from the minutes rule.
 */
export async function openOutgoingDraft(
  r: Repositories,
  deps: Pick<DocumentDeps, 'hasher' | 'newId'>,
  draft: {
    document: DocumentRecord
    citations: readonly Citation[]
    countersignDue: string | null
    personId: string | null
    postId: string
    today: string
    details: Record<string, unknown>
  },
): Promise<void> {
  const { document, today } = draft
  const plan = document.plan as OutgoingPlan
  const at = document.createdAt
  const firstStep = plan.reviewChain[0]
  const reviewers = await stepPosts(r, document, plan, firstStep ? 0 : 'sign', today)
  if (reviewers.length === 0)
    throw new RuleRefusedError(
      'NO_REVIEWER',
      `按规则应由${firstStep ?? plan.signer.join('、')}审核，但本辖区没有对应的任职职务`,
      [...draft.citations],
    )
  // With no 核稿 step (a 纪要 whose rule names only the signer) the draft waits for its signer.
  if (!firstStep) document.state = 'awaitingSignature'
  document.distributionPosts = [
    ...new Set([...document.distributionPosts, ...reviewers.map((reviewer) => reviewer.postId)]),
  ]
  await r.documents.insert(document, searchTextOf(document))
  await recordBodyVersion(r, document, { personId: draft.personId, postId: draft.postId, at })
  await openTasks(r, deps.newId, document, {
    kind: 'countersign',
    departmentIds: plan.countersignDepartmentIds,
    dueDate: draft.countersignDue,
    at,
  })
  await openTasks(r, deps.newId, document, {
    kind: firstStep ? 'review' : 'sign',
    postIds: reviewers.map((reviewer) => reviewer.postId),
    dueDate: null,
    at,
  })
  await recordDocumentAct(r, deps, {
    document,
    before: null,
    at,
    personId: draft.personId,
    postId: draft.postId,
    action: 'draft',
    ruleIds: ruleIdsOf(draft.citations),
    details: draft.details,
  })
}

/**
 * A policy document's 政策解读: what the rulebook requires of it (procedure `policyDocument`,
 * e.g. 托克逊 三十七 同步组织、同步审签), and the interpretation text, which it must then have.
 */
function policyInterpretationOf(
  deps: Pick<DocumentDeps, 'rules'>,
  jurisdictionId: string,
  interpretation: string | undefined,
): { plan: PolicyInterpretation; citations: Citation[] } {
  const procedure = ask<{ missing: { code: string; label: string }[] }>(
    deps.rules,
    jurisdictionId,
    'procedure-check',
    { matter: 'policyDocument', completed: [] },
  )
  const text = interpretation?.trim() ?? ''
  // 同步组织 (托克逊 三十七, 延津 十六): the drafting procedure, where the rulebook states one, is
  // complete only with the interpretation drafted now, beside the document.
  const drafting = ask<{ complete: boolean }>(deps.rules, jurisdictionId, 'procedure-check', {
    matter: 'policyDocumentDrafting',
    completed: ['documentDrafted', ...(text ? ['interpretationDrafted'] : [])],
  })
  if (drafting && !drafting.outcome.complete)
    throw new RuleRefusedError(
      'POLICY_INTERPRETATION_MISSING',
      `政策性文件须同步起草政策解读：${drafting.summary}`,
      drafting.citations,
    )
  if (procedure && !text)
    throw new RuleRefusedError(
      'POLICY_INTERPRETATION_MISSING',
      `政策性文件须同步起草政策解读：${procedure.summary}`,
      procedure.citations,
    )
  return {
    plan: {
      interpretation: text,
      steps: (procedure?.outcome.missing ?? []).map(({ code, label }) => ({ code, label })),
    },
    citations: [...(drafting?.citations ?? []), ...(procedure?.citations ?? [])],
  }
}
