import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DEFAULT_RECEIPT_NUMBER_FORMAT, formatReceiptNumber } from '@zhengling/app'
import {
  type DatabaseHandle,
  DEMO_JURISDICTIONS,
  type DemoJurisdiction,
  demoRoster,
} from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { buildTestServer } from './test-support/build-test-server.ts'
import { departmentIdOf } from './test-support/sign-in-as.ts'
import { openTaskHolders } from './test-support/task-holders.ts'
import { type FilePart, signInForFiles } from './test-support/upload.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 来文 as the office receives it (issue 12 part 3), in all five demo counties on one database:
// the desk the rulebook names for 签收登记 registers a document from a 上级机关 with its scanned
// PDF and OFD originals; it gets the next 收文编号 of the county's year — gapless under parallel
// registrations, from 1 again in a new year — and runs the same 初审 → 拟办 → 批示 → 转办 → 办结
// flow as a submitted 请示, whose 签收登记 gives it a 收文编号 too. Whoever takes each step is
// whoever holds the task the rules opened; bad input is refused in Chinese with nothing written.

const MONDAY = new Date('2026-03-02T01:00:00Z') // 09:00 in Asia/Shanghai

/** Per county: a township head who submits a 请示 (and handles the 来文), and their unit. */
const TOWNSHIPS: Record<DemoJurisdiction, { head: string; unit: string }> = {
  zhongshan: { head: 'zs-townshipHead', unit: '荷城街道' },
  toksun: { head: 'tks-townshipHead', unit: '托克逊镇' },
  muli: { head: 'ml-townshipHead-qiaowa', unit: '乔瓦镇' },
  yanjin: { head: 'yj-townshipHead-dongtun', unit: '东屯镇' },
  erlianhaote: { head: 'el-townshipHead-gerileaodu', unit: '格日勒敖都苏木' },
}

const PDF: FilePart = {
  field: 'scan',
  fileName: '省政府办公厅来文扫描件.pdf',
  type: 'application/pdf',
  content: new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')),
}
const OFD: FilePart = {
  field: 'scan',
  fileName: '电子公文.ofd',
  type: 'application/ofd',
  content: zipSync({
    'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'),
    'Doc_0/Document.xml': strToU8('<ofd:Document/>'),
  }),
}
/** A Windows program renamed to .pdf. */
const EXE_AS_PDF: FilePart = {
  field: 'scan',
  fileName: '通知.pdf',
  type: 'application/pdf',
  content: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
}

const receipt = (overrides: Record<string, unknown> = {}) => ({
  externalSender: '省人民政府办公厅',
  senderReference: '省府办发〔2026〕8号',
  kind: '通知',
  title: '关于做好2026年春季森林草原防灭火工作的通知',
  secrecy: '内部',
  urgency: 'urgent',
  copies: 2,
  receivedOn: '2026-03-02',
  ...overrides,
})

let handle: DatabaseHandle
let app: FastifyInstance
let clock = MONDAY

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(MONDAY, 'all') })
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

const as = (username: string) => signInForFiles(app, username)

/** The county's 收文编号 of a serial: in the format its roster sets, or the default. */
async function receiptNumber(jurisdiction: DemoJurisdiction, year: number, serial: number) {
  return formatReceiptNumber(demoRoster(jurisdiction).receiptNumberFormat ?? null, year, serial)
}

/** What is stored of a county's documents: a refusal must leave all of it as it was. */
async function stored(jurisdiction: string) {
  const [documents, sequences, attachments, events] = await Promise.all([
    handle.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('jurisdiction_id', '=', jurisdiction)
      .executeTakeFirstOrThrow(),
    handle.db
      .selectFrom('receipt_number_sequences')
      .select(['year', 'last_number'])
      .where('jurisdiction_id', '=', jurisdiction)
      .orderBy('year')
      .execute(),
    handle.db
      .selectFrom('document_attachments')
      .innerJoin('documents', 'documents.id', 'document_attachments.document_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('documents.jurisdiction_id', '=', jurisdiction)
      .executeTakeFirstOrThrow(),
    handle.db
      .selectFrom('document_events')
      .innerJoin('documents', 'documents.id', 'document_events.document_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('documents.jurisdiction_id', '=', jurisdiction)
      .executeTakeFirstOrThrow(),
  ])
  return {
    documents: Number(documents.n),
    sequences,
    attachments: Number(attachments.n),
    events: Number(events.n),
  }
}

/** The one person holding the document's open task of a kind (the first holder). */
async function holderOf(documentId: string, kind: string): Promise<string> {
  const task = (await openTaskHolders(handle.db, documentId)).find((t) => t.kind === kind)
  assert.ok(task, `an open ${kind} task`)
  const [username] = task.usernames
  assert.ok(username, `someone holds the ${kind} task`)
  return username
}

const isChinese = (message: string) => /[\u4e00-\u9fff]/.test(message)

for (const jurisdiction of DEMO_JURISDICTIONS) {
  const township = TOWNSHIPS[jurisdiction]

  describe(`来文 registration in ${jurisdiction}`, () => {
    let desk: string
    let externalId: string

    it('gives a unit’s 请示 its 收文编号 at 签收登记', async () => {
      clock = MONDAY
      const head = await as(township.head)
      const submitted = await head.post('/api/documents/incoming', {
        kind: '请示',
        title: `关于申请${township.unit}防汛物资经费的请示`,
        body: '妥否，请批示。',
        secrecy: '内部',
        urgency: 'normal',
        mainRecipients: ['人民政府'],
        signatories: ['负责人'],
      })
      assert.equal(submitted.statusCode, 201, submitted.body)
      const id = submitted.json().document.id
      assert.equal(submitted.json().document.receiptNumber, null)
      desk = await holderOf(id, 'register')
      const registered = await (await as(desk)).post(`/api/documents/${id}/register`, {})
      assert.equal(registered.statusCode, 200, registered.body)
      assert.equal(
        registered.json().document.receiptNumber,
        await receiptNumber(jurisdiction, 2026, 1),
      )
      const event = registered.json().events.at(-1)
      assert.equal(event.action, 'register')
      assert.equal(event.details.receiptNumber, registered.json().document.receiptNumber)
    })

    it('registers a 上级机关 document with its PDF and OFD originals as the next number', async () => {
      const office = await as(desk)
      const before = await stored(jurisdiction)
      const response = await office.upload('/api/documents/received', [PDF, OFD], {
        receipt: JSON.stringify(receipt()),
      })
      assert.equal(response.statusCode, 201, response.body)
      const registered = response.json()
      assert.equal(registered.receiptNumber, await receiptNumber(jurisdiction, 2026, 2))
      assert.equal(registered.state, 'registered')
      assert.deepEqual(
        registered.attachments.map((a: { mediaType: string }) => a.mediaType).toSorted(),
        ['application/ofd', 'application/pdf'],
      )
      externalId = registered.id
      const after = await stored(jurisdiction)
      assert.equal(after.documents, before.documents + 1)
      assert.equal(after.attachments, before.attachments + 2)

      const view = (await office.get(`/api/documents/${externalId}`)).json()
      assert.equal(view.document.receiptNumber, registered.receiptNumber)
      assert.equal(view.document.externalSender, '省人民政府办公厅')
      assert.equal(view.document.senderDepartmentId, null)
      assert.equal(view.document.senderReference, '省府办发〔2026〕8号')
      assert.equal(view.document.copies, 2)
      assert.equal(view.document.receivedOn, '2026-03-02')
      assert.equal(view.document.secrecy, 'internal')
      assert.equal(view.document.urgency, 'urgent')
      assert.equal(view.attachments.length, 2)
      // The originals come back as stored.
      for (const original of [PDF, OFD]) {
        const attachment = view.attachments.find(
          (a: { mediaType: string }) => a.mediaType === original.type,
        )
        const file = await office.get(`/api/documents/${externalId}/attachments/${attachment.id}`)
        assert.deepEqual(new Uint8Array(file.rawPayload), original.content)
      }
      // The same desk screens it next, within the rulebook's processing period.
      assert.equal(await holderOf(externalId, 'screen'), desk)
      assert.deepEqual(
        view.events.map((e: { action: string }) => e.action),
        ['register'],
      )
      assert.equal(view.events[0].details.external, true)

      // The desk may register 来文; the page and menu ask the same rule.
      assert.equal((await office.get('/api/documents/received/access')).json().allowed, true)
      // The office suggests the 来文单位 it has written before.
      const senders = (await office.get('/api/documents/external-senders')).json().senders
      assert.ok(senders.includes('省人民政府办公厅'))
      // JSON without originals works too.
      const plain = await office.post('/api/documents/received', receipt({ copies: 1 }))
      assert.equal(plain.statusCode, 201, plain.body)
      assert.equal(plain.json().receiptNumber, await receiptNumber(jurisdiction, 2026, 3))
    })

    it('numbers parallel registrations without a gap or a repeat', async () => {
      const office = await as(desk)
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          office.upload('/api/documents/received', [PDF], {
            receipt: JSON.stringify(receipt({ title: `关于第${n + 1}批转发文件的通知` })),
          }),
        ),
      )
      for (const response of responses) assert.equal(response.statusCode, 201, response.body)
      const numbers = responses.map((response) => response.json().receiptNumber).toSorted()
      const expected = await Promise.all(
        [4, 5, 6, 7, 8, 9].map((serial) => receiptNumber(jurisdiction, 2026, serial)),
      )
      assert.deepEqual(numbers, expected.toSorted())
    })

    it('runs the 来文 through 初审, 拟办, 批示 and 转办 to 办结', async () => {
      const office = await as(desk)
      const screened = await office.post(`/api/documents/${externalId}/screen`, { findings: {} })
      assert.equal(screened.statusCode, 200, screened.body)
      assert.equal(screened.json().document.state, 'accepted')
      const unit = await departmentIdOf(handle.db, township.unit)
      const proposer = await as(await holderOf(externalId, 'propose'))
      const proposed = await proposer.post(`/api/documents/${externalId}/propose`, {
        opinion: `拟请分管领导阅示，转${township.unit}落实`,
        concernedDepartmentIds: [unit],
      })
      assert.equal(proposed.statusCode, 200, proposed.body)
      for (let round = 0; round < 5; round += 1) {
        const instructing = (await openTaskHolders(handle.db, externalId)).find(
          (task) => task.kind === 'instruct',
        )
        if (!instructing) break
        const leader = await as(instructing.usernames[0] as string)
        const instructed = await leader.post(`/api/documents/${externalId}/instruct`, {
          text: '请认真贯彻落实。',
        })
        assert.equal(instructed.statusCode, 200, instructed.body)
      }
      const referrer = await as(await holderOf(externalId, 'refer'))
      const referred = await referrer.post(`/api/documents/${externalId}/refer`, {
        departmentIds: [unit],
      })
      assert.equal(referred.statusCode, 200, referred.body)
      const handler = await as(await holderOf(externalId, 'handle'))
      const completed = await handler.post(`/api/documents/${externalId}/complete`, {
        result: '已部署落实。',
      })
      assert.equal(completed.statusCode, 200, completed.body)
      const closed = (await office.get(`/api/documents/${externalId}`)).json()
      assert.equal(closed.document.state, 'closed')
      assert.deepEqual(
        closed.events.map((e: { action: string }) => e.action),
        [
          'register',
          'accept',
          'propose',
          ...closed.events.slice(3, -2).map(() => 'instruct'),
          'refer',
          'close',
        ],
      )
    })

    it('refuses a post that is not the registration desk, in Chinese, writing nothing', async () => {
      const head = await as(township.head)
      const before = await stored(jurisdiction)
      const refused = await head.upload('/api/documents/received', [PDF], {
        receipt: JSON.stringify(receipt()),
      })
      assert.equal(refused.statusCode, 422, refused.body)
      assert.equal(refused.json().error.code, 'NOT_RESPONSIBLE')
      assert.equal((await head.get('/api/documents/received/access')).json().allowed, false)
      assert.ok(isChinese(refused.json().error.message))
      assert.ok(refused.json().error.citations.length > 0)
      assert.deepEqual(await stored(jurisdiction), before)
    })

    it('refuses bad input with a code and a Chinese message, writing nothing', async () => {
      const office = await as(desk)
      const before = await stored(jurisdiction)
      const cases: [string, Record<string, unknown>, FilePart[], number, string][] = [
        ['no 来文单位', { externalSender: '  ' }, [], 422, 'EXTERNAL_SENDER_REQUIRED'],
        ['来文单位 missing', { externalSender: undefined }, [], 422, 'EXTERNAL_SENDER_REQUIRED'],
        ['份数 0', { copies: 0 }, [], 422, 'COPIES_INVALID'],
        ['份数 negative', { copies: -3 }, [], 422, 'COPIES_INVALID'],
        ['份数 fractional', { copies: 1.5 }, [], 422, 'COPIES_INVALID'],
        ['unknown 密级', { secrecy: '特密' }, [], 422, 'UNKNOWN_SECRECY_LEVEL'],
        ['绝密', { secrecy: '绝密' }, [], 422, 'TOP_SECRET_REFUSED'],
        ['unknown 紧急程度', { urgency: '火急' }, [], 422, 'UNKNOWN_URGENCY'],
        ['收文日期 ahead', { receivedOn: '2026-03-09' }, [], 422, 'RECEIVED_ON_IN_FUTURE'],
        ['收文日期 impossible', { receivedOn: '2026-02-30' }, [], 400, 'INVALID_INPUT'],
        ['unknown 文种', { kind: '便条' }, [], 422, 'UNKNOWN_DOCUMENT_KIND'],
        ['no title', { title: '' }, [], 400, 'INVALID_INPUT'],
        ['.exe renamed .pdf', {}, [PDF, EXE_AS_PDF], 422, 'ATTACHMENT_TYPE_MISMATCH'],
        [
          'a PNG as original',
          {},
          [
            {
              field: 'scan',
              fileName: '照片.png',
              type: 'image/png',
              content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
            },
          ],
          422,
          'SCAN_TYPE_NOT_ALLOWED',
        ],
      ]
      for (const [what, overrides, files, status, code] of cases) {
        const response = await office.upload('/api/documents/received', files, {
          receipt: JSON.stringify(receipt(overrides)),
        })
        assert.equal(response.statusCode, status, `${what}: ${response.body}`)
        assert.equal(response.json().error.code, code, what)
        assert.ok(isChinese(response.json().error.message), `${what}: ${response.body}`)
      }
      assert.deepEqual(await stored(jurisdiction), before)
    })

    it('shows the 收文编号 in the register, its Excel export and the search', async () => {
      const office = await as(desk)
      const number = await receiptNumber(jurisdiction, 2026, 2)
      const register = await office.get('/api/documents/register?direction=incoming&limit=100')
      assert.equal(register.statusCode, 200, register.body)
      const rows: { id: string; receiptNumber: string | null; sender: string | null }[] =
        register.json().rows
      const line = rows.find((row) => row.id === externalId)
      assert.equal(line?.receiptNumber, number)
      assert.equal(line?.sender, '省人民政府办公厅')
      // Nine documents registered this year, numbered 1 to 9.
      assert.deepEqual(
        rows.map((row) => row.receiptNumber).toSorted(),
        (
          await Promise.all(
            [1, 2, 3, 4, 5, 6, 7, 8, 9].map((serial) => receiptNumber(jurisdiction, 2026, serial)),
          )
        ).toSorted(),
      )
      const file = await office.get('/api/documents/register.xlsx?direction=incoming')
      assert.equal(file.statusCode, 200)
      const strings = strFromU8(
        unzipSync(new Uint8Array(file.rawPayload))['xl/sharedStrings.xml'] as Uint8Array,
      )
      assert.ok(strings.includes('收文编号'))
      assert.ok(strings.includes(number))
      const found = await office.get(`/api/documents?q=${encodeURIComponent(number)}`)
      assert.equal(found.statusCode, 200, found.body)
      assert.ok(found.json().some((document: { id: string }) => document.id === externalId))
    })
  })
}

describe('收文编号 in a new year', () => {
  it('starts again from 1 in every county', async () => {
    clock = new Date('2027-01-04T01:00:00Z')
    for (const jurisdiction of DEMO_JURISDICTIONS) {
      const [desk] = (
        await handle.db
          .selectFrom('people')
          .select('roster_key')
          .where('jurisdiction_id', '=', jurisdiction)
          .where('roster_key', 'like', '%-secretariat')
          .execute()
      ).map((row) => row.roster_key as string)
      assert.ok(desk)
      const office = await as(desk)
      const response = await office.post(
        '/api/documents/received',
        receipt({ receivedOn: '2027-01-04', title: '关于做好2027年元旦春节期间有关工作的通知' }),
      )
      assert.equal(response.statusCode, 201, response.body)
      assert.equal(response.json().receiptNumber, await receiptNumber(jurisdiction, 2027, 1))
    }
    // Both ways are walked above: counties whose rosters set a format, and counties without one.
    const formats = DEMO_JURISDICTIONS.map((j) => demoRoster(j).receiptNumberFormat)
    assert.ok(formats.some((format) => format) && formats.some((format) => !format))
    // Without a format of its own a county numbers 收文〔年〕N号.
    assert.equal(formatReceiptNumber(null, 2027, 1), '收文〔2027〕1号')
    assert.equal(DEFAULT_RECEIPT_NUMBER_FORMAT.includes('{serial}'), true)
  })
})
