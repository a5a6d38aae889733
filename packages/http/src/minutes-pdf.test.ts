import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { pageText, pdfFonts, textLines } from '@zhengling/gbt9704/test-support'
import { findOnPath } from './pdf-converter.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// A 木里 常务会议 planned for Thursday 11 June and held (opened) on Monday 8 June: its minutes, the
// periods that run from it and the ledger's 交办日期 go by the day it was held. Then its 纪要 as the
// server's PDF (LibreOffice): 纪要标志 with the county's full name, no line of only "：", the held
// date, a filled first page, and fonts with Simplified Chinese glyphs only.
const PLANNED_ON = new Date('2026-06-01T01:00:00Z')
const HELD = new Date('2026-06-08T01:30:00Z') // 09:30 in 木里 (Asia/Shanghai)
const server = useDemoServer({ startsAt: PLANNED_ON, jurisdiction: 'muli' })
const as = (username: string) => signInAs(server.app, username)
const unit = (name: string) => departmentIdOf(server.handle.db, name)
const post = (title: string) => postIdOf(server.handle.db, title)

/** The 木里 roster's jurisdiction, as the server names it (the 纪要标志 must carry it). */
const COUNTY = '木里藏族自治县'

let minutesId = ''
let supervisionIds: string[] = []

/** Schedules, prepares, holds (early), decides and closes the meeting; drafts and signs the 纪要. */
async function holdMeetingEarly() {
  server.clock = PLANNED_ON
  const office = await as('ml-secretariat')
  const scheduled = await office.post('/api/meetings', {
    meetingType: 'standing',
    startsAt: '2026-06-11T09:00:00+08:00',
    location: '县政府常务会议室',
  })
  assert.equal(scheduled.statusCode, 201, scheduled.body)
  const meetingId = scheduled.json().meeting.id as string
  const items: [string, string, string][] = [
    ['ml-departmentHead-education', 'ml-deputy-2', '关于乔瓦镇中心校扩建的议题'],
    ['ml-departmentHead-housing', 'ml-deputy-3', '关于县城老旧小区改造的议题'],
  ]
  const itemIds: string[] = []
  for (const [submitter, deputy, title] of items) {
    const submitted = await (
      await as(submitter)
    ).post(`/api/meetings/${meetingId}/items`, {
      title,
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const itemId = submitted.json().item.id as string
    itemIds.push(itemId)
    const proposed = await (
      await as(deputy)
    ).post(`/api/meetings/${meetingId}/items/${itemId}/steps`, { code: 'deputyProposal' })
    assert.equal(proposed.statusCode, 200, proposed.body)
    const reviewed = await office.post(`/api/meetings/${meetingId}/items/${itemId}/steps`, {
      code: 'materialsReviewedByOffice',
    })
    assert.equal(reviewed.statusCode, 200, reviewed.body)
  }
  const approved = await (
    await as('ml-principal')
  ).post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds })
  assert.equal(approved.statusCode, 200, approved.body)

  server.clock = HELD
  const desk = await as('ml-secretariat')
  const members = ['县长', '常务副县长', '副县长（城建、乡镇）', '县政府办公室主任']
  const opened = await desk.post(`/api/meetings/${meetingId}/open`, {
    presentPostIds: await Promise.all(members.map(post)),
  })
  assert.equal(opened.statusCode, 200, opened.body)
  const decided = await desk.post(`/api/meetings/${meetingId}/items/${itemIds[0]}/decide`, {
    decision: 'adopted',
    // Long enough that the 纪要 runs onto a second page: page 1 must then be full.
    text: '同意乔瓦镇中心校扩建方案。'.concat(
      '由县教育局会同县财政局、县住房和城乡建设局抓紧组织实施，严格执行工程建设基本程序，',
      '落实资金保障和质量安全监管责任，确保秋季学期开学前完成主体工程建设并交付使用。'.repeat(4),
    ),
    tasks: [{ title: '完成乔瓦镇中心校扩建主体工程', leadDepartmentId: await unit('县教育局') }],
  })
  assert.equal(decided.statusCode, 200, decided.body)
  supervisionIds = decided.json().supervision.map((item: { id: string }) => item.id)
  const second = await desk.post(`/api/meetings/${meetingId}/items/${itemIds[1]}/decide`, {
    decision: 'adoptedWithChanges',
    text: '原则同意县城老旧小区改造计划，由县住房和城乡建设局按会议意见修改完善后按程序报批',
  })
  assert.equal(second.statusCode, 200, second.body)
  const closed = await desk.post(`/api/meetings/${meetingId}/close`)
  assert.equal(closed.statusCode, 200, closed.body)
  const minutes = await desk.post(`/api/meetings/${meetingId}/minutes`)
  assert.equal(minutes.statusCode, 201, minutes.body)
  minutesId = minutes.json().documentId as string
  return { meetingId, closed: closed.json(), minutes: minutes.json() }
}

describe('a 木里 常务会议 held before its planned day', () => {
  let held: Awaited<ReturnType<typeof holdMeetingEarly>>
  before(async () => {
    held = await holdMeetingEarly()
  })

  it('dates the minutes, their time limit and the ledger’s 交办日期 by the day it was held', async () => {
    const office = await as('ml-secretariat')
    const document = (await office.get(`/api/documents/${minutesId}`)).json().document
    assert.equal(
      new Date(document.plan.minutes.heldAt).toISOString(),
      HELD.toISOString(),
      'heldAt is when it opened',
    )
    assert.match(document.body, /^2026年6月8日，/)
    assert.doesNotMatch(document.body, /6月11日/)
    // 第十八条's 5 working days run from the day it was held: 8 June → 15 June, not 18 June.
    assert.equal(held.closed.meeting.minutesDue, '2026-06-15')
    assert.equal(held.minutes.dueDate, '2026-06-15')

    assert.equal(supervisionIds.length, 1)
    const supervision = await as('ml-supervisionOffice')
    const item = (await supervision.get(`/api/supervision/items/${supervisionIds[0]}`)).json()
    assert.equal(item.item.assignedOn, '2026-06-08', JSON.stringify(item.item))
    const ledger = (await supervision.get('/api/supervision/items')).json()
    const row = ledger.items.find((entry: { id: string }) => entry.id === supervisionIds[0])
    assert.equal(row?.assignedOn, '2026-06-08')
  })

  it(
    'prints the 纪要 with the county in its 版头, the held date and a full first page, in SC fonts',
    {
      skip: findOnPath('soffice') ? false : 'LibreOffice (soffice) is not installed',
      timeout: 300_000,
    },
    async () => {
      const signed = await (await as('ml-principal')).post(`/api/documents/${minutesId}/sign`)
      assert.equal(signed.statusCode, 200, signed.body)
      const office = await as('ml-secretariat')
      const response = await office.get(`/api/documents/${minutesId}/pdf`)
      assert.equal(response.statusCode, 200, response.body)
      const dir = await mkdtemp(join(tmpdir(), 'minutes-pdf-'))
      try {
        const file = join(dir, 'minutes.pdf')
        await writeFile(file, response.rawPayload)
        // To look at it: ZHENGLING_KEEP_PDF=/some/folder keeps a copy there.
        const keep = process.env.ZHENGLING_KEEP_PDF
        if (keep) await writeFile(join(keep, 'muli-minutes.pdf'), response.rawPayload)
        const fonts = await pdfFonts(file)
        assert.ok(fonts.length > 0)
        for (const font of fonts) {
          assert.ok(font.embedded, `${font.name} is embedded`)
          assert.doesNotMatch(font.name, /jp|JP|DejaVu|Liberation/, `${font.name}: not a SC face`)
        }
        const page1 = await pageText(file, 1)
        const lines = page1
          .split('\n')
          .map((line) => line.replace(/\s+/g, ''))
          .filter(Boolean)
        assert.match(lines[0] ?? '', new RegExp(`^${COUNTY}人民政府常务会议纪要$`), page1)
        assert.ok(!lines.some((line) => /^[：:]$/.test(line)), `no line of only "："\n${page1}`)
        assert.match(page1.replace(/\s+/g, ''), /2026年6月8日，/)
        assert.doesNotMatch(page1, /6月11日/)
        // Filled: the text runs down the page, not one block at the top.
        const boxes = await textLines(file, 1)
        const inside = boxes.filter((line) => line.yMax <= 262 + 1)
        const bottom = Math.max(...inside.map((line) => line.yMax))
        assert.ok(
          bottom > 262 - 3 * 10.2,
          `page 1's text ends at ${bottom.toFixed(1)} mm\n${page1}`,
        )
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})
