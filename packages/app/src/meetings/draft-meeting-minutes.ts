import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { actorOf } from '../documents/act-on-document.ts'
import type { DocumentRecord, MinutesFacts, OutgoingPlan } from '../documents/document.ts'
import { assertOfficePost } from '../documents/document-office.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { openOutgoingDraft } from '../documents/draft-outgoing-document.ts'
import { ConflictError, NotFoundError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { assertMeetingState, type MeetingDeps, recordMeetingAct } from './act-on-meeting.ts'
import type { AgendaItemRecord, MeetingParticipant, MeetingRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { loadMeetingRoster } from './agenda-recorders.ts'
import { minutesPlanOf, minutesRuleFor } from './meeting-plan.ts'
import { meetingHeldAt, meetingHeldDateOf, meetingTypeOf } from './meeting-types.ts'

const DECISION_LABELS: Record<string, string> = {
  adopted: '会议原则通过',
  adoptedWithChanges: '会议原则通过，按会议意见修改完善',
  deferred: '会议决定暂缓研究',
  rejected: '会议决定不予通过',
}

/**
 * 起草纪要: the office drafts the meeting's minutes from its decisions. The draft is an outgoing
 * document of kind 纪要 whose review chain and signer come from the minutes rule (钟山 第四十八条:
 * 常务副区长和办公室主任审核，区长签发); where the rule names no signer (木里 第十八条 "送签"), it
 * goes to the meeting's presider. Its time limit is the rule's period from the meeting.
 */
export function draftMeetingMinutes(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string },
): Promise<DocumentRecord> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    const meeting = await r.meetings.visible(viewer, input.meetingId, { forUpdate: true })
    if (!meeting) throw new NotFoundError('MEETING_NOT_FOUND', '没有这次会议，或您无权查看')
    const office = meetingOffice(deps.rules, meeting.jurisdictionId)
    assertOfficePost(post, office, '起草会议纪要')
    assertMeetingState(meeting, ['closed'], '起草纪要（须先散会）')
    if (meeting.minutesDocumentId) throw new ConflictError('MINUTES_EXIST', '本次会议的纪要已起草')
    if (!post.departmentId)
      throw new NotPermittedError('NOT_A_UNIT_POST', `${post.title}不属于任何单位，不能拟稿`)
    const meetingDate = meetingHeldDateOf(meeting)
    const { type } = meetingTypeOf(
      deps.rules,
      meeting.jurisdictionId,
      meeting.meetingType,
      meetingDate,
    )
    const minutesRule = minutesRuleFor(deps.rules, meeting, meetingDate)
    const rule = minutesRule && {
      outcome: minutesRule,
      summary: minutesRule.summary,
      citations: minutesRule.citations,
    }
    const rulebook = deps.rules.rulebook(meeting.jurisdictionId, meetingDate)
    if (!rulebook) throw new NotFoundError('RULEBOOK_NOT_FOUND', '本辖区没有生效的规则库')
    const roster = await loadMeetingRoster(r, {
      rulebook,
      jurisdictionId: meeting.jurisdictionId,
      on: shanghaiDateOf(now.getTime()),
    })
    const [items, participants] = await Promise.all([
      r.meetings.items(meeting.id),
      r.meetings.participants(meeting.id),
    ])
    const facts = await minutesFacts(r, meeting, type.name, participants, meetingDate)
    const decided = items
      .filter((item) => item.state === 'decided')
      .sort((a, b) => a.position - b.position)
    // 核稿 and 签发 resolved for this meeting: its presider, the deputies over its items' units.
    const { steps, signing } = minutesPlanOf(roster, minutesRule, meeting, {
      officeDepartmentId: post.departmentId,
      decided,
    })
    const presiderRole = roster.posts.find((p) => p.postId === meeting.presiderPostId)?.role
    const vacant = [...steps, signing].filter((step) => step.postIds.length === 0)
    if (vacant.length)
      throw new RuleRefusedError(
        'MINUTES_STEP_UNRESOLVED',
        `纪要的${vacant.map((step) => step.label).join('、')}本辖区无人在岗，暂不能起草纪要`,
        rule?.citations ?? [],
      )
    const at = now.toISOString()
    const plan: OutgoingPlan = {
      reviewChain: (rule?.outcome.reviewChain ?? []).map((entry) =>
        typeof entry === 'string' ? entry : entry.anyOf.join('|'),
      ),
      steps,
      signing,
      // 会议主持人 stands for the presider's own post, as the signer's title shows it.
      signer: signing.roles
        .flatMap((role) => role.split('|'))
        .map((id) => (id === 'presider' ? (presiderRole ?? id) : id)),
      step: 0,
      draftingDepartmentId: post.departmentId,
      countersignDepartmentIds: [],
      prefix: `${type.name}纪要`,
      summary: rule?.summary ?? `规则库未规定${type.name}纪要的审核签发，送会议主持人签发`,
      direction: 'downward',
      policy: null,
      minutes: facts,
    }
    const units = [...new Set(decided.map((item) => item.submittingDepartmentId))]
    const document: DocumentRecord = {
      id: deps.newId(),
      jurisdictionId: meeting.jurisdictionId,
      direction: 'outgoing',
      kind: '纪要',
      title: `${meeting.title}纪要`,
      body: minutesBody(facts, decided),
      senderDepartmentId: post.departmentId,
      senderReference: null,
      issuer: 'government',
      documentNumber: null,
      secrecy: meeting.secrecy,
      secrecyPeriod: null,
      urgency: 'normal',
      mainRecipients: [],
      copyRecipients: [],
      signatories: [],
      contact: null,
      state: 'reviewing',
      dueDate: meeting.minutesDue ?? rule?.outcome.due ?? null,
      distributionPosts: [...meeting.distributionPosts],
      distributionDepartments: [...new Set([post.departmentId, ...units])],
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
    const citations: Citation[] = rule?.citations ?? []
    await openOutgoingDraft(r, deps, {
      document,
      citations,
      countersignDue: null,
      personId: session.personId,
      postId: post.postId,
      today: shanghaiDateOf(now.getTime()),
      details: { plan: plan.summary, meetingId: meeting.id, minutesDue: document.dueDate },
    })
    await r.meetings.update(meeting.id, { minutesDocumentId: document.id })
    await recordMeetingAct(r, deps, {
      meetingId: meeting.id,
      jurisdictionId: meeting.jurisdictionId,
      at,
      personId: session.personId,
      postId: post.postId,
      action: 'draftMinutes',
      text: plan.summary,
      ruleIds: ruleIdsOf(citations),
      details: { documentId: document.id },
    })
    return document
  })
}

async function minutesFacts(
  r: Repositories,
  meeting: MeetingRecord,
  meetingName: string,
  participants: readonly MeetingParticipant[],
  on: string,
): Promise<MinutesFacts> {
  const label = async (postId: string) => {
    const post = await r.organisation.post(postId, on)
    const names = post?.holders.map((holder) => holder.name).join('、')
    return post ? `${post.title}${names ? ` ${names}` : ''}` : postId
  }
  const of = (filter: (p: MeetingParticipant) => boolean) =>
    Promise.all(
      participants.filter(filter).map(async (p) => {
        const text = await label(p.postId)
        return p.substitute && p.attendance === 'onLeave'
          ? `${text}（代会：${p.substitute}）`
          : text
      }),
    )
  return {
    meetingId: meeting.id,
    meetingName,
    // When it was held (opened), not when it was planned.
    heldAt: meetingHeldAt(meeting),
    location: meeting.location,
    presider: meeting.presiderPostId ? await label(meeting.presiderPostId) : '',
    present: await of((p) => p.role === 'member' && p.attendance === 'present'),
    onLeave: await of((p) => p.attendance === 'onLeave'),
    attendees: await of((p) => p.role === 'attendee' && p.attendance === 'present'),
  }
}

/** The body the office edits: one numbered paragraph per decided item. */
function minutesBody(facts: MinutesFacts, items: readonly AgendaItemRecord[]): string {
  const numerals = [
    '一',
    '二',
    '三',
    '四',
    '五',
    '六',
    '七',
    '八',
    '九',
    '十',
    '十一',
    '十二',
    '十三',
    '十四',
    '十五',
    '十六',
    '十七',
    '十八',
    '十九',
    '二十',
  ]
  const heldOn = shanghaiDateOf(new Date(facts.heldAt).getTime())
  const [year, month, day] = heldOn.split('-').map(Number)
  const opening = `${year}年${month}月${day}日，${facts.presider}主持召开${facts.meetingName}${facts.location ? `（${facts.location}）` : ''}，研究了以下事项。现纪要如下：`
  const paragraphs = items.map(
    (item, index) =>
      `${numerals[index] ?? index + 1}、${item.title.startsWith('关于') ? '' : '关于'}${item.title}\n${DECISION_LABELS[item.decision ?? ''] ?? ''}。${item.decisionText ?? ''}`,
  )
  return [opening, ...paragraphs].join('\n')
}
