import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

/**
 * Scale data for the read-path benches and plan snapshots (issue 14, part 3): N documents with
 * their tasks and M supervision ledger items, spread over synthetic jurisdictions, their units
 * and desks the way real data is spread — most documents internal and with no distribution
 * list, a tenth of them still waiting in someone's 待办, most ledger items closed (history
 * accumulates; a county has a few percent open). Set-based SQL (insert … select …
 * generate_series) in chunks, deterministic (a hash of the row number, not random()), on both
 * engines. The jurisdictions are new ones (`<prefix>-001`…), so it runs beside the demo data.
 *
 * Ids are derived from names (md5 → uuid), so a bench finds a desk without a lookup table:
 * {@link scaleDepartmentId}, {@link scalePostId}.
 */
export interface ScaleOptions {
  documents: number
  ledgerItems: number
  /** Default 5 (the demo's five counties); H6's province runs 100. */
  jurisdictions?: number
  /** Units per jurisdiction (部门 and 乡镇), each with one head post. Default 30. */
  departments?: number
  /** Jurisdiction id prefix. Default 'scale'. */
  prefix?: string
  /** Rows per insert statement. Default 100,000. */
  chunk?: number
  /** The day "today" is for the data (ISO date). Default 2026-06-15. */
  today?: string
}

/** Words titles are made of, already segmented (search-text.ts joins words with spaces). */
export const SCALE_TOPICS = [
  '安全生产',
  '防汛',
  '抗旱',
  '森林防火',
  '农村公路',
  '义务教育',
  '医疗保障',
  '养老服务',
  '住房保障',
  '生态环境',
  '河长制',
  '耕地保护',
  '粮食安全',
  '招商引资',
  '营商环境',
  '财政预算',
  '审计整改',
  '乡村振兴',
  '人居环境',
  '垃圾分类',
  '疫情防控',
  '食品安全',
  '消防安全',
  '信访维稳',
  '安置补偿',
  '就业创业',
  '民营经济',
  '数字政府',
  '文物保护',
  '旅游发展',
  '交通运输',
  '水利工程',
  '城市更新',
  '老旧小区',
  '燃气安全',
  '校园安全',
  '药品监管',
  '统计调查',
  '人口普查',
  '档案管理',
]
export const SCALE_KINDS = ['请示', '报告', '通知', '函', '意见', '批复']
const PLACES = ['全县', '城关镇', '东乡', '西乡', '南岭', '北坝', '河口', '青山']
const SOURCES = ['meetingDecision', 'leaderInstruction', 'deployment', 'workReport', 'suggestion']

const text = (values: readonly string[]) => sql`${sql.val(values)}::text[]`
/** A deterministic number in [0, n) for row g and a salt. */
const pick = (g: ReturnType<typeof sql>, salt: number, n: number) =>
  sql`((hashint8((${g})::bigint * 7919 + ${sql.lit(salt)}) :: bigint & 2147483647) % ${sql.lit(n)})::int`

export function scaleJurisdictionId(prefix: string, j: number) {
  return `${prefix}-${String(j).padStart(3, '0')}`
}
/** The id of unit d (1-based) of jurisdiction j (1-based). */
export function scaleDepartmentId(prefix: string, j: number, d: number) {
  return md5Uuid(`${prefix}-dept-${j}-${d}`)
}
/** The id of the head post of unit d of jurisdiction j. */
export function scalePostId(prefix: string, j: number, d: number) {
  return md5Uuid(`${prefix}-post-${j}-${d}`)
}
function md5Uuid(name: string): string {
  // Same as PostgreSQL's md5(name)::uuid.
  const hex = createHash('md5').update(name).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Inserts the data; returns the jurisdictions made. Runs ANALYZE at the end. */
export async function generateScaleData(
  db: Kysely<Database>,
  options: ScaleOptions,
): Promise<{ jurisdictionIds: string[] }> {
  const J = options.jurisdictions ?? 5
  const D = options.departments ?? 30
  const prefix = options.prefix ?? 'scale'
  const chunk = options.chunk ?? 100_000
  const today = options.today ?? '2026-06-15'
  const jid = (j: ReturnType<typeof sql>) => sql`${prefix} || '-' || lpad((${j})::text, 3, '0')`
  const dept = (j: ReturnType<typeof sql>, d: ReturnType<typeof sql>) =>
    sql`md5(${prefix} || '-dept-' || (${j}) || '-' || (${d}))::uuid`
  const post = (j: ReturnType<typeof sql>, d: ReturnType<typeof sql>) =>
    sql`md5(${prefix} || '-post-' || (${j}) || '-' || (${d}))::uuid`

  await sql`
    insert into jurisdictions (id, name, level, rulebook_version)
    select ${jid(sql`j`)}, '规模测试县' || lpad(j::text, 3, '0'), 'county', 'scale'
    from generate_series(1, ${J}::int) j`.execute(db)
  await sql`
    insert into departments (id, jurisdiction_id, name, kind)
    select ${dept(sql`j`, sql`d`)}, ${jid(sql`j`)}, '单位' || lpad(d::text, 2, '0'),
           case when d % 6 = 0 then 'township' else 'department' end
    from generate_series(1, ${J}::int) j, generate_series(1, ${D}::int) d`.execute(db)
  await sql`
    insert into posts (id, jurisdiction_id, role, title, department_id)
    select ${post(sql`j`, sql`d`)}, ${jid(sql`j`)}, 'departmentHead',
           '单位' || lpad(d::text, 2, '0') || '负责人', ${dept(sql`j`, sql`d`)}
    from generate_series(1, ${J}::int) j, generate_series(1, ${D}::int) d`.execute(db)

  const g = sql`g`
  // Row g's jurisdiction (1-based), its unit and another unit (distribution, assignee).
  const j = sql`(${g} % ${sql.lit(J)} + 1)`
  const d = sql`(${pick(g, 1, D)} + 1)`
  const d2 = sql`(${pick(g, 2, D)} + 1)`
  const secrecy = sql`(case when ${pick(g, 3, 100)} < 20 then 'public'
                            when ${pick(g, 3, 100)} < 90 then 'internal'
                            when ${pick(g, 3, 100)} < 98 then 'secret' else 'confidential' end)`
  // Documents: 85 % with no distribution list; the rest known to one unit's head post (and, for
  // a third of those, to the unit itself). Ledger items: the same for one in twenty (知悉范围 on a
  // ledger item is the exception: classified matters).
  const distribution = (percent: number) => {
    const distributed = sql`${pick(g, 4, 100)} < ${sql.lit(percent)}`
    return sql`(case when ${distributed} then array[${post(j, d2)}] else '{}'::uuid[] end),
      (case when ${distributed} and ${pick(g, 5, 3)} = 0 then array[${dept(j, d2)}]
            else '{}'::uuid[] end)`
  }
  const topic = sql`(${text(SCALE_TOPICS)})[${pick(g, 6, SCALE_TOPICS.length)} + 1]`
  const topic2 = sql`(${text(SCALE_TOPICS)})[${pick(g, 7, SCALE_TOPICS.length)} + 1]`
  const place = sql`(${text(PLACES)})[${pick(g, 8, PLACES.length)} + 1]`
  const kind = sql`(${text(SCALE_KINDS)})[${pick(g, 9, SCALE_KINDS.length)} + 1]`
  // Spread over three years back from today.
  const ageDays = pick(g, 10, 3 * 365)
  const at = sql`(${today}::date - ${ageDays} + time '09:00')::timestamptz`

  for (let start = 1; start <= options.documents; start += chunk) {
    const end = Math.min(options.documents, start + chunk - 1)
    await sql`
      insert into documents (id, jurisdiction_id, direction, kind, title, body, sender_department_id,
        secrecy, urgency, state, due_date, distribution_posts, distribution_departments,
        created_at, updated_at, search)
      select md5(${prefix} || '-doc-' || g)::uuid, ${jid(j)},
             case when ${pick(g, 11, 3)} = 0 then 'outgoing' else 'incoming' end, ${kind},
             '关于' || ${place} || ${topic} || '的' || ${kind}, ${topic2} || '工作安排',
             ${dept(j, d)}, ${secrecy},
             case when ${pick(g, 12, 10)} = 0 then 'urgent' else 'normal' end,
             case when ${pick(g, 13, 10)} = 0 then 'processing' else 'completed' end,
             ${today}::date - ${ageDays} + 15, ${distribution(15)},
             ${at}, ${at} + interval '2 days',
             to_tsvector('simple', '关于 ' || ${place} || ' ' || ${topic} || ' 的 ' || ${kind}
               || ' ' || ${topic2} || ' 工作 安排')
      from generate_series(${start}::int, ${end}::int) g`.execute(db)
    // Every document has a closed task in its history; a tenth wait in a desk's 待办 (four in
    // five for a head post, one in five for a unit).
    await sql`
      insert into document_tasks (id, document_id, jurisdiction_id, assignee_post_id,
        assignee_department_id, kind, due_date, opened_at, closed_at, outcome)
      select md5(${prefix} || '-task-' || g || '-' || t)::uuid, md5(${prefix} || '-doc-' || g)::uuid,
             ${jid(j)},
             case when t = 1 or ${pick(g, 14, 5)} > 0 then ${post(j, d2)} end,
             case when t = 2 and ${pick(g, 14, 5)} = 0 then ${dept(j, d2)} end,
             case when t = 1 then 'screen' else 'handle' end,
             ${today}::date - ${ageDays} + 15 + ${pick(g, 15, 20)}, ${at} + (t || ' hours')::interval,
             case when t = 1 then ${at} + interval '1 day' end,
             case when t = 1 then 'done' end
      from generate_series(${start}::int, ${end}::int) g, generate_series(1, 2) t
      where t = 1 or ${pick(g, 13, 10)} = 0`.execute(db)
  }

  for (let start = 1; start <= options.ledgerItems; start += chunk) {
    const end = Math.min(options.ledgerItems, start + chunk - 1)
    // Assigned over three years; due 20–110 days later; items due before today are closed
    // (seven in ten on time) unless one in twenty still runs late; a tenth of the rest wait on a
    // closing review.
    const assigned = sql`(${today}::date - ${pick(g, 20, 3 * 365)})`
    const due = sql`(${assigned} + 20 + ${pick(g, 21, 90)})`
    const closed = sql`(${due} < ${today}::date and ${pick(g, 22, 20)} > 0)`
    const late = sql`(case when ${pick(g, 23, 10)} < 7 then 0 else ${pick(g, 24, 30)} + 1 end)`
    await sql`
      insert into supervision_items (id, jurisdiction_id, source, source_label, title, requirement,
        lead_department_id, assigned_on, due_date, original_due_date, state, closed_on, days_late,
        remind_on, secrecy, distribution_posts, distribution_departments, created_at, updated_at)
      select md5(${prefix} || '-item-' || g)::uuid, ${jid(j)},
             (${text(SOURCES)})[${pick(g, 25, SOURCES.length)} + 1], '规模测试',
             '落实' || ${place} || ${topic} || '工作', '', ${dept(j, d)}, ${assigned}, ${due}, ${due},
             case when ${closed} then 'closed' when ${pick(g, 26, 10)} = 0 then 'closeRequested'
                  else 'open' end,
             case when ${closed} then ${due} + ${late} end,
             case when ${closed} then ${late} end,
             ${due} - 3, ${secrecy}, ${distribution(5)},
             ${assigned}::timestamptz, ${assigned}::timestamptz
      from generate_series(${start}::int, ${end}::int) g`.execute(db)
  }
  await sql`analyze`.execute(db)
  return {
    jurisdictionIds: Array.from({ length: J }, (_, i) => scaleJurisdictionId(prefix, i + 1)),
  }
}
