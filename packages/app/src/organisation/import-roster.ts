import { auditEntry, digestOf } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import type { InTransaction } from '../unit-of-work.ts'
import type { RosterFile } from './roster-file.ts'

export interface RosterImportReport {
  jurisdictionId: string
  created: Record<
    | 'jurisdiction'
    | 'departments'
    | 'people'
    | 'posts'
    | 'holdings'
    | 'portfolios'
    | 'acting'
    | 'documentPrefixes'
    | 'recipientGroups',
    number
  >
  /** Post roles the jurisdiction's rulebook does not name: routing will not find these posts. */
  unknownRoles: string[]
}

/**
 * Brings a jurisdiction's organisation in line with its roster file, in one transaction with
 * one audit record (the file's digest and what changed). Re-importing the same file changes
 * nothing. `knownRoles` are the post ids of the jurisdiction's rulebook.
 */
export function importRoster(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date; newId: () => string },
  roster: RosterFile,
  options: { knownRoles?: ReadonlySet<string>; via: string },
): Promise<RosterImportReport> {
  const jurisdictionId = roster.jurisdiction.id
  const created: RosterImportReport['created'] = {
    jurisdiction: 0,
    departments: 0,
    people: 0,
    posts: 0,
    holdings: 0,
    portfolios: 0,
    acting: 0,
    documentPrefixes: 0,
    recipientGroups: 0,
  }
  const count = <T extends { created: boolean }>(key: keyof typeof created, result: T): T => {
    if (result.created) created[key] += 1
    return result
  }
  return deps.inTransaction(async ({ roster: store, audit }) => {
    count('jurisdiction', await store.upsertJurisdiction(roster.jurisdiction))
    const departmentIds = new Map<string, string>()
    for (const department of roster.departments) {
      const row = await store.upsertDepartment(jurisdictionId, {
        ...department,
        newId: deps.newId(),
      })
      departmentIds.set(department.name, count('departments', row).id)
    }
    const personIds = new Map<string, string>()
    for (const person of roster.people) {
      const row = await store.upsertPerson(jurisdictionId, { ...person, newId: deps.newId() })
      personIds.set(person.key, count('people', row).id)
    }
    const postIds = new Map<string, string>()
    const department = (name: string | undefined) =>
      name === undefined ? null : (departmentIds.get(name) as string)
    for (const post of roster.posts) {
      const row = await store.upsertPost(jurisdictionId, {
        title: post.title,
        role: post.role,
        departmentId: department(post.department),
        headsUnit: post.headsUnit,
        newId: deps.newId(),
      })
      postIds.set(post.title, count('posts', row).id)
      for (const holder of post.holders) {
        const result = await store.upsertHolding({
          postId: row.id,
          personId: personIds.get(holder.person) as string,
          from: holder.from,
          to: holder.to ?? null,
          newId: deps.newId(),
        })
        count('holdings', result)
      }
      for (const entry of post.portfolio) {
        const result = await store.upsertPortfolio({
          postId: row.id,
          departmentId: department(entry.department) as string,
          from: entry.from,
          to: entry.to ?? null,
        })
        count('portfolios', result)
      }
    }
    // The roster's order is the leaders' precedence (依次): kept for acting duty.
    await store.rankPosts(roster.posts.map((post) => postIds.get(post.title) as string))
    for (const acting of roster.acting) {
      const result = await store.upsertActing({
        postId: postIds.get(acting.post) as string,
        actingPostId: postIds.get(acting.actingPost) as string,
        from: acting.from,
        to: acting.to,
        ruleId: acting.ruleId ?? null,
        newId: deps.newId(),
      })
      count('acting', result)
    }
    for (const prefix of roster.documentPrefixes)
      count('documentPrefixes', await store.upsertDocumentPrefix(jurisdictionId, prefix))
    if (roster.receiptNumberFormat)
      await store.setReceiptNumberFormat(jurisdictionId, roster.receiptNumberFormat)
    for (const [position, group] of roster.recipientGroups.entries())
      count(
        'recipientGroups',
        await store.upsertRecipientGroup(jurisdictionId, { ...group, position }),
      )
    await audit.append(
      auditEntry({
        jurisdictionId,
        occurredAt: deps.now().toISOString(),
        action: 'organisation.importRoster',
        subject: jurisdictionId,
        afterDigest: digestOf(roster, deps.hasher),
        details: { created, via: options.via },
      }),
      deps.hasher,
    )
    const unknownRoles = options.knownRoles
      ? [...new Set(roster.posts.map((post) => post.role))].filter(
          (role) => !options.knownRoles?.has(role),
        )
      : []
    return { jurisdictionId, created, unknownRoles }
  })
}
