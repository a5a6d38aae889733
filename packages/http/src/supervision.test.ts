import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { runSupervisionScan } from '@zhengling/db'
import ExcelJS from 'exceljs'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { signInForFiles } from './test-support/upload.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// The supervision ledger of 钟山区 kept by its supervision office: items entered by hand (钟山's
// rulebook gives no periods, so each needs a date), an extension asked in writing and granted,
// a closure reported late and reviewed, the figures of the dashboard, the Excel ledger, and
// who may see and do what.
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)
const unit = (name: string) => departmentIdOf(server.handle.db, name)

/** The supervision office: 赵敏 acts in her second post, 区人民政府督查室主任. */
async function supervisionOffice() {
  const office = await as('zs-deputyOfficeDirector')
  const switched = await office.put('/api/session/post', {
    postId: await postIdOf(server.handle.db, '区人民政府督查室主任'),
  })
  assert.equal(switched.statusCode, 200, switched.body)
  return office
}

describe('the supervision ledger of 钟山区', () => {
  it('enters, extends, closes and counts items, and exports the ledger', async () => {
    server.clock = MONDAY
    let office = await supervisionOffice()
    const withoutDate = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '完成城区老旧管网改造',
      leadDepartmentId: await unit('区住房和城乡建设局'),
    })
    assert.equal(withoutDate.statusCode, 422)
    assert.equal(withoutDate.json().error.code, 'DUE_DATE_REQUIRED')
    // A unit nobody holds a post in could never report progress or ask to close: refused at entry.
    const unstaffed = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '完成城区老旧管网改造',
      leadDepartmentId: await unit('区住房和城乡建设局'),
      dueDate: '2026-03-20',
    })
    assert.equal(unstaffed.statusCode, 422, unstaffed.body)
    assert.equal(unstaffed.json().error.code, 'LEAD_UNIT_UNSTAFFED')
    assert.match(unstaffed.json().error.message, /区住房和城乡建设局目前无人在岗/)
    const unknownSource = await office.post('/api/supervision/items', {
      source: 'rumour',
      title: '某事项',
      leadDepartmentId: await unit('区财政局'),
      dueDate: '2026-03-20',
    })
    assert.equal(unknownSource.statusCode, 422)
    // A bureau may not enter items in the ledger.
    const finance = await as('zs-departmentHead-9')
    const byBureau = await finance.post('/api/supervision/items', {
      source: 'workReport',
      title: '某事项',
      leadDepartmentId: await unit('区财政局'),
      dueDate: '2026-03-20',
    })
    assert.equal(byBureau.statusCode, 403)

    const budget = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '压减一般性支出',
      leadDepartmentId: await unit('区财政局'),
      coDepartmentIds: [await unit('区教育局')],
      responsiblePerson: '吴静',
      dueDate: '2026-03-13',
      milestones: [{ title: '拟定压减方案', dueDate: '2026-03-06' }],
    })
    assert.equal(budget.statusCode, 201, budget.body)
    const budgetId = budget.json().item.id
    const schools = await office.post('/api/supervision/items', {
      source: 'deputySuggestion',
      title: '办理关于增加学位供给的人大代表建议',
      leadDepartmentId: await unit('区教育局'),
      dueDate: '2026-03-10',
    })
    const schoolsId = schools.json().item.id

    // Only the units concerned (and the office) see an item: 荷城街道 has no part in the budget.
    assert.equal(
      (await (await as('zs-townshipHead')).get(`/api/supervision/items/${budgetId}`)).statusCode,
      404,
    )
    const coUnit = await as('zs-departmentHead-10')
    assert.equal((await coUnit.get(`/api/supervision/items/${budgetId}`)).statusCode, 200)

    // The lead unit reports the milestone done; a co-unit may report progress but not extend.
    const progress = await finance.post(`/api/supervision/items/${budgetId}/progress`, {
      text: '压减方案已拟定',
      milestoneIndex: 0,
    })
    assert.equal(progress.json().item.milestones[0].doneOn, '2026-03-02', progress.body)
    // 佐证材料: the lead unit backs its report with a file; units outside the item cannot read it.
    const financeFiles = await signInForFiles(server.app, 'zs-departmentHead-9')
    const evidence = await financeFiles.upload(`/api/supervision/items/${budgetId}/evidence`, [
      { fileName: '压减方案.pdf', type: 'application/pdf', content: PDF },
    ])
    assert.equal(evidence.statusCode, 201, evidence.body)
    const evidenceUrl = `/api/supervision/items/${budgetId}/evidence/${evidence.json().id}`
    const read = await office.get(evidenceUrl)
    assert.equal(read.statusCode, 200)
    assert.deepEqual(new Uint8Array(read.rawPayload), PDF)
    assert.equal((await (await as('zs-townshipHead')).get(evidenceUrl)).statusCode, 404)
    const townshipFiles = await signInForFiles(server.app, 'zs-townshipHead')
    const notTheirs = await townshipFiles.upload(`/api/supervision/items/${budgetId}/evidence`, [
      { fileName: 'x.pdf', type: 'application/pdf', content: PDF },
    ])
    assert.equal(notTheirs.statusCode, 404)
    const withEvidence = (await office.get(`/api/supervision/items/${budgetId}`)).json()
    assert.deepEqual(
      withEvidence.evidence.map((e: { name: string }) => e.name),
      ['压减方案.pdf'],
    )

    const coExtension = await coUnit.post(`/api/supervision/items/${budgetId}/extension`, {
      requestedDue: '2026-03-31',
      reason: '需等待区人大常委会审议预算调整方案',
    })
    assert.equal(coExtension.statusCode, 403)
    const tooShort = await finance.post(`/api/supervision/items/${budgetId}/extension`, {
      requestedDue: '2026-03-31',
      reason: '来不及',
    })
    assert.equal(tooShort.statusCode, 422)
    const asked = await finance.post(`/api/supervision/items/${budgetId}/extension`, {
      requestedDue: '2026-03-31',
      reason: '需等待区人大常委会审议预算调整方案后方能执行',
    })
    assert.equal(asked.statusCode, 200, asked.body)
    const granted = await office.post(`/api/supervision/items/${budgetId}/extension/decide`, {
      approve: true,
    })
    assert.equal(granted.json().item.dueDate, '2026-03-31', granted.body)
    assert.equal(granted.json().item.originalDueDate, '2026-03-13')

    // The education bureau reports its item done a day late; the office closes it as late.
    server.clock = new Date('2026-03-11T02:00:00Z')
    const education = await as('zs-departmentHead-10')
    assert.equal(
      (
        await education.post(`/api/supervision/items/${schoolsId}/closure`, {
          report: '已答复代表',
        })
      ).statusCode,
      200,
    )
    office = await supervisionOffice()
    const closed = await office.post(`/api/supervision/items/${schoolsId}/closure/review`, {
      approve: true,
    })
    assert.equal(closed.json().item.state, 'closed', closed.body)
    assert.equal(closed.json().item.daysLate, 1)

    // The extended item is not overdue on its old date: the scan follows the new one.
    server.clock = new Date('2026-03-16T02:00:00Z')
    const deps = {
      hasher: sm3Hasher,
      now: () => server.clock,
      rules: createRulesPort(testLibrary()),
    }
    assert.deepEqual(await runSupervisionScan(server.handle.db, deps, 100), {
      reminded: 0,
      escalated: 0,
    })

    office = await supervisionOffice()
    const dashboard = (await office.get('/api/supervision/dashboard')).json()
    assert.equal(dashboard.open, 1, JSON.stringify(dashboard))
    assert.equal(dashboard.closed, 1)
    assert.equal(dashboard.closedOnTime, 0)
    assert.equal(dashboard.onTimeRate, 0)
    assert.equal(dashboard.averageDaysLate, 1)
    const byUnit = Object.fromEntries(
      dashboard.byDepartment.map((d: { departmentName: string; open: number; closed: number }) => [
        d.departmentName,
        [d.open, d.closed],
      ]),
    )
    assert.deepEqual(byUnit, { 区财政局: [1, 0], 区教育局: [0, 1] })
    assert.equal(dashboard.trend.at(-1).month, '2026-03')
    assert.deepEqual(
      [
        dashboard.trend.at(-1).assigned,
        dashboard.trend.at(-1).closed,
        dashboard.trend.at(-1).closedLate,
      ],
      [2, 1, 1],
    )
    const oneUnit = (
      await office.get(`/api/supervision/dashboard?departmentId=${await unit('区教育局')}`)
    ).json()
    assert.equal(oneUnit.closed, 1)
    assert.equal(oneUnit.open, 0)

    const closedOnly = (await office.get('/api/supervision/items?state=closed')).json()
    assert.deepEqual(
      closedOnly.items.map((i: { id: string }) => i.id),
      [schoolsId],
    )
    // The co-unit's filter finds the item it helps with.
    const helping = (
      await office.get(`/api/supervision/items?departmentId=${await unit('区教育局')}`)
    ).json()
    assert.equal(helping.total, 2)

    const workbook = await office.get('/api/supervision/items.xlsx')
    assert.equal(workbook.statusCode, 200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(workbook.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('督查台账')
    assert.ok(sheet)
    assert.equal(sheet.getRow(2).getCell(2).value, '督办事项')
    const titles = [3, 4].map((row) => sheet.getRow(row).getCell(2).value)
    assert.deepEqual(titles.sort(), ['办理关于增加学位供给的人大代表建议', '压减一般性支出'].sort())
    const lateRow = [3, 4].find(
      (row) => sheet.getRow(row).getCell(2).value === '办理关于增加学位供给的人大代表建议',
    )
    assert.equal(sheet.getRow(lateRow ?? 0).getCell(13).value, '超期1天办结')
  })
})
