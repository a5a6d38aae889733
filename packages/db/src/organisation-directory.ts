import type {
  HeldPost,
  JurisdictionSummary,
  OrganisationChart,
  OrganisationDirectory,
} from '@zhengling/app'
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from './schema.ts'

/** Date ranges are inclusive at both ends; an open end (null) runs on. */
export function coversDate(row: { from_date: string; to_date: string | null }, on: string) {
  return row.from_date <= on && (row.to_date === null || on <= row.to_date)
}

const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title.localeCompare(b.title, 'zh-CN')

// Lists read top-down as a government's own roster does: the head, the executive deputy, the
// deputies, the office, then departments and townships. Display order only; no rule depends on it.
const ROSTER_ORDER = [
  'principal',
  'executiveDeputy',
  'deputy',
  'officeDirector',
  'deputyOfficeDirector',
  'secretariat',
  'supervisionOffice',
  'departmentHead',
  'townshipHead',
]
const rankOf = (role: string) => {
  const rank = ROSTER_ORDER.indexOf(role)
  return rank === -1 ? ROSTER_ORDER.length : rank
}
export const byRoster = (a: { role: string; title: string }, b: { role: string; title: string }) =>
  rankOf(a.role) - rankOf(b.role) || byTitle(a, b)

// A post as a HeldPost needs these columns of posts joined with its unit (departments).
const POST_COLUMNS = [
  'posts.id',
  'posts.title',
  'posts.role',
  'posts.department_id',
  'posts.heads_unit',
  'departments.rulebook_post',
] as const

function toHeldPost(
  row: {
    id: string
    title: string
    role: string
    department_id: string | null
    heads_unit: boolean
    rulebook_post: string | null
  },
  actingFor: HeldPost['actingFor'],
): HeldPost {
  return {
    postId: row.id,
    title: row.title,
    role: row.role,
    departmentId: row.department_id,
    unitRulebookPost: row.rulebook_post,
    headsUnit: row.heads_unit,
    actingFor,
  }
}

type PostRow = Parameters<typeof toHeldPost>[0]

/** One post as a JSON object with the columns of POST_COLUMNS (posts `p`, its unit `d`). */
const POST_JSON = sql`json_build_object('id', p.id, 'title', p.title, 'role', p.role,
  'department_id', p.department_id, 'heads_unit', p.heads_unit, 'rulebook_post', d.rulebook_post)`

/**
 * The posts a person holds on a date and the posts those act for that day (代理), as one JSON
 * expression `{ held, acting }` usable inside any statement (the session's read, `heldPosts`);
 * `heldPostsOf` turns it into the list. Holdings cover the date at both ends; an open end runs on.
 */
export function heldPostsJson(
  personId: Expression<string | null> | string,
  on: string,
): RawBuilder<{ held: PostRow[]; acting: ActingRow[] }> {
  const holdsOn = (alias: string) =>
    sql`${sql.ref(`${alias}.person_id`)} = ${personId} and ${sql.ref(`${alias}.from_date`)} <= ${on}
      and (${sql.ref(`${alias}.to_date`)} is null or ${on} <= ${sql.ref(`${alias}.to_date`)})`
  return sql`json_build_object(
    'held', coalesce((
      select json_agg(${POST_JSON})
      from post_holdings h join posts p on p.id = h.post_id
      left join departments d on d.id = p.department_id
      where ${holdsOn('h')}), '[]'::json),
    'acting', coalesce((
      select json_agg(${POST_JSON}::jsonb || jsonb_build_object('acting_rule_id', a.rule_id,
          'acting_note', a.note, 'acting_by_title', ap.title)
        order by a.source = 'roster', a.from_date desc)
      from acting_assignments a join posts p on p.id = a.post_id
      join posts ap on ap.id = a.acting_post_id
      left join departments d on d.id = p.department_id
      where a.from_date <= ${on} and a.to_date >= ${on}
        and a.acting_post_id in (select o.post_id from post_holdings o where ${holdsOn('o')})),
      '[]'::json))`
}

/** An acting row: the post acted for, with the rule, the note and the acting post's title. */
type ActingRow = PostRow & {
  acting_rule_id?: string | null
  acting_note?: string | null
  acting_by_title?: string | null
}

/**
 * The held posts in roster order, then the posts they act for that are not already held (one
 * entry per post: a computed row, which carries its article, before a roster row).
 */
export function heldPostsOf(json: { held: PostRow[]; acting: ActingRow[] }): HeldPost[] {
  const own = json.held.map((row) => toHeldPost(row, null)).sort(byRoster)
  // Acting for a post one already holds adds nothing to choose from.
  const seen = new Set(own.map((post) => post.postId))
  const acting: HeldPost[] = []
  for (const row of json.acting) {
    if (seen.has(row.id)) continue
    seen.add(row.id)
    acting.push(
      toHeldPost(row, {
        postId: row.id,
        title: row.title,
        ruleId: row.acting_rule_id ?? null,
        note: row.acting_note ?? null,
        byTitle: row.acting_by_title ?? null,
      }),
    )
  }
  return [...own, ...acting]
}

/** The organisation as people and screens read it: held posts, jurisdictions, the whole chart. */
export function createOrganisationDirectory(db: Kysely<Database>): OrganisationDirectory {
  const jurisdictions: OrganisationDirectory['jurisdictions'] = async (ids) => {
    if (ids && ids.length === 0) return []
    let query = db
      .selectFrom('jurisdictions')
      .select(['id', 'name', 'level', 'rulebook_version'])
      .orderBy('id')
    if (ids) query = query.where('id', 'in', ids)
    const rows = await query.execute()
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      level: row.level,
      rulebookVersion: row.rulebook_version,
    }))
  }

  return {
    jurisdictions,

    async heldPosts(personId, on) {
      const { rows } = await sql<{
        posts: { held: PostRow[]; acting: PostRow[] }
      }>`select ${heldPostsJson(personId, on)} as posts`.execute(db)
      return heldPostsOf(rows[0]?.posts ?? { held: [], acting: [] })
    },

    async organisationChart(jurisdictionId, on) {
      // One statement: the jurisdiction with its units, posts, holdings, portfolios and acting
      // assignments as JSON (issue 14: an act routing by the chart reads it once, not six times).
      const { rows } = await sql<{
        id: string
        name: string
        level: JurisdictionSummary['level']
        rulebook_version: string
        departments: {
          id: string
          name: string
          kind: OrganisationChart['departments'][number]['kind']
        }[]
        posts: { id: string; role: string; title: string; department: string | null }[]
        holdings: {
          post_id: string
          person_id: string
          name: string
          from_date: string
          to_date: string | null
        }[]
        portfolios: {
          post_id: string
          department_id: string
          name: string
          from_date: string
          to_date: string | null
        }[]
        acting: {
          id: string
          post_id: string
          acting_post_id: string
          from_date: string
          to_date: string
          rule_id: string
          source: 'roster' | 'rule' | 'designation' | 'standIn'
          note: string | null
        }[]
      }>`
        select j.id, j.name, j.level, j.rulebook_version,
          coalesce((select json_agg(json_build_object('id', d.id, 'name', d.name, 'kind', d.kind)
              order by d.name)
            from departments d where d.jurisdiction_id = j.id), '[]') as departments,
          coalesce((select json_agg(json_build_object('id', p.id, 'role', p.role,
              'title', p.title, 'department', pd.name))
            from posts p left join departments pd on pd.id = p.department_id
            where p.jurisdiction_id = j.id), '[]') as posts,
          coalesce((select json_agg(json_build_object('post_id', h.post_id,
              'person_id', pe.id, 'name', pe.name, 'from_date', h.from_date, 'to_date', h.to_date))
            from post_holdings h join people pe on pe.id = h.person_id
            join posts hp on hp.id = h.post_id
            where hp.jurisdiction_id = j.id), '[]') as holdings,
          coalesce((select json_agg(json_build_object('post_id', f.post_id,
              'department_id', f.department_id, 'name', fd.name, 'from_date', f.from_date,
              'to_date', f.to_date))
            from portfolios f join departments fd on fd.id = f.department_id
            join posts fp on fp.id = f.post_id
            where fp.jurisdiction_id = j.id), '[]') as portfolios,
          coalesce((select json_agg(json_build_object('id', a.id, 'post_id', a.post_id,
              'acting_post_id', a.acting_post_id, 'from_date', a.from_date, 'to_date', a.to_date,
              'rule_id', a.rule_id, 'source', a.source, 'note', a.note)
              order by a.source = 'roster', a.from_date desc)
            from acting_assignments a join posts ap on ap.id = a.post_id
            where ap.jurisdiction_id = j.id), '[]') as acting
        from jurisdictions j where j.id = ${jurisdictionId}`.execute(db)
      const row = rows[0]
      if (!row) return undefined
      const jurisdiction = {
        id: row.id,
        name: row.name,
        level: row.level,
        rulebookVersion: row.rulebook_version,
      }
      const { departments, posts, holdings, portfolios, acting } = row
      const titleOf = new Map(posts.map((post) => [post.id, post.title]))
      const currentPortfolios = portfolios.filter((row) => coversDate(row, on))
      const actingAssignments: OrganisationChart['actingAssignments'] = acting.map((row) => ({
        id: row.id,
        postId: row.post_id,
        postTitle: titleOf.get(row.post_id) ?? '',
        actingPostId: row.acting_post_id,
        actingPostTitle: titleOf.get(row.acting_post_id) ?? '',
        from: row.from_date,
        to: row.to_date,
        ruleId: row.rule_id,
        source: row.source,
        note: row.note,
      }))
      return {
        jurisdiction,
        on,
        departments: departments.map((department) => ({
          ...department,
          overseers: currentPortfolios
            .filter((row) => row.department_id === department.id)
            .map((row) => ({ postId: row.post_id, title: titleOf.get(row.post_id) ?? '' })),
        })),
        posts: posts
          .map((post) => {
            const holders = holdings
              .filter((row) => row.post_id === post.id && coversDate(row, on))
              .map((row) => ({
                personId: row.person_id,
                name: row.name,
                from: row.from_date,
                to: row.to_date,
              }))
            const actedBy = actingAssignments.find(
              (row) => row.postId === post.id && row.from <= on && on <= row.to,
            )
            return {
              postId: post.id,
              role: post.role,
              title: post.title,
              department: post.department,
              holders,
              vacant: holders.length === 0,
              portfolio: currentPortfolios
                .filter((row) => row.post_id === post.id)
                .map((row) => ({ departmentId: row.department_id, name: row.name })),
              actedBy: actedBy
                ? {
                    postId: actedBy.actingPostId,
                    title: actedBy.actingPostTitle,
                    from: actedBy.from,
                    to: actedBy.to,
                    ruleId: actedBy.ruleId,
                    source: actedBy.source,
                    note: actedBy.note,
                  }
                : null,
            }
          })
          .sort(byRoster),
        actingAssignments,
      }
    },

    async unitPosts(jurisdictionId) {
      const rows = await db
        .selectFrom('posts')
        .leftJoin('departments', 'departments.id', 'posts.department_id')
        .select(POST_COLUMNS)
        .where('posts.jurisdiction_id', '=', jurisdictionId)
        .execute()
      return rows.map((row) => toHeldPost(row, null)).sort(byRoster)
    },

    async documentPrefixes(jurisdictionId) {
      return db
        .selectFrom('document_prefixes')
        .select(['prefix', 'issuer', 'label'])
        .where('jurisdiction_id', '=', jurisdictionId)
        .orderBy('prefix')
        .execute()
    },

    async clearanceOf(personId) {
      const row = await db
        .selectFrom('people')
        .select('clearance')
        .where('id', '=', personId)
        .executeTakeFirst()
      return row?.clearance
    },

    async personName(personId) {
      const row = await db
        .selectFrom('people')
        .select('name')
        .where('id', '=', personId)
        .executeTakeFirst()
      return row?.name
    },
  }
}
