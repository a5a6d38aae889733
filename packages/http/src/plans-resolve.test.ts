import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  assertDocumentKind,
  documentPrefixesOf,
  DomainError,
  loadRoutingOrganisation,
  planIncomingDocument,
  planOutgoingDocument,
  type RosterFile,
  type RoutingOrganisation,
  type RulesPort,
  signOffFactsOf,
} from '@zhengling/app'
import { createRepositories, type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { DOCUMENT_SUBJECTS, type DocumentSubject } from '@zhengling/rules'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { DEMO_ROSTERS, rostersSeed } from './test-support/demo-rosters.ts'

// No dead ends, proved by enumeration (issue #11): for every jurisdiction with a demo roster,
// every plan the documents flow would run — outgoing: issuing prefix × 文种 × direction × the
// sign-off facts × drafting unit (every unit, the office, every leader) × 会签 scope; incoming:
// sending unit × units concerned × major or not × handling unit — is computed by the planning
// functions the use cases call, over the organisation loaded from the database. Each step must
// go to at least one post someone holds that day (or acts for), no post twice in one plan; or
// the act is refused up front naming the post (or unit) and citing the article.
const ON = '2026-03-02'
const ROSTERS = DEMO_ROSTERS

/** Decisions are pure: asked once per distinct input, so the enumeration stays fast. */
function memoised(rules: RulesPort): RulesPort {
  const decisions = new Map<string, ReturnType<RulesPort['decide']>>()
  const books = new Map<string, ReturnType<RulesPort['rulebook']>>()
  return {
    decide(jurisdictionId, decision, input) {
      let key = `${jurisdictionId} ${decision}`
      for (const name in input) key += ` ${name}=${String(input[name])}`
      if (!decisions.has(key)) decisions.set(key, rules.decide(jurisdictionId, decision, input))
      return decisions.get(key) as ReturnType<RulesPort['decide']>
    },
    rulebook(jurisdictionId, on) {
      const key = `${jurisdictionId} ${on}`
      if (!books.has(key)) books.set(key, rules.rulebook(jurisdictionId, on))
      return books.get(key)
    },
    workingDaysLeft: (...args) => rules.workingDaysLeft(...args),
  }
}

/** Who can act in each post on the day, straight from the roster file (not from the database). */
function staffedTitles(roster: RosterFile): Set<string> {
  const covers = (range: { from: string; to?: string }) =>
    range.from <= ON && (!range.to || ON <= range.to)
  const held = new Set(
    roster.posts.filter((post) => post.holders.some(covers)).map((post) => post.title),
  )
  const acted = roster.acting
    .filter((acting) => covers(acting) && held.has(acting.actingPost))
    .map((acting) => acting.post)
  return new Set([...held, ...acted])
}

interface Tally {
  combinations: number
  resolved: number
  refused: Map<string, number>
  /** Steps with nobody to take them, or refusals that name no post or cite no article. */
  unresolvable: string[]
}

const tally = (): Tally => ({ combinations: 0, resolved: 0, refused: new Map(), unresolvable: [] })

/** A refusal up front counts when it is STEP_UNRESOLVED, cites an article and names its post. */
function judgeRefusal(
  t: Tally,
  error: unknown,
  names: readonly string[],
  what: () => string,
  weight = 1,
) {
  if (!(error instanceof DomainError)) throw error
  const citations = (error as DomainError & { citations?: unknown[] }).citations ?? []
  const named = names.some((name) => error.message.includes(name))
  if (error.code !== 'STEP_UNRESOLVED' || citations.length === 0 || !named) {
    for (let i = 0; i < weight; i++)
      t.unresolvable.push(`${what()}: ${error.code} ${error.message}`)
    return
  }
  const reason = error.message.replace(/^按[^，]*，/, '').slice(0, 40)
  t.refused.set(reason, (t.refused.get(reason) ?? 0) + weight)
}

/** Over every roster: the figures the closing note reports. */
const totals = { combinations: 0, unresolvable: 0 }
const count = (t: Tally) => {
  totals.combinations += t.combinations
  totals.unresolvable += t.unresolvable.length
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)]

let handle: DatabaseHandle
const rules = memoised(createRulesPort(testLibrary()))
const organisations = new Map<string, RoutingOrganisation>()

before(async () => {
  handle = await openTestDatabase({ seed: rostersSeed(ON) })
  const r = createRepositories(handle.db)
  for (const roster of ROSTERS) {
    const id = roster.jurisdiction.id
    organisations.set(id, await loadRoutingOrganisation(r.organisation, id, ON))
  }
})
after(() => handle?.close())

describe('every document plan resolves to someone, in every county with a roster', () => {
  it('has the rosters of the demo counties', () => {
    assert.ok(ROSTERS.length >= 3, `rosters found: ${ROSTERS.map((r) => r.jurisdiction.id)}`)
  })

  for (const roster of ROSTERS) {
    const id = roster.jurisdiction.id
    const staffed = staffedTitles(roster)

    it(`${roster.jurisdiction.name}: outgoing plans (prefix × 文种 × direction × facts × drafter × 会签)`, async (t) => {
      const organisation = organisations.get(id) as RoutingOrganisation
      const titleOf = new Map(organisation.posts.map((post) => [post.postId, post.title]))
      const unitName = new Map(organisation.units.map((unit) => [unit.id, unit.name]))
      const rulebook = rules.rulebook(id, ON)
      assert.ok(rulebook, `${id} has a rulebook in force on ${ON}`)
      const prefixes = await documentPrefixesOf(createRepositories(handle.db), rules, id, ON)
      assert.ok(prefixes.length > 0, `${id} has numbering prefixes`)
      const signOffRules = rulebook.rules.filter((rule) => rule.kind === 'signOff')
      const whenOf = (rule: (typeof signOffRules)[number]) =>
        (rule.when ?? {}) as Record<string, unknown>
      const kinds = unique([
        ...rulebook.rules
          .filter((rule) => rule.kind === 'documentKinds')
          .flatMap((rule) => (rule.params as { kinds: string[] }).kinds),
        ...signOffRules.flatMap((rule) => (whenOf(rule).documentKinds as string[]) ?? []),
      ])
      // What the drafter answers besides kind and direction (重要/全局性, 人事任免…), told to the
      // sign-off rule as the draft tells it.
      const subjects = Object.keys(DOCUMENT_SUBJECTS) as DocumentSubject[]
      const factSets = [false, true].flatMap((important) =>
        [[], ...subjects.map((subject) => [subject])].map((chosen) =>
          signOffFactsOf({ important, subjects: chosen }),
        ),
      )
      // Drafters: a post someone holds in every unit (its head first), and every leader.
      const drafters = [
        ...organisation.units.flatMap((unit) => {
          const posts = organisation.posts
            .filter((p) => p.departmentId === unit.id && organisation.staffed.has(p.postId))
            .sort((a, b) => Number(b.headsUnit) - Number(a.headsUnit))
          return posts.slice(0, 1)
        }),
        ...organisation.posts.filter(
          (post) => !post.departmentId && organisation.staffed.has(post.postId),
        ),
      ]
      assert.ok(drafters.some((d) => d.unitRulebookPost === null && d.departmentId === null))
      assert.ok(
        drafters.some((d) =>
          organisation.units.some((u) => u.id === d.departmentId && u.overseerPostIds.length === 0),
        ),
        'the office (a unit no deputy oversees) drafts too',
      )
      // 会签 scopes: none; one unit (in the drafter's portfolio, across, or with nobody in post);
      // two units in post crossing portfolios. Units alike in who oversees them and whether
      // anyone is in post route alike, so one of each kind stands for the others.
      const overseersOf = (unitId: string) =>
        organisation.units.find((u) => u.id === unitId)?.overseerPostIds.join(',') ?? ''
      const inPost = (unitId: string) =>
        organisation.posts.some(
          (p) => p.departmentId === unitId && organisation.staffed.has(p.postId),
        )
      const countersignFor = (unitId: string | null) => {
        const others = organisation.units.map((u) => u.id).filter((u) => u !== unitId)
        const reps = [...new Map(others.map((u) => [`${overseersOf(u)}|${inPost(u)}`, u])).values()]
        const staffedReps = reps.filter(inPost)
        const pairs = staffedReps.flatMap((a, i) =>
          staffedReps
            .slice(i + 1)
            .filter((b) => overseersOf(a) !== overseersOf(b))
            .map((b) => [a, b]),
        )
        return [[], ...reps.map((u) => [u]), ...pairs]
      }

      // A refusal names a post as the rulebook titles it, or the unit nobody is in post in.
      const refusalNames = [
        ...[...rulebook.posts.values()].map((post) => post.title),
        ...unitName.values(),
      ]
      // The sign-off facts (prefix × 文种 × direction × the drafter's answers) reach the plan only
      // through the sign-off decision, which is pure: facts the decision answers alike for both
      // scopes the 会签 can give (within or across portfolios) plan alike for every drafter and
      // 会签. One of each such group is planned for every drafter × 会签, counting for the group.
      const groups = new Map<string, Record<string, unknown>[]>()
      const unreachableKinds = new Set<string>()
      for (const prefix of prefixes)
        for (const kind of kinds) {
          // A 文种 a sign-off rule names but 第八条 does not know is refused at drafting.
          try {
            assertDocumentKind(rules, id, kind)
          } catch (error) {
            assert.ok(error instanceof DomainError && error.code === 'UNKNOWN_DOCUMENT_KIND')
            unreachableKinds.add(`${kind}（${error.message.slice(0, 12)}…）`)
            continue
          }
          for (const direction of ['downward', 'upward', 'lateral'])
            for (const facts of factSets) {
              const signoffFacts = {
                issuer: prefix.issuer,
                prefix: prefix.prefix,
                documentKind: kind,
                direction,
                ...facts,
              }
              const key = ['portfolio', 'crossPortfolio']
                .map((scope) => {
                  const answer = rules.decide(id, 'outgoing-signoff', { scope, ...signoffFacts })
                  return answer.ok
                    ? JSON.stringify([answer.result.outcome, answer.result.citations])
                    : answer.error.code
                })
                .join('|')
              groups.set(key, [...(groups.get(key) ?? []), signoffFacts])
            }
        }

      const result = tally()
      let planned = 0
      for (const drafter of drafters)
        for (const countersign of countersignFor(drafter.departmentId))
          for (const group of groups.values()) {
            const signoffFacts = group[0] as Record<string, unknown>
            const weight = group.length
            result.combinations += weight
            planned++
            const what = () =>
              `${drafter.title} ${JSON.stringify(signoffFacts)}（及同组${weight - 1}种） 会签[${countersign.map((u) => unitName.get(u))}]`
            let plan
            try {
              plan = planOutgoingDocument(rules, organisation, {
                drafter,
                countersignDepartmentIds: countersign,
                signoffFacts,
              })
            } catch (error) {
              judgeRefusal(result, error, refusalNames, what, weight)
              continue
            }
            result.resolved += weight
            const steps = [...plan.steps, plan.signing]
            const asked = steps.flatMap((step) => step.postIds)
            for (const step of [...steps, { label: '编号印发', postIds: plan.issuingPostIds }])
              if (!step.postIds.some((postId) => staffed.has(titleOf.get(postId) as string)))
                result.unresolvable.push(`${what()}: ${step.label} 无人`)
            // A step every post of which must review (每位有关副县长会签) needs each of them held.
            for (const step of plan.steps)
              if (
                step.all &&
                !step.postIds.every((postId) => staffed.has(titleOf.get(postId) as string))
              )
                result.unresolvable.push(`${what()}: ${step.label} 须每位审核，但有人不在岗`)
            if (new Set(asked).size !== asked.length)
              result.unresolvable.push(
                `${what()}: 同一职务被要求两次 ${asked.map((p) => titleOf.get(p))}`,
              )
          }
      t.diagnostic(
        `${id}: ${groups.size} distinct sign-off answers, ${planned} plans computed for ${drafters.length} drafters`,
      )
      t.diagnostic(
        `${id}: ${result.combinations} outgoing combinations, ${result.resolved} resolved, ` +
          `${result.combinations - result.resolved} refused up front, ${result.unresolvable.length} unresolvable`,
      )
      for (const [reason, n] of result.refused) t.diagnostic(`  refused ×${n}: ${reason}…`)
      for (const kind of unreachableKinds) t.diagnostic(`  文种 refused at drafting: ${kind}`)
      count(result)
      assert.deepEqual(result.unresolvable.slice(0, 10), [])
      assert.ok(result.resolved > 0)
    })

    it(`${roster.jurisdiction.name}: incoming plans (sender × units concerned × major × handling unit)`, (t) => {
      const organisation = organisations.get(id) as RoutingOrganisation
      const titleOf = new Map(organisation.posts.map((post) => [post.postId, post.title]))
      const unitName = new Map(organisation.units.map((unit) => [unit.id, unit.name]))
      const names = [...organisation.posts.map((p) => p.title), ...unitName.values()]
      // Senders: every unit someone there can submit for (a leader's post is no 来文单位). The
      // course of an incoming document does not depend on its 文种 or direction (those the 初审
      // decides on, returning it with the article), so they are not multiplied in here.
      const senders = organisation.units.filter((unit) =>
        organisation.posts.some(
          (p) => p.departmentId === unit.id && organisation.staffed.has(p.postId),
        ),
      )
      const result = tally()
      for (const sender of senders) {
        const concernedScopes = [
          [],
          ...organisation.units.filter((u) => u.id !== sender.id).map((u) => [u.id]),
        ]
        for (const concerned of concernedScopes)
          for (const major of [false, true])
            for (const handling of organisation.units) {
              result.combinations++
              const what = () =>
                `${sender.name} 涉及[${concerned.map((u) => unitName.get(u))}] ${major ? '重大' : ''} 承办${handling.name}`
              let steps
              try {
                steps = planIncomingDocument(rules, organisation, {
                  senderDepartmentId: sender.id,
                  concernedDepartmentIds: concerned,
                  major,
                  handlingDepartmentIds: [handling.id],
                })
              } catch (error) {
                judgeRefusal(result, error, names, what)
                continue
              }
              result.resolved++
              for (const step of steps) {
                const posts = step.postIds.filter((p) => staffed.has(titleOf.get(p) as string))
                const units = step.departmentIds.filter((unitId) =>
                  organisation.posts.some((p) => p.departmentId === unitId && staffed.has(p.title)),
                )
                if (posts.length === 0 && units.length === 0)
                  result.unresolvable.push(`${what()}: ${step.label} 无人`)
              }
            }
      }
      t.diagnostic(
        `${id}: ${result.combinations} incoming combinations, ${result.resolved} resolved, ` +
          `${result.combinations - result.resolved} refused up front, ${result.unresolvable.length} unresolvable`,
      )
      for (const [reason, n] of result.refused) t.diagnostic(`  refused ×${n}: ${reason}…`)
      count(result)
      assert.deepEqual(result.unresolvable.slice(0, 10), [])
      assert.ok(result.resolved > 0)
    })
  }

  it('checked every combination with zero unresolvable steps', (t) => {
    t.diagnostic(
      `${ROSTERS.length} jurisdictions: ${totals.combinations} combinations checked, ${totals.unresolvable} unresolvable`,
    )
    assert.equal(totals.unresolvable, 0)
    assert.ok(totals.combinations > 0)
  })
})
