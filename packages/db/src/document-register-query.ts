import type { RegisterEntry, RegisterQuery, Viewer } from '@zhengling/app'
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database } from './schema.ts'
import { visibleTo } from './visible-to.ts'

const iso = (value: Date | string) => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value))

// The access filter names the documents' columns unqualified: the flow's facts come in through
// scalar subqueries on document_events, never through a join.
const firstEventAt = (action: string) =>
  sql<
    Date | string | null
  >`(select min(e.occurred_at) from document_events e where e.document_id = documents.id and e.action = ${action})`
const lastEventAt = (action: string) =>
  sql<
    Date | string | null
  >`(select max(e.occurred_at) from document_events e where e.document_id = documents.id and e.action = ${action})`

/** 承办单位 of the latest 转办, in the order the desk gave them (the lead unit first). */
const handlingUnits = sql<string[] | null>`(
  select array_agg(d.name order by unit.n)
  from document_events e
  cross join lateral jsonb_array_elements_text(e.details -> 'departmentIds') with ordinality as unit(id, n)
  join departments d on d.id::text = unit.id
  where e.id = (
    select max(r.id) from document_events r where r.document_id = documents.id and r.action = 'refer'
  )
)`

/** The person who signed (签发), from the latest sign event. */
const signerName = sql<string | null>`(
  select p.name from document_events e join people p on p.id = e.actor_person_id
  where e.document_id = documents.id and e.action = 'sign'
  order by e.id desc limit 1
)`

/** The 收发文登记簿 of one direction for a viewer: every row through the access filter. */
export async function documentRegister(
  db: Kysely<Database>,
  viewer: Viewer,
  query: RegisterQuery,
): Promise<{ total: number; entries: RegisterEntry[] }> {
  const incoming = query.direction === 'incoming'
  // Incoming documents enter the register at 签收/登记; outgoing ones at drafting.
  const registeredAt = incoming
    ? firstEventAt('register')
    : sql<Date | string>`documents.created_at`
  const conditions: Expression<SqlBool>[] = [sql<boolean>`documents.direction = ${query.direction}`]
  if (incoming) conditions.push(sql<boolean>`${registeredAt} is not null`)
  if (query.from) conditions.push(sql<boolean>`${registeredAt} >= ${query.from}::timestamptz`)
  if (query.before) conditions.push(sql<boolean>`${registeredAt} < ${query.before}::timestamptz`)
  if (query.state) conditions.push(sql<boolean>`documents.state = ${query.state}`)
  if (query.words)
    conditions.push(sql<boolean>`documents.search @@ plainto_tsquery('simple', ${query.words})`)

  const filtered = () =>
    db
      .selectFrom('documents')
      .where(visibleTo(viewer))
      .where((eb) => eb.and(conditions))

  const [count, rows] = await Promise.all([
    filtered()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    filtered()
      .select([
        'documents.id',
        'documents.direction',
        'documents.kind',
        'documents.title',
        'documents.state',
        'documents.secrecy',
        'documents.urgency',
        'documents.due_date',
        'documents.sender_reference',
        'documents.document_number',
        'documents.disclosure',
        'documents.created_at',
        'documents.receipt_number',
        'documents.received_on',
      ])
      .select(
        // The submitting unit's name, or the 来文单位 as the office wrote it on 来文.
        sql<
          string | null
        >`coalesce((select d.name from departments d where d.id = documents.sender_department_id), documents.external_sender)`.as(
          'unit_name',
        ),
      )
      .select([
        registeredAt.as('registered_at'),
        handlingUnits.as('handling_units'),
        lastEventAt('close').as('closed_at'),
        signerName.as('signer_name'),
        lastEventAt('sign').as('signed_at'),
        lastEventAt('issue').as('issued_at'),
      ])
      .orderBy(sql`registered_at`, 'desc')
      .orderBy('documents.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ])
  return {
    total: Number(count.n),
    entries: rows.map((row) => ({
      id: row.id,
      direction: row.direction,
      kind: row.kind,
      title: row.title,
      state: row.state,
      secrecy: row.secrecy,
      urgency: row.urgency,
      dueDate: row.due_date,
      senderReference: row.sender_reference,
      documentNumber: row.document_number,
      disclosure: row.disclosure,
      receiptNumber: row.receipt_number,
      receivedOn: row.received_on,
      unitName: row.unit_name,
      registeredAt: isoOrNull(row.registered_at),
      handlingUnits: row.handling_units ?? [],
      closedAt: isoOrNull(row.closed_at),
      draftedAt: iso(row.created_at),
      signerName: row.signer_name,
      signedAt: isoOrNull(row.signed_at),
      issuedAt: isoOrNull(row.issued_at),
    })),
  }
}
