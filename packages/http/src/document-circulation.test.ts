import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'

// 传阅 in 钟山区: the office's desk passes a registered 报告 to two deputies; each finds it among
// 待阅, one marks it 已阅, and the receipts say who has read it and when.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const LATER = new Date('2026-03-02T03:15:00Z') // 11:15 the same day in Beijing

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)
type Client = Awaited<ReturnType<typeof as>>
const postOf = (who: Client) => who.me.posts[0].postId as string

const REPORT = {
  kind: '报告',
  title: '关于荷城街道防汛物资储备情况的报告',
  body: '今年汛期前已储备编织袋五千条。',
  senderReference: '荷街报〔2026〕7号',
  secrecy: '内部',
  urgency: 'normal',
  mainRecipients: ['区人民政府'],
}

/** A 报告 from 荷城街道, registered by the desk: ready to circulate. */
async function registeredReport(title = REPORT.title): Promise<string> {
  const submitted = await (
    await as('zs-townshipHead')
  ).post('/api/documents/incoming', { ...REPORT, title })
  const id = submitted.json().document.id
  const registered = await (await as('zs-secretariat')).post(`/api/documents/${id}/register`, {})
  assert.equal(registered.statusCode, 200, registered.body)
  return id
}

type Receipt = { postId: string; title: string; holders: string[]; readAt: string | null }

describe('传阅 with read receipts', () => {
  it('circulates to two deputies; one reads it, the receipts show who and when', async () => {
    server.clock = MONDAY
    const id = await registeredReport()
    const education = await as('zs-deputy-2')
    const urban = await as('zs-deputy-3')
    // Outside the 知悉范围 before it is circulated.
    assert.equal((await education.get(`/api/documents/${id}`)).statusCode, 404)

    const desk = await as('zs-secretariat')
    const circulated = await desk.post(`/api/documents/${id}/circulate`, {
      postIds: [postOf(education), postOf(urban)],
      note: '请阅知',
    })
    assert.equal(circulated.statusCode, 200, circulated.body)
    assert.equal(circulated.json().mayCirculate, true)
    assert.deepEqual(
      circulated.json().receipts.map((r: Receipt) => [r.title, r.holders, r.readAt]),
      [
        ['副区长（教育）', ['张志强'], null],
        ['副区长（城建）', ['刘晓燕'], null],
      ],
    )

    // Each deputy has a 待阅 in the inbox and may now open the document.
    for (const deputy of [education, urban]) {
      const inbox = (await deputy.get('/api/inbox')).json()
      assert.ok(
        inbox.some(
          (e: { task: { kind: string }; document: { id: string } }) =>
            e.document.id === id && e.task.kind === 'read',
        ),
      )
    }
    const seen = await education.get(`/api/documents/${id}`)
    assert.equal(seen.statusCode, 200)
    const event = seen.json().events.at(-1)
    assert.equal(event.action, 'circulate')
    assert.equal(event.opinion, '请阅知')
    assert.ok(event.ruleIds.includes('national.documents.office-in-charge'))

    // Two hours later the education deputy reads it (已阅 is the receipt).
    server.clock = LATER
    const reader = await as('zs-deputy-2')
    assert.equal((await reader.post(`/api/documents/${id}/acknowledge`)).statusCode, 200)
    const receipts = (
      await (await as('zs-secretariat')).get(`/api/documents/${id}/circulation`)
    ).json().receipts as (Receipt & { readBy: string | null; circulatedAt: string })[]
    const [read, unread] = receipts
    assert.equal(read?.readAt, LATER.toISOString())
    assert.equal(read?.readBy, '张志强（副区长（教育））')
    assert.equal(read?.circulatedAt, MONDAY.toISOString())
    assert.equal(unread?.readAt, null)
    assert.equal(unread?.readBy, null)
    // Read: gone from the reader's 待阅; the other deputy still has his.
    const hasRead = async (who: Client) =>
      (await who.get('/api/inbox'))
        .json()
        .some((e: { document: { id: string } }) => e.document.id === id)
    assert.equal(await hasRead(reader), false)
    assert.equal(await hasRead(await as('zs-deputy-3')), true)
    // Anyone who sees the document sees the receipts; a deputy may not circulate.
    const view = (await reader.get(`/api/documents/${id}/circulation`)).json()
    assert.equal(view.mayCirculate, false)
    assert.equal(view.receipts.length, 2)

    const audited = await server.handle.db
      .selectFrom('audit_records')
      .select('action')
      .where('subject', '=', id)
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audited.map((a) => a.action),
      ['document.submit', 'document.register', 'document.circulate', 'document.acknowledge'],
    )
  })

  it('refuses what the rules and the record do not allow', async () => {
    server.clock = MONDAY
    const id = await registeredReport('关于荷城街道春耕生产情况的报告')
    const desk = await as('zs-secretariat')
    const urban = await as('zs-deputy-3')
    const circulate = (who: Client, documentId: string, postIds: string[]) =>
      who.post(`/api/documents/${documentId}/circulate`, { postIds })

    // An unknown post, and a post of another jurisdiction: 422 in Chinese.
    const unknown = await circulate(desk, id, [randomUUID()])
    assert.equal(unknown.statusCode, 422)
    assert.equal(unknown.json().error.code, 'UNKNOWN_RECIPIENT')
    assert.match(unknown.json().error.message, /本辖区/)
    await server.handle.db
      .insertInto('jurisdictions')
      .values({ id: 'elsewhere', name: '外县人民政府', level: 'county', rulebook_version: 't' })
      .execute()
    const foreign = randomUUID()
    await server.handle.db
      .insertInto('posts')
      .values({ id: foreign, jurisdiction_id: 'elsewhere', role: 'deputy', title: '副县长' })
      .execute()
    const abroad = await circulate(desk, id, [foreign])
    assert.equal(abroad.statusCode, 422)
    assert.equal(abroad.json().error.code, 'UNKNOWN_RECIPIENT')

    // Nothing was written by the refusals.
    assert.deepEqual((await desk.get(`/api/documents/${id}/circulation`)).json().receipts, [])

    // A deputy cannot circulate, even once he may read it: the office does (条例第五条).
    assert.equal((await circulate(desk, id, [postOf(urban)])).statusCode, 200)
    const notOffice = await circulate(urban, id, [postOf(await as('zs-deputy-2'))])
    assert.equal(notOffice.statusCode, 422)
    assert.equal(notOffice.json().error.code, 'NOT_RESPONSIBLE')
    assert.ok(
      notOffice.json().error.citations.some((c: { article: string }) => c.article === '第五条'),
    )
    // The same post again while its copy is unread.
    const twice = await circulate(desk, id, [postOf(urban)])
    assert.equal(twice.statusCode, 422)
    assert.equal(twice.json().error.code, 'ALREADY_CIRCULATED')
    // The office director holds an office post, but this document has not reached his
    // 知悉范围: for him it does not exist.
    const director = await circulate(await as('zs-officeDirector'), id, [
      postOf(await as('zs-deputy-4')),
    ])
    assert.equal(director.statusCode, 404)

    // A document the actor cannot see: 404, for the receipts too.
    const outsider = await as('zs-departmentHead-10')
    assert.equal((await circulate(outsider, id, [postOf(urban)])).statusCode, 404)
    assert.equal((await outsider.get(`/api/documents/${id}/circulation`)).statusCode, 404)

    // Not yet 签收: refused; an empty list: bad input.
    const submitted = await (
      await as('zs-townshipHead')
    ).post('/api/documents/incoming', { ...REPORT, title: '关于荷城街道尚未签收的报告' })
    const early = await circulate(desk, submitted.json().document.id, [postOf(urban)])
    assert.equal(early.statusCode, 403)
    assert.equal(early.json().error.code, 'WRONG_STATE')
    assert.equal((await circulate(desk, id, [])).statusCode, 400)

    // Archived: a closed record is not circulated.
    const archivedId = await registeredReport('关于荷城街道已归档事项的报告')
    await server.handle.db
      .updateTable('documents')
      .set({ state: 'archived' })
      .where('id', '=', archivedId)
      .execute()
    const archived = await circulate(desk, archivedId, [postOf(urban)])
    assert.equal(archived.statusCode, 403)
    assert.match(archived.json().error.message, /归档/)
  })
})
