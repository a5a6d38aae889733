import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  agendaAssignments,
  agendaGateOf,
  assertAgendaResolvable,
  assertLeadUnitStaffed,
  assertMeetingResolvable,
  DomainError,
  dueBySource,
  heldNamed,
  isOfficePost,
  isSupervisionOffice,
  ledgerKeepers,
  loadMeetingRoster,
  MANUAL_SOURCES,
  type MeetingAssignment,
  meetingAssignments,
  meetingOffice,
  type MeetingRecord,
  type MeetingRoster,
  mayPreside,
  participantsFor,
  recorderContextOf,
  type RulesPort,
} from '@zhengling/app'
import { createRepositories, type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { DEMO_ROSTERS, rostersSeed } from './test-support/demo-rosters.ts'

// No dead ends in meetings and supervision, proved by enumeration (issue #11): for every
// jurisdiction with a demo roster, every meeting kind of its rulebook × every post that may preside
// × every unit that may submit an item (ordinary or 临时动议) × every step and condition of that
// meeting's agenda admission (conditional and over-cap ones included) and its approval; every
// participant's leave approver and the minutes' 核稿 and 签发; and every supervision source × lead
// unit: the due date, the desk that reviews and escalates, the lead unit's own posts. Each is
// computed by the functions the use cases call, over the organisation loaded from the database,
// and must reach a post someone holds that day (or acts for) — or be refused up front (at
// scheduling or submission) with a Chinese message naming the post and citing the article.
const ON = '2026-03-02'
const MEETING_AT = '2026-03-12T01:00:00.000Z'
const ROSTERS = DEMO_ROSTERS

interface Tally {
  combinations: number
  resolved: number
  refused: number
  /** Acts nobody can take and nothing refuses up front. */
  unresolvable: string[]
}
const totals = { combinations: 0, resolved: 0, refused: 0, unresolvable: 0 }
const tally = (): Tally => ({ combinations: 0, resolved: 0, refused: 0, unresolvable: [] })
const add = (t: Tally) => {
  totals.combinations += t.combinations
  totals.resolved += t.resolved
  totals.refused += t.refused
  totals.unresolvable += t.unresolvable.length
}

/** A refusal counts when it is coded, cites an article and its message names a post of the act. */
function refusedUpFront(
  act: () => void,
  code: string,
  names: readonly string[],
): string | undefined {
  try {
    act()
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    const citations = (error as DomainError & { citations?: unknown[] }).citations ?? []
    if (error.code !== code) return `${error.code} instead of ${code}: ${error.message}`
    if (citations.length === 0) return `no article cited: ${error.message}`
    if (!names.some((name) => error.message.includes(name)))
      return `names none of ${names.join('、')}: ${error.message}`
    if (!/[\u4e00-\u9fff]/.test(error.message)) return `not in Chinese: ${error.message}`
    return undefined
  }
  return 'not refused'
}

let handle: DatabaseHandle
const r = () => createRepositories(handle.db)
const rules: RulesPort = createRulesPort(testLibrary())
const rosters = new Map<string, MeetingRoster>()
const units = new Map<string, { id: string; name: string }[]>()

before(async () => {
  handle = await openTestDatabase({ seed: rostersSeed(ON) })
  const r = createRepositories(handle.db)
  for (const roster of ROSTERS) {
    const id = roster.jurisdiction.id
    const rulebook = rules.rulebook(id, ON)
    assert.ok(rulebook, `${id} has a rulebook in force on ${ON}`)
    rosters.set(id, await loadMeetingRoster(r, { rulebook, jurisdictionId: id, on: ON }))
    const chart = await r.organisation.organisationChart(id, ON)
    units.set(id, chart?.departments.map(({ id: unit, name }) => ({ id: unit, name })) ?? [])
  }
})
after(async () => {
  await handle?.close()
  console.log(
    `meetings and supervision: ${totals.combinations} combinations, ${totals.resolved} resolved, ` +
      `${totals.refused} refused up front, ${totals.unresolvable} unresolvable`,
  )
})

describe('every meeting and supervision act resolves to someone, in every county with a roster', () => {
  it('has the rosters of the demo counties', () => {
    assert.ok(ROSTERS.length >= 3, `rosters found: ${ROSTERS.map((r) => r.jurisdiction.id)}`)
  })

  for (const file of ROSTERS) {
    const id = file.jurisdiction.id

    it(`${file.jurisdiction.name}: meeting kinds × presider × submitting unit × agenda step, leave, minutes`, () => {
      const roster = rosters.get(id) as MeetingRoster
      const { rulebook } = roster
      const t = tally()
      const schedulable = new Set<string>()
      const blockedUnits: string[] = []
      const held = (postId: string) => (roster.holders.get(postId)?.length ?? 0) > 0
      const office = meetingOffice(rules, id)
      const officePost = roster.posts.find(
        (post) => isOfficePost(post, office) && held(post.postId),
      )
      assert.ok(officePost, `${id}: someone in the office organises meetings`)
      // Every unit with a post someone holds may submit an item (报送议题 needs a unit post).
      const submitters = (units.get(id) ?? []).filter((unit) =>
        roster.posts.some((post) => post.departmentId === unit.id && held(post.postId)),
      )
      assert.ok(submitters.length > 0)

      for (const type of rulebook.meetings.values()) {
        const presiders = roster.posts.filter(
          (post) => held(post.postId) && mayPreside(rulebook, type, post),
        )
        if (presiders.length === 0) {
          // Nobody may convene it: scheduling refuses with the article (PRESIDER_NOT_AUTHORISED).
          t.combinations += 1
          t.refused += 1
          continue
        }
        const { members, attendees } = participantsFor(rulebook, type, roster.posts)
        for (const presider of presiders) {
          const meeting = {
            id: 'enumerated',
            jurisdictionId: id,
            meetingType: type.id,
            startsAt: MEETING_AT,
            presiderPostId: presider.postId,
            state: 'planned',
          } as MeetingRecord
          const where = `${id} ${type.name}（${presider.title}主持）`
          // The heads of every submitting unit may attend (与议题有关的部门主要负责人列席).
          const heads = roster.posts.filter(
            (post) => post.headsUnit && submitters.some((unit) => unit.id === post.departmentId),
          )
          const participants = [...new Set([...members, ...attendees, ...heads])]
          const assignments = meetingAssignments(rules, roster, meeting, {
            participants,
            officeDepartmentId: officePost.departmentId,
            meetingDate: ON,
            meetingArticle: [],
          })
          judgeMeeting(t, roster, assignments, where)
          if (assignments.every((assignment) => assignment.held.length > 0))
            schedulable.add(type.id)

          // A unit no deputy oversees (the office) names its 分管副职 at submission, or names
          // none (ADR 0010): every deputy with a portfolio, and none, are tried.
          const deputies = [...new Set([...roster.overseers.values()].flat())]
          const namings = (unitId: string) =>
            (roster.overseers.get(unitId)?.length ?? 0) > 0 ? [null] : [null, ...deputies]
          for (const unit of submitters)
            for (const named of namings(unit.id)) {
              const context = recorderContextOf(roster, {
                submittingDepartmentId: unit.id,
                presiderPostId: presider.postId,
                portfolioDeputyPostId: named,
              })
              const naming = named
                ? `（指定${roster.posts.find((post) => post.postId === named)?.title}）`
                : ''
              for (const adHoc of [false, true]) {
                const item = { characteristics: [], completed: [], adHoc, submittedAt: MEETING_AT }
                const gate = agendaGateOf(rules, meeting, item, 0)
                for (const assignment of agendaAssignments(gate, context, item, type.id)) {
                  t.combinations += 1
                  if (assignment.held.length > 0) {
                    t.resolved += 1
                    continue
                  }
                  // Nobody holds it: an item that needs it must be refused at submission.
                  // (A unit without a 分管副职 that names none is refused; naming one must work.)
                  if (assignment.applies && !adHoc && (named || namings(unit.id).length === 1))
                    blockedUnits.push(`${where} ${unit.name}${naming}`)
                  const condition = gate.conditions.find((c) => c.code === assignment.code)
                  const needing = {
                    ...item,
                    characteristics: condition?.when ? [condition.when.code] : [],
                  }
                  const full = condition?.type === 'overCap' ? 1000 : 0
                  const titles = assignment.rulebookPosts.map(
                    (post) => rulebook.posts.get(post)?.title ?? post,
                  )
                  const failure = refusedUpFront(
                    () =>
                      assertAgendaResolvable(
                        agendaGateOf(rules, meeting, needing, full),
                        context,
                        needing,
                        type.id,
                      ),
                    'AGENDA_STEP_UNRESOLVED',
                    titles,
                  )
                  if (failure)
                    t.unresolvable.push(
                      `${where} ${unit.name}${naming}${adHoc ? '（临时动议）' : ''}：${assignment.label}（${titles.join('或')}）— ${failure}`,
                    )
                  else t.refused += 1
                }
              }
            }
        }
      }
      add(t)
      assert.deepEqual(t.unresolvable, [], t.unresolvable.slice(0, 20).join('\n'))
      assert.ok(t.combinations > 0)
      // Refusing is honest, but the demo county must work: every meeting kind someone may
      // convene can be scheduled, and every unit can put an ordinary item to it.
      const convened = [...rulebook.meetings.values()].filter((type) =>
        roster.posts.some((post) => held(post.postId) && mayPreside(rulebook, type, post)),
      )
      assert.deepEqual(
        convened.filter((type) => !schedulable.has(type.id)).map((type) => type.name),
        [],
        `${id}: meeting kinds no presider can schedule`,
      )
      assert.deepEqual(blockedUnits, [], `${id}: ordinary items every submission refuses`)
    })

    it(`${file.jurisdiction.name}: supervision source × lead unit`, async () => {
      const roster = rosters.get(id) as MeetingRoster
      const t = tally()
      const held = (postId: string) => (roster.holders.get(postId)?.length ?? 0) > 0
      const desk = roster.posts.filter((post) => isSupervisionOffice(post) && held(post.postId))
      const keepers = ledgerKeepers(rules, id)
      const context = recorderContextOf(roster, {
        submittingDepartmentId: '',
        presiderPostId: null,
      })
      const keeping = heldNamed(context, keepers.posts)
      for (const source of Object.keys(MANUAL_SOURCES)) {
        const due = dueBySource(rules, id, source, ON)
        for (const unit of units.get(id) ?? []) {
          t.combinations += 1
          const where = `${id} ${MANUAL_SOURCES[source]} → ${unit.name}`
          const lead = roster.posts.filter(
            (post) => post.departmentId === unit.id && held(post.postId),
          )
          const problems = [
            // The due date: the rule's period for the source, or asked at entry (DUE_DATE_REQUIRED).
            due && !(due.outcome.due >= ON) ? `due ${due.outcome.due} before ${ON}` : '',
            // 审核办结、审核延期、逾期督办: the supervision office.
            desk.length === 0 ? '督查部门无人在岗（审核办结、延期、逾期督办）' : '',
            // 立项: the supervision office or the ledger office the rulebook names.
            keeping.length === 0 && desk.length === 0 ? '立项督办无人在岗' : '',
          ].filter(Boolean)
          if (problems.length) {
            t.unresolvable.push(`${where}: ${problems.join('；')}`)
            continue
          }
          if (lead.length > 0) {
            t.resolved += 1
            continue
          }
          // 报告进展、申请办结 are the lead unit's: an unstaffed unit is refused at entry.
          const refusal = await assertLeadUnitStaffed(r(), id, unit.id, ON).then(
            () => 'not refused',
            (error: unknown) =>
              error instanceof DomainError &&
              error.code === 'LEAD_UNIT_UNSTAFFED' &&
              error.message.includes(unit.name)
                ? undefined
                : String(error),
          )
          if (refusal) t.unresolvable.push(`${where}: 牵头单位无人在岗 — ${refusal}`)
          else t.refused += 1
        }
      }
      add(t)
      assert.deepEqual(t.unresolvable, [], t.unresolvable.slice(0, 20).join('\n'))
    })
  }
})

/** Every act of the meeting reaches a held post, or scheduling refuses it with post and article. */
function judgeMeeting(
  t: Tally,
  roster: MeetingRoster,
  assignments: readonly MeetingAssignment[],
  where: string,
) {
  for (const assignment of assignments) {
    t.combinations += 1
    if (assignment.held.length > 0) {
      t.resolved += 1
      continue
    }
    const titles = assignment.rulebookPosts
      .flatMap((post) => post.split('|'))
      .map((post) => roster.rulebook.posts.get(post)?.title ?? post)
    const failure = refusedUpFront(
      () => assertMeetingResolvable(roster, [assignment]),
      'MEETING_STEP_UNRESOLVED',
      titles,
    )
    if (failure) t.unresolvable.push(`${where}：${assignment.label} — ${failure}`)
    else t.refused += 1
  }
}
