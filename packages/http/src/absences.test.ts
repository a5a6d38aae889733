import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postIdOf } from './test-support/post-id-of.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 请销假 in 二连浩特市 (七十四): a 副市长 asks the 市长 and files with the 办公厅, 销假 on return with
// a report; a department head asks the 分管市长, over half a month (strictly more than 15 days)
// the 市长; who may decide, withdraw and close, and what the lists show.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })
const as = (username: string) => signInAs(server.app, username)
const post = (title: string) => postIdOf(server.handle.db, title)

const trip = async (title: string, from: string, to: string) => ({
  postId: await post(title),
  category: 'businessTrip',
  from,
  to,
  destination: '呼和浩特市',
  reason: '参加自治区口岸工作会议',
  contact: '13900000000',
})

describe('请销假 in 二连浩特市', () => {
  it('a deputy asks the 市长, files with the 办公厅, and closes with 销假 and a report', async () => {
    server.clock = MONDAY
    const deputy = await as('el-deputy-2')
    const input = await trip('副市长（口岸、外事、合作区）', '2026-03-04', '2026-03-06')
    const preview = await deputy.post('/api/absences/preview', {
      postId: input.postId,
      category: input.category,
      from: input.from,
      to: input.to,
    })
    assert.equal(preview.statusCode, 200, preview.body)
    const plan = preview.json()
    assert.equal(plan.mode, 'approval')
    assert.deepEqual(
      plan.approvers.map((a: { title: string }) => a.title),
      ['市长'],
    )
    assert.equal(plan.days, 3)
    assert.ok(
      plan.citations.some((c: { article: string }) => c.article === '七十四'),
      preview.body,
    )
    assert.match(JSON.stringify(plan.fileWith), /办公厅|秘书长/)

    const filed = await deputy.post('/api/absences', input)
    assert.equal(filed.statusCode, 201, filed.body)
    const absence = filed.json()
    assert.equal(absence.status, 'pending')
    assert.equal(absence.approver, '市长')
    assert.deepEqual(absence.acts, ['withdraw'])
    assert.equal(absence.history[0].action, 'request')
    assert.equal(absence.history[0].personName, '其木格')
    assert.ok(absence.history[0].citations.length > 0)

    // Another deputy does not see it; the 秘书长 (the 办公厅 keeps it) sees it but may not approve.
    const executive = await as('el-executiveDeputy')
    assert.equal((await executive.post(`/api/absences/${absence.id}/approve`, {})).statusCode, 404)
    const secretary = await as('el-officeDirector')
    const wrong = await secretary.post(`/api/absences/${absence.id}/approve`, {})
    assert.equal(wrong.statusCode, 422, wrong.body)
    assert.equal(wrong.json().error.code, 'NOT_ABSENCE_APPROVER')
    assert.ok(wrong.json().error.citations.length > 0)

    const head = await as('el-principal')
    const toDecide = await head.get('/api/absences?scope=toDecide')
    assert.equal(toDecide.statusCode, 200, toDecide.body)
    assert.ok(
      toDecide.json().items.some((item: { id: string }) => item.id === absence.id),
      toDecide.body,
    )
    // The 市长's workbench shows it, due by the day of departure.
    const work = await head.get('/api/workbench')
    assert.equal(work.statusCode, 200, work.body)
    const decide = work
      .json()
      .items.find((item: { target: { id: string } }) => item.target.id === absence.id)
    assert.equal(decide?.kind, 'decideAbsence', work.body)
    assert.equal(decide.section, 'absences')
    assert.equal(decide.dueDate, '2026-03-04')
    assert.ok((await head.get('/api/workbench/counts')).json().absences >= 1)
    const others = await deputy.get('/api/absences?scope=toDecide')
    assert.equal(others.json().items.length, 0, others.body)
    const approved = await head.post(`/api/absences/${absence.id}/approve`, { opinion: '同意' })
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().status, 'approved')
    assert.equal(approved.json().history.at(-1).personName, '巴特尔')
    assert.equal(approved.json().history.at(-1).opinion, '同意')
    const again = await head.post(`/api/absences/${absence.id}/approve`, {})
    assert.equal(again.statusCode, 403, again.body)

    // The office keeps the overview; past the last day without 销假 the line is overdue.
    server.clock = new Date('2026-03-09T01:00:00Z')
    const office = await as('el-officeDirector')
    const overview = await office.get('/api/absences?scope=office')
    assert.equal(overview.statusCode, 200, overview.body)
    const line = overview.json().items.find((item: { id: string }) => item.id === absence.id)
    assert.equal(line.returnOverdue, true)

    const deputyAgain = await as('el-deputy-2')
    // The traveller's workbench asks for the 销假.
    const owed = (await deputyAgain.get('/api/workbench'))
      .json()
      .items.find((item: { target: { id: string } }) => item.target.id === absence.id)
    assert.equal(owed?.kind, 'reportReturn')
    assert.equal(owed.overdue, true)
    assert.equal((await deputyAgain.get('/api/absences?scope=office')).statusCode, 403)
    const noReport = await deputyAgain.post(`/api/absences/${absence.id}/return`, {
      returnedOn: '2026-03-06',
    })
    assert.equal(noReport.statusCode, 422, noReport.body)
    assert.equal(noReport.json().error.code, 'REPORT_REQUIRED')
    const tooLate = await deputyAgain.post(`/api/absences/${absence.id}/return`, {
      returnedOn: '2026-03-10',
      report: '会议情况已报告',
    })
    assert.equal(tooLate.statusCode, 422, tooLate.body)
    const closed = await deputyAgain.post(`/api/absences/${absence.id}/return`, {
      returnedOn: '2026-03-06',
      report: '已参加会议，有关情况已向市长报告',
    })
    assert.equal(closed.statusCode, 200, closed.body)
    assert.equal(closed.json().status, 'returned')
    assert.equal(closed.json().returnOverdue, false)
    assert.deepEqual(closed.json().acts, [])
    const view = await office.get(`/api/absences/${absence.id}`)
    assert.equal(view.statusCode, 200, view.body)
    assert.deepEqual(
      view.json().history.map((entry: { action: string }) => entry.action),
      ['request', 'approve', 'return'],
    )
  })

  it('a department head asks the 分管市长 up to 15 days and the 市长 from 16', async () => {
    server.clock = MONDAY
    const finance = await as('el-departmentHead-finance')
    const ask = async (to: string) => {
      const preview = await finance.post('/api/absences/preview', {
        postId: await post('市财政局局长'),
        category: 'vacation',
        from: '2026-04-01',
        to,
      })
      assert.equal(preview.statusCode, 200, preview.body)
      return preview.json().approvers.map((a: { title: string }) => a.title)
    }
    assert.deepEqual(await ask('2026-04-15'), ['常务副市长'])
    assert.deepEqual(await ask('2026-04-16'), ['市长'])
  })

  it('refuses filing for a post one does not hold, and the approver refuses with a reason', async () => {
    server.clock = MONDAY
    const finance = await as('el-departmentHead-finance')
    const notMine = await finance.post(
      '/api/absences',
      await trip('市教育局局长', '2026-05-04', '2026-05-05'),
    )
    assert.equal(notMine.statusCode, 403, notMine.body)
    const filed = await finance.post(
      '/api/absences',
      await trip('市财政局局长', '2026-05-04', '2026-05-05'),
    )
    assert.equal(filed.statusCode, 201, filed.body)
    const deputy = await as('el-executiveDeputy')
    const noReason = await deputy.post(`/api/absences/${filed.json().id}/refuse`, { reason: ' ' })
    assert.equal(noReason.statusCode, 400, noReason.body)
    const refused = await deputy.post(`/api/absences/${filed.json().id}/refuse`, {
      reason: '预算编制期间不宜外出',
    })
    assert.equal(refused.statusCode, 200, refused.body)
    assert.equal(refused.json().status, 'refused')
    const withdraw = await finance.post(`/api/absences/${filed.json().id}/withdraw`, {})
    assert.equal(withdraw.statusCode, 403, withdraw.body)
    // Another 局长 cannot see it.
    const education = await as('el-departmentHead-education')
    assert.equal((await education.get(`/api/absences/${filed.json().id}`)).statusCode, 404)
  })

  it('while the 市长 is away the acting deputy approves, and the history says so with 八', async () => {
    server.clock = MONDAY
    const head = await as('el-principal')
    const own = await head.post('/api/absences', await trip('市长', '2026-03-16', '2026-03-18'))
    assert.equal(own.statusCode, 201, own.body)
    assert.equal(own.json().status, 'filed')
    const deputy = await as('el-deputy-4')
    const asked = await deputy.post(
      '/api/absences',
      await trip('副市长（城建、街道）', '2026-03-17', '2026-03-17'),
    )
    assert.equal(asked.statusCode, 201, asked.body)
    assert.equal(asked.json().approver, '市长')

    server.clock = new Date('2026-03-16T01:00:00Z')
    const executive = await as('el-executiveDeputy')
    const headPost = await post('市长')
    const acting = executive.me.posts.find((p: { postId: string }) => p.postId === headPost)
    assert.ok(
      acting,
      `the executive deputy acts for the 市长: ${JSON.stringify(executive.me.posts)}`,
    )
    const switched = await executive.put('/api/session/post', { postId: headPost })
    assert.equal(switched.statusCode, 200, switched.body)
    const toDecide = await executive.get('/api/absences?scope=toDecide')
    assert.ok(
      toDecide.json().items.some((item: { id: string }) => item.id === asked.json().id),
      toDecide.body,
    )
    const approved = await executive.post(`/api/absences/${asked.json().id}/approve`, {})
    assert.equal(approved.statusCode, 200, approved.body)
    const entry = approved.json().history.at(-1)
    assert.equal(entry.personName, '王海峰')
    assert.match(entry.actingNote ?? '', /代行市长职责 — 八/, approved.body)
    assert.ok(
      entry.citations.some((c: { article: string }) => c.article === '八'),
      approved.body,
    )
    // The 市长's own filing names who acts meanwhile, over its days, with the article.
    const filed = await (await as('el-principal')).get(`/api/absences/${own.json().id}`)
    assert.equal(filed.statusCode, 200, filed.body)
    const lines = filed.json().acting as {
      from: string
      to: string
      actingPostTitle: string
      actingHolders: string[]
      note: string
      citations: { article: string }[]
    }[]
    assert.deepEqual(
      lines.map((line) => [line.from, line.to, line.actingPostTitle, line.actingHolders]),
      [['2026-03-16', '2026-03-18', '常务副市长', ['王海峰']]],
      filed.body,
    )
    assert.match(lines[0]?.note ?? '', /代行市长职责 — 八/)
    assert.ok(
      lines[0]?.citations.some((c) => c.article === '八'),
      filed.body,
    )
  })
})
