import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { strFromU8, unzipSync } from 'fflate'
import { buildServer } from './build-server.ts'
import { TEST_PASSWORDS, testLibrary } from './test-support/build-test-server.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf } from './test-support/sign-in-as.ts'
import { signInForFiles } from './test-support/upload.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// The secrecy matrix (issue 13 part 7): readers of every clearance (公开, 内部, 秘密, 机密) ×
// records of every level a record may carry (内部, 秘密, 机密; 绝密 is never stored) × every GET
// route of the API. A record above the reader's clearance is never listed, counted by name or
// returned (404/403, its title and id nowhere in the answer); a record at or below it is. The
// routes come from the server's OpenAPI document: a new GET route without a case here fails.

const MONDAY = new Date('2026-03-02T01:00:00Z')
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))

const LEVELS = [
  { code: 'internal', name: '内部', rank: 1 },
  { code: 'secret', name: '秘密', rank: 2 },
  { code: 'confidential', name: '机密', rank: 3 },
] as const
const CLEARANCES = [
  { code: 'public', name: '公开', rank: 0 },
  { code: 'internal', name: '内部', rank: 1 },
  { code: 'secret', name: '秘密', rank: 2 },
  { code: 'confidential', name: '机密', rank: 3 },
] as const
type Level = (typeof LEVELS)[number]

/** The record families; each is read, when cleared, by its natural reader. */
type Family = 'document' | 'meeting' | 'supervision'
/** 区政府办公室's registration desk: the 签收 of every incoming document, and every meeting. */
const DESK = 'zs-secretariat'
/** 赵敏 in her post of 区人民政府督查室主任: the supervision ledger. */
const SUPERVISOR = 'zs-deputyOfficeDirector'
const READERS: { username: string; reads: Family[] }[] = [
  { username: DESK, reads: ['document', 'meeting'] },
  { username: SUPERVISOR, reads: ['supervision'] },
]

interface MatrixRecord {
  family: Family
  level: Level
  /** Unique words in its title: its presence in an answer is the record's presence. */
  marker: string
  id: string
  /** A file hanging off it (attachment, material, evidence). */
  fileId: string
  itemId?: string
  /** Registered (in the register) or still waiting for the desk's 签收 (in its 待办). */
  registered?: boolean
}

type Caller = Awaited<ReturnType<typeof signInForFiles>>

/** How a route is read: once per reader, or once per record its family's URL names. */
type Case =
  | { list: string; shows: (record: MatrixRecord) => boolean }
  | { each: Family; url: (record: MatrixRecord) => string | undefined }
  | { none: string }

const isDocument = (r: MatrixRecord) => r.family === 'document'
const CASES: Record<string, Case> = {
  'GET /api/health': { none: 'no records' },
  'GET /api/rulebooks': { none: 'the rulebooks, not records' },
  'GET /api/rulebooks/{jurisdiction}': { none: 'the rulebooks, not records' },
  'GET /api/rulebooks/{jurisdiction}/coverage': { none: 'the rulebooks, not records' },
  'GET /api/session': { none: 'the reader themselves' },
  'GET /api/organisation/posts': { none: 'the organisation' },
  'GET /api/jurisdictions': { none: 'the organisation' },
  'GET /api/jurisdictions/{id}/organisation': { none: 'the organisation' },
  // The audit admin's (三员分立; post holders get 403). Not a reader of records: but the entries
  // of document and supervision acts carry the record's title whatever its 密级 (ADR 0025).
  'GET /api/audit/chains': { none: 'the audit admin only' },
  'GET /api/audit/chains/{chain}/records': { none: 'the audit admin only' },
  'GET /api/audit/chains/{chain}/verification': { none: 'the audit admin only' },
  'GET /api/audit/chains/{chain}/export': { none: 'the audit admin only' },
  'GET /api/admin/accounts': { none: 'the admins only' },
  'GET /api/admin/calendar': { none: 'the admins only' },
  'GET /api/admin/security-settings': { none: 'the security admin’s settings' },
  'GET /api/account/second-factor': { none: 'the reader’s own second factor' },
  'GET /api/documents/prefixes': { none: 'the jurisdiction’s 发文字号 prefixes' },
  'GET /api/documents/register/access': { none: 'whether the reader keeps the register' },
  'GET /api/documents/received/access': { none: 'whether the reader registers received documents' },
  'GET /api/documents/external-senders': { none: 'names of outside senders, typed by the desk' },
  'GET /api/recipient-options': { none: 'the organisation’s units and groups' },
  'GET /api/me/instruction-phrases': { none: 'the reader’s own phrases' },
  'GET /api/meeting-types': { none: 'the rulebook’s meeting types' },
  'GET /api/notifications/preferences': { none: 'the reader’s channels' },
  'GET /api/notifications/stream': {
    none: 'pushes what GET /api/notifications lists, through the same audience query',
  },
  'GET /api/duty/stream': {
    none: 'ids of the duty feed by jurisdiction, 密级 and unit (duty-event-repository.test.ts)',
  },
  'GET /api/inbox': { list: '/api/inbox', shows: isDocument },
  'GET /api/documents': { list: '/api/documents?q=密级矩阵', shows: isDocument },
  'GET /api/documents/register': {
    list: '/api/documents/register?direction=incoming',
    shows: (r) => r.family === 'document' && r.registered === true,
  },
  'GET /api/documents/register.xlsx': {
    list: '/api/documents/register.xlsx?direction=incoming',
    shows: (r) => r.family === 'document' && r.registered === true,
  },
  'GET /api/documents/{id}': { each: 'document', url: (r) => `/api/documents/${r.id}` },
  'GET /api/documents/{id}/screening': {
    each: 'document',
    url: (r) => `/api/documents/${r.id}/screening`,
  },
  'GET /api/documents/{id}/docx': { each: 'document', url: (r) => `/api/documents/${r.id}/docx` },
  'GET /api/documents/{id}/pdf': { each: 'document', url: (r) => `/api/documents/${r.id}/pdf` },
  'GET /api/documents/{id}/versions': {
    each: 'document',
    url: (r) => `/api/documents/${r.id}/versions`,
  },
  'GET /api/documents/{id}/attachments/{attachmentId}': {
    each: 'document',
    url: (r) => `/api/documents/${r.id}/attachments/${r.fileId}`,
  },
  'GET /api/documents/{id}/circulation': {
    each: 'document',
    url: (r) => `/api/documents/${r.id}/circulation`,
  },
  'GET /api/documents/{id}/distribution': {
    each: 'document',
    url: (r) => `/api/documents/${r.id}/distribution`,
  },
  'GET /api/documents/{id}/handling-sheet': {
    each: 'document',
    url: (r) => `/api/documents/${r.id}/handling-sheet`,
  },
  'GET /api/meetings': { list: '/api/meetings', shows: (r) => r.family === 'meeting' },
  'GET /api/meetings/{id}': { each: 'meeting', url: (r) => `/api/meetings/${r.id}` },
  'GET /api/meetings/{id}/items/{itemId}/materials/{materialId}': {
    each: 'meeting',
    url: (r) => `/api/meetings/${r.id}/items/${r.itemId}/materials/${r.fileId}`,
  },
  'GET /api/supervision/items': {
    list: '/api/supervision/items',
    shows: (r) => r.family === 'supervision',
  },
  'GET /api/supervision/items.xlsx': {
    list: '/api/supervision/items.xlsx',
    shows: (r) => r.family === 'supervision',
  },
  'GET /api/supervision/items/{id}': {
    each: 'supervision',
    url: (r) => `/api/supervision/items/${r.id}`,
  },
  'GET /api/supervision/items/{id}/evidence/{evidenceId}': {
    each: 'supervision',
    url: (r) => `/api/supervision/items/${r.id}/evidence/${r.fileId}`,
  },
  'GET /api/supervision/dashboard': { list: '/api/supervision/dashboard', shows: () => false },
  'GET /api/supervision/circulars': { list: '/api/supervision/circulars', shows: () => false },
  'GET /api/notifications': {
    list: '/api/notifications?limit=100',
    shows: (r) => r.family === 'document' && r.registered === false,
  },
  'GET /api/notifications/unread-count': {
    list: '/api/notifications/unread-count',
    shows: () => false,
  },
  'GET /api/workbench': {
    list: '/api/workbench',
    shows: (r) => r.family === 'document' && r.registered === false,
  },
  'GET /api/workbench/counts': { list: '/api/workbench/counts', shows: () => false },
  // 会议活动申请 and 因公出国(境) follow-ups (issue 15): 内部 always, no 密级 to choose; the lists must
  // show none of the matrix's records.
  'GET /api/event-requests': { list: '/api/event-requests?scope=all', shows: () => false },
  'GET /api/event-requests/{id}': {
    none: 'a request is 内部 with no 密级 to set; its list is read',
  },
  'GET /api/abroad-follow-ups': { list: '/api/abroad-follow-ups', shows: () => false },
  // 值班日志、交接班 (issue 16): entries and handovers carry no 密级 (what needs one goes to the
  // ledger or an incident, each with its own); the log must show none of the matrix's records.
  'GET /api/duty/log': { list: '/api/duty/log', shows: () => false },
  'GET /api/duty/handovers': { none: "one duty unit's handovers, no 密级; its log is read" },
  // 值班表 (issue 16): units and shifts carry no 密级 (names, posts and times of duty); the lists
  // must show none of the matrix's records.
  'GET /api/duty/units': { list: '/api/duty/units', shows: () => false },
  'GET /api/duty/rosters': { none: "one duty unit's shifts, no 密级; its units are read" },
  'GET /api/duty/rosters/print': { none: 'the roster as a page, no 密级; its units are read' },
  'GET /api/duty/now': { list: '/api/duty/now', shows: () => false },
  // 突发事件信息报送 (issue 16): an incident is 内部 with no 密级 to choose (read through the
  // reader's clearance all the same); the lists, the register and the board show none of the
  // matrix's records.
  'GET /api/incidents': { list: '/api/incidents', shows: () => false },
  'GET /api/incidents/options': { list: '/api/incidents/options', shows: () => false },
  'GET /api/incidents/{id}': { none: 'an incident is 内部 with no 密级 to set; its list is read' },
  'GET /api/duty/late-register': { list: '/api/duty/late-register', shows: () => false },
  'GET /api/duty/circulars': { list: '/api/duty/circulars', shows: () => false },
  'GET /api/duty/circulars/{id}': {
    none: 'a circular names register lines, no 密级; its list is read',
  },
  'GET /api/duty/board': { list: '/api/duty/board', shows: () => false },
  // 政务舆情 (issue 16): an item is 内部 with no 密级 to choose, read through the reader's
  // clearance and unit (opinions.test.ts); the list shows none of the matrix's records.
  'GET /api/opinions': { list: '/api/opinions', shows: () => false },
  'GET /api/opinions/options': { none: 'the rulebook’s categories and deadlines, not records' },
  'GET /api/opinions/{id}': { none: 'an item is 内部 with no 密级 to set; its list is read' },
  // 请销假, 代行职责 and 领导活动安排 (issue 15): absences carry no 密级; the week's calendar lists
  // meetings through the meetings' own access rule, so a meeting above the reader never shows.
  'GET /api/absences': { list: '/api/absences?scope=office', shows: () => false },
  'GET /api/absences/{id}': { none: 'an absence is 内部 with no 密级 to set; its list is read' },
  'GET /api/acting-duty': {
    list: '/api/acting-duty?from=2026-03-02&to=2026-03-08',
    shows: () => false,
  },
  'GET /api/leader-calendar': { list: '/api/leader-calendar?week=2026-03-02', shows: () => false },
  'GET /api/leader-calendar/print': {
    list: '/api/leader-calendar/print?week=2026-03-02',
    shows: () => false,
  },
}

/** An answer as text to look for a record in: JSON as sent, a workbook's XML, a file's bytes. */
function textOf(response: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  const type = String(response.headers['content-type'] ?? '')
  if (type.includes('spreadsheetml')) {
    const files = unzipSync(new Uint8Array(response.rawPayload))
    return Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n')
  }
  return response.rawPayload.toString('utf8')
}

let handle: DatabaseHandle
let app: FastifyInstance
const records: MatrixRecord[] = []
const as = (username: string) => signInForFiles(app, username)

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(MONDAY) })
  app = await buildServer({
    library: testLibrary(),
    // The PDF route answers after its access check; a converter that echoes keeps it offline.
    convertToPdf: async () => PDF,
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now: () => MONDAY,
      secureCookies: true,
    },
  })
  await app.ready()

  // Everyone making the records is cleared for 机密 while they do.
  const actors = ['zs-townshipHead', DESK, 'zs-departmentHead-9', SUPERVISOR]
  for (const username of actors) await setClearance(username, '机密')
  const township = await as('zs-townshipHead')
  const desk = await as(DESK)
  const finance = await as('zs-departmentHead-9')
  const supervisor = await supervisorOffice()
  const finances = await departmentIdOf(handle.db, '区财政局')

  for (const level of LEVELS) {
    for (const registered of [true, false]) {
      const marker = `密级矩阵${level.name}${registered ? '已登记' : '待签收'}收文`
      const submitted = await township.post('/api/documents/incoming', {
        kind: '报告',
        title: `关于${marker}的报告`,
        body: `${marker}正文`,
        secrecy: level.name,
        secrecyPeriod: level.code === 'internal' ? undefined : '10年',
        mainRecipients: ['区人民政府'],
      })
      assert.equal(submitted.statusCode, 201, submitted.body)
      const id = submitted.json().document.id as string
      const attached = await township.upload(`/api/documents/${id}/attachments`, [
        { fileName: `${marker}.pdf`, type: 'application/pdf', content: PDF },
      ])
      assert.equal(attached.statusCode, 201, attached.body)
      if (registered) {
        const done = await desk.post(`/api/documents/${id}/register`, {})
        assert.equal(done.statusCode, 200, done.body)
      }
      records.push({
        family: 'document',
        level,
        marker,
        id,
        fileId: attached.json().id ?? attached.json().attachment.id,
        registered,
      })
    }

    const meetingMarker = `密级矩阵${level.name}常务会议`
    const scheduled = await desk.post('/api/meetings', {
      meetingType: 'standing',
      title: `${meetingMarker}`,
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '区政府三楼会议室',
      secrecy: level.name,
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meetingId = scheduled.json().meeting.id as string
    const item = await finance.post(`/api/meetings/${meetingId}/items`, {
      title: `关于${meetingMarker}议题`,
    })
    assert.equal(item.statusCode, 201, item.body)
    const itemId = item.json().item.id as string
    const material = await finance.upload(`/api/meetings/${meetingId}/items/${itemId}/materials`, [
      { fileName: `${meetingMarker}.pdf`, type: 'application/pdf', content: PDF },
    ])
    assert.equal(material.statusCode, 201, material.body)
    records.push({
      family: 'meeting',
      level,
      marker: meetingMarker,
      id: meetingId,
      itemId,
      fileId: material.json().id,
    })

    const supervisionMarker = `密级矩阵${level.name}督办事项`
    const created = await supervisor.post('/api/supervision/items', {
      source: 'workReport',
      title: supervisionMarker,
      leadDepartmentId: finances,
      dueDate: '2026-03-20',
      secrecy: level.name,
    })
    assert.equal(created.statusCode, 201, created.body)
    const itemIdOfLedger = created.json().item.id as string
    const evidence = await finance.upload(`/api/supervision/items/${itemIdOfLedger}/evidence`, [
      { fileName: `${supervisionMarker}.pdf`, type: 'application/pdf', content: PDF },
    ])
    assert.equal(evidence.statusCode, 201, evidence.body)
    records.push({
      family: 'supervision',
      level,
      marker: supervisionMarker,
      id: itemIdOfLedger,
      fileId: evidence.json().id,
    })
  }
})
after(async () => {
  await app?.close()
  await handle?.close()
})

/**
 * Sets a person's clearance in the database: how the security admin sets it (and that it is
 * audited) is accounts.test.ts's business; here it is only the matrix's axis.
 */
async function setClearance(username: string, clearance: string) {
  const level = CLEARANCES.find((c) => c.name === clearance)?.code
  assert.ok(level, clearance)
  const set = await handle.db
    .updateTable('people')
    .set({ clearance: level })
    .where('roster_key', '=', username)
    .executeTakeFirst()
  assert.equal(Number(set.numUpdatedRows), 1, username)
}

async function supervisorOffice(): Promise<Caller> {
  const office = await as(SUPERVISOR)
  const switched = await office.put('/api/session/post', {
    postId: await postIdOf(handle.db, '区人民政府督查室主任'),
  })
  assert.equal(switched.statusCode, 200, switched.body)
  return office
}

async function reader(username: string): Promise<Caller> {
  return username === SUPERVISOR ? supervisorOffice() : as(username)
}

describe('the secrecy matrix', () => {
  it('every GET route of the API has a case', async () => {
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => method === 'get')
        .map(() => `GET ${path}`),
    )
    assert.deepEqual(
      routes.filter((route) => !(route in CASES)),
      [],
      'a new read route needs a case in the secrecy matrix',
    )
  })

  it('no reader is shown a record above their clearance, on any route; 0 leaks', async () => {
    const leaks: string[] = []
    const misses: string[] = []
    let cells = 0
    for (const clearance of CLEARANCES) {
      for (const { username } of READERS) await setClearance(username, clearance.name)
      for (const { username, reads } of READERS) {
        const caller = await reader(username)
        // The badges count what the lists show: no count includes a record the reader may not see.
        const unread = (await caller.get('/api/notifications/unread-count')).json().unread
        const listed = (await caller.get('/api/notifications?unread=true&limit=200')).json()
        if (unread !== listed.items.length)
          leaks.push(`${clearance.name}读者 ${username} 未读数 ${unread} ≠ ${listed.items.length}`)
        const counts = (await caller.get('/api/workbench/counts')).json()
        const waiting = (await caller.get('/api/workbench')).json().items.length
        if (
          counts.documents + counts.meetings + counts.supervision + (counts.events ?? 0) !==
          waiting
        )
          leaks.push(
            `${clearance.name}读者 ${username} 待办数 ${JSON.stringify(counts)} ≠ ${waiting}`,
          )
        for (const [route, test] of Object.entries(CASES)) {
          if ('none' in test) continue
          if ('list' in test) {
            const response = await caller.get(test.list)
            const text = textOf(response)
            for (const record of records) {
              cells++
              const present = text.includes(record.marker) || text.includes(record.id)
              const cleared = record.level.rank <= clearance.rank
              const where = `${clearance.name}读者 ${username} ${route} ${record.marker}`
              if (present && !cleared) leaks.push(where)
              if (
                !present &&
                cleared &&
                reads.includes(record.family) &&
                response.statusCode === 200 &&
                test.shows(record)
              )
                misses.push(`${where} (${response.statusCode})`)
            }
            continue
          }
          for (const record of records.filter((r) => r.family === test.each)) {
            const url = test.url(record)
            if (!url) continue
            cells++
            const response = await caller.get(url)
            const cleared = record.level.rank <= clearance.rank
            const where = `${clearance.name}读者 ${username} ${url} ${record.marker}`
            const refused = response.statusCode === 404 || response.statusCode === 403
            if (!cleared && !refused) leaks.push(`${where} (${response.statusCode})`)
            if (!cleared && textOf(response).includes(record.marker)) leaks.push(`${where} (text)`)
            if (cleared && reads.includes(record.family) && refused)
              misses.push(`${where} (${response.statusCode})`)
          }
        }
      }
    }
    console.log(
      `secrecy matrix: ${CLEARANCES.length} clearances × ${READERS.length} readers × ` +
        `${records.length} records (${LEVELS.map((l) => l.name).join('/')}) × ` +
        `${Object.values(CASES).filter((c) => !('none' in c)).length} routes = ${cells} cells; ` +
        `${leaks.length} leaks, ${misses.length} misses`,
    )
    assert.deepEqual(leaks, [], 'records above the reader’s clearance were shown')
    assert.deepEqual(misses, [], 'records at or below the reader’s clearance were not shown')
  })
})

describe('保密期限 through the API', () => {
  /** The three ways a document comes in, by whoever takes each, with the 密级 and 保密期限 given. */
  const CREATIONS = [
    {
      how: '上行文报送',
      username: 'zs-townshipHead',
      url: '/api/documents/incoming',
      body: (secrecy: string, secrecyPeriod?: string) => ({
        kind: '报告',
        title: `关于保密期限${secrecy}${secrecyPeriod ?? ''}报送的报告`,
        secrecy,
        secrecyPeriod,
        mainRecipients: ['区人民政府'],
      }),
    },
    {
      how: '拟稿',
      username: 'zs-departmentHead-9',
      url: '/api/documents/outgoing',
      body: (secrecy: string, secrecyPeriod?: string) => ({
        prefix: '钟府发',
        kind: '通知',
        title: `关于保密期限${secrecy}${secrecyPeriod ?? ''}拟稿的通知`,
        body: '各有关单位：现将有关事项通知如下。',
        mainRecipients: ['各乡（镇、街道）'],
        secrecy,
        secrecyPeriod,
      }),
    },
    {
      how: '外来文登记',
      username: DESK,
      url: '/api/documents/received',
      body: (secrecy: string, secrecyPeriod?: string) => ({
        externalSender: '市人民政府办公室',
        kind: '通知',
        title: `关于保密期限${secrecy}${secrecyPeriod ?? ''}来文的通知`,
        secrecy,
        secrecyPeriod,
        urgency: 'normal',
        copies: 1,
        receivedOn: '2026-03-02',
      }),
    },
  ]
  const countDocuments = async () =>
    Number(
      (
        await handle.db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  for (const creation of CREATIONS) {
    it(`${creation.how}: 秘密★10年 is kept and shown on the page, the 文件处理笺 and the DOCX 版头`, async () => {
      for (const username of [creation.username, DESK]) await setClearance(username, '机密')
      const caller = await as(creation.username)
      const created = await caller.post(creation.url, creation.body('秘密', ' 10年'))
      assert.equal(created.statusCode, 201, created.body)
      const id = (created.json().document?.id ?? created.json().id) as string
      const view = await caller.get(`/api/documents/${id}`)
      assert.equal(view.json().document.secrecy, 'secret')
      assert.equal(view.json().document.secrecyPeriod, '10年')
      const sheet = await caller.get(`/api/documents/${id}/handling-sheet`)
      assert.equal(sheet.statusCode, 200, sheet.body)
      const field = sheet.json().fields.find((f: { key: string }) => f.key === 'secrecy')
      assert.deepEqual(field && { label: field.label, value: field.value }, {
        label: '密级',
        value: '秘密★10年',
      })
      const docx = await caller.get(`/api/documents/${id}/docx`)
      assert.equal(docx.statusCode, 200)
      const xml = strFromU8(
        unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array,
      )
      assert.ok(xml.includes('秘密★10年'), 'the 版头 carries 密级和保密期限')
    })

    const refusals: [string, string | undefined, string][] = [
      ['秘密', '11年', 'SECRECY_PERIOD_TOO_LONG'],
      ['机密', '21年', 'SECRECY_PERIOD_TOO_LONG'],
      ['秘密', '十年', 'SECRECY_PERIOD_INVALID'],
      ['内部', '1年', 'SECRECY_PERIOD_NOT_CLASSIFIED'],
      ['公开', '6个月', 'SECRECY_PERIOD_NOT_CLASSIFIED'],
      ['绝密', '30年', 'TOP_SECRET_REFUSED'],
    ]
    it(`${creation.how}: a 保密期限 the level cannot carry is refused with its code; nothing stored`, async () => {
      for (const username of [creation.username, DESK]) await setClearance(username, '机密')
      const caller = await as(creation.username)
      const before = await countDocuments()
      const answers = []
      for (const [secrecy, period] of refusals) {
        const response = await caller.post(creation.url, creation.body(secrecy, period))
        answers.push([secrecy, period, response.statusCode, response.json().error?.code])
        assert.match(response.json().error?.message ?? '', /[\u4e00-\u9fff]/, response.body)
      }
      assert.deepEqual(
        answers,
        refusals.map(([secrecy, period, code]) => [secrecy, period, 422, code]),
      )
      assert.equal(await countDocuments(), before)
    })
  }
})

describe('nobody makes a record above their own clearance', () => {
  const count = async (table: 'documents' | 'meetings' | 'supervision_items') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const MAKERS = [
    {
      what: '上行文报送',
      username: 'zs-townshipHead',
      table: 'documents',
      url: '/api/documents/incoming',
      body: (secrecy: string) => ({
        kind: '报告',
        title: `关于越级${secrecy}报送的报告`,
        secrecy,
        mainRecipients: ['区人民政府'],
      }),
    },
    {
      what: '拟稿',
      username: 'zs-departmentHead-9',
      table: 'documents',
      url: '/api/documents/outgoing',
      body: (secrecy: string) => ({
        prefix: '钟府发',
        kind: '通知',
        title: `关于越级${secrecy}拟稿的通知`,
        body: '各有关单位：',
        mainRecipients: ['各乡（镇、街道）'],
        secrecy,
      }),
    },
    {
      what: '外来文登记',
      username: DESK,
      table: 'documents',
      url: '/api/documents/received',
      body: (secrecy: string) => ({
        externalSender: '市人民政府办公室',
        kind: '通知',
        title: `关于越级${secrecy}来文的通知`,
        secrecy,
        urgency: 'normal',
        copies: 1,
        receivedOn: '2026-03-02',
      }),
    },
    {
      what: '安排会议',
      username: DESK,
      table: 'meetings',
      url: '/api/meetings',
      body: (secrecy: string) => ({
        meetingType: 'standing',
        title: `越级${secrecy}常务会议`,
        startsAt: '2026-03-19T09:00:00+08:00',
        secrecy,
      }),
    },
    {
      what: '督办立项',
      username: SUPERVISOR,
      table: 'supervision_items',
      url: '/api/supervision/items',
      body: async (secrecy: string) => ({
        source: 'workReport',
        title: `越级${secrecy}督办事项`,
        leadDepartmentId: await departmentIdOf(handle.db, '区财政局'),
        dueDate: '2026-03-20',
        secrecy,
      }),
    },
  ] as const

  for (const maker of MAKERS)
    it(`${maker.what}: refused above the maker’s clearance, nothing written; allowed at it`, async () => {
      await setClearance(maker.username, '内部')
      const caller = await reader(maker.username)
      const before = await count(maker.table)
      const answers = []
      for (const level of ['秘密', '机密']) {
        const refused = await caller.post(maker.url, await maker.body(level))
        answers.push([level, refused.statusCode, refused.json().error?.code])
      }
      assert.deepEqual(answers, [
        ['秘密', 403, 'SECRECY_ABOVE_CLEARANCE'],
        ['机密', 403, 'SECRECY_ABOVE_CLEARANCE'],
      ])
      assert.equal(await count(maker.table), before)
      await setClearance(maker.username, '秘密')
      const allowed = await (await reader(maker.username)).post(maker.url, await maker.body('秘密'))
      assert.equal(allowed.statusCode, 201, allowed.body)
      assert.equal(await count(maker.table), before + 1)
    })
})
