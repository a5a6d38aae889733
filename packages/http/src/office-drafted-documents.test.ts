import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { postIdOf } from './test-support/post-id-of.ts'

// 钟山 第三十二条 for a 钟府发 drafted by the 区人民政府办公室 itself: the office has no 分管副区长,
// so the deputy overseeing the 会签 unit reviews; the office director, who is both the drafting
// unit's 主要负责人 and the 办公室主任, reviews once; the 区长 signs; the desk numbers and issues.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)

const draft = (extra: object) => ({
  prefix: '钟府发',
  kind: '通知',
  title: '关于做好2026年春季学期校园安全工作的通知',
  body: '各乡（镇、街道）、区直各部门：现就做好校园安全工作通知如下。',
  direction: 'downward',
  mainRecipients: ['各乡（镇、街道）', '区直各部门'],
  secrecy: '公开',
  ...extra,
})

describe('a 钟府发 drafted by the 区人民政府办公室 (no dead end at 分管副区长)', () => {
  it('goes through the 会签 unit’s deputy, asks the office director once, and is signed and issued', async () => {
    const education = await departmentIdOf(server.handle.db, '区教育局')
    const office = await as('zs-officeDirector')
    const drafted = await office.post(
      '/api/documents/outgoing',
      draft({ countersignDepartmentIds: [education] }),
    )
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { document } = drafted.json()
    const id = document.id
    const [director, educationDeputy, principal] = await Promise.all(
      ['区人民政府办公室主任', '副区长（教育）', '区长'].map((t) => postIdOf(server.handle.db, t)),
    )
    // One review stands for both roles the office director holds; the deputy is the 会签 unit's.
    assert.deepEqual(
      document.plan.steps.map((step: { roles: string[]; postIds: string[] }) => step),
      [
        {
          roles: ['involvedDepartmentHead', 'officeDirector'],
          label: '涉及部门（相关部门）主要负责人、区人民政府办公室主任',
          postIds: [director],
        },
        { roles: ['portfolioDeputy'], label: '分管副区长', postIds: [educationDeputy] },
      ],
    )
    assert.deepEqual(document.plan.signing.postIds, [principal])
    assert.match(document.plan.summary, /会签单位的分管领导（副区长（教育））/)
    assert.match(document.plan.summary, /一人兼2个环节/)
    const reviewTasks = drafted
      .json()
      .tasks.filter((task: { kind: string; closedAt: string | null }) => task.kind === 'review')
    assert.deepEqual(
      reviewTasks.map((task: { assigneePostId: string }) => task.assigneePostId),
      [director],
    )

    const bureau = await as('zs-departmentHead-10')
    assert.equal(
      (await bureau.post(`/api/documents/${id}/countersign`, { agree: true })).statusCode,
      200,
    )
    const first = await office.post(`/api/documents/${id}/review`, { opinion: '同意' })
    assert.equal(first.json().document.state, 'reviewing', first.body)
    // Asked once: the director's second review is not his step.
    const again = await office.post(`/api/documents/${id}/review`, { opinion: '再审' })
    assert.equal(again.statusCode, 403, again.body)
    assert.equal(again.json().error.code, 'NOT_YOUR_STEP')

    const deputy = await as('zs-deputy-2')
    const second = await deputy.post(`/api/documents/${id}/review`, { opinion: '同意' })
    assert.equal(second.json().document.state, 'awaitingSignature', second.body)

    const signed = await (await as('zs-principal')).post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    assert.equal(signed.json().document.state, 'signed')

    const desk = await as('zs-secretariat')
    const numbered = await desk.post(`/api/documents/${id}/number`)
    assert.equal(numbered.json().document.documentNumber, '钟府发〔2026〕1号', numbered.body)
    const issued = await desk.post(`/api/documents/${id}/issue`, { disclosure: 'active' })
    assert.equal(issued.json().document.state, 'issued', issued.body)
  })

  it('without a 会签 unit, the office names the 分管副区长, or drafting is refused naming the post and article', async () => {
    const office = await as('zs-officeDirector')
    const refused = await office.post('/api/documents/outgoing', draft({}))
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal(refused.json().error.code, 'STEP_UNRESOLVED')
    assert.match(refused.json().error.message, /按第三十二条，须由分管副区长审核/)
    assert.match(refused.json().error.message, /区人民政府办公室没有分管领导/)
    assert.ok(
      refused.json().error.citations.some((c: { article: string }) => c.article === '第三十二条'),
    )
    const named = await office.post(
      '/api/documents/outgoing',
      draft({ portfolioDeputyPostId: await postIdOf(server.handle.db, '副区长（法治）') }),
    )
    assert.equal(named.statusCode, 201, named.body)
    assert.match(named.json().document.plan.summary, /分管副职为拟稿时指定的副区长（法治）/)
    // A bureau with its own 分管副区长 cannot name another.
    const bureau = await as('zs-departmentHead-10')
    const fixed = await bureau.post(
      '/api/documents/outgoing',
      draft({ portfolioDeputyPostId: await postIdOf(server.handle.db, '副区长（法治）') }),
    )
    assert.equal(fixed.statusCode, 422, fixed.body)
    assert.equal(fixed.json().error.code, 'PORTFOLIO_DEPUTY_FIXED')
  })

  it('refuses up front a 会签 nobody can answer and a chain a leader cannot start', async () => {
    // 区发展和改革局 has no post anyone holds: its 会签 would wait forever.
    const planning = await departmentIdOf(server.handle.db, '区发展和改革局')
    const bureau = await as('zs-departmentHead-10')
    const unanswerable = await bureau.post(
      '/api/documents/outgoing',
      draft({ countersignDepartmentIds: [planning] }),
    )
    assert.equal(unanswerable.statusCode, 422, unanswerable.body)
    assert.equal(unanswerable.json().error.code, 'STEP_UNRESOLVED')
    assert.match(unanswerable.json().error.message, /区发展和改革局没有在岗人员/)
    assert.match(unanswerable.json().error.message, /第二十九条/)
    // A deputy is no 涉及部门: 第三十二条's chain starts with its 主要负责人.
    const leader = await (await as('zs-deputy-2')).post('/api/documents/outgoing', draft({}))
    assert.equal(leader.statusCode, 422, leader.body)
    assert.match(leader.json().error.message, /须由涉及部门（相关部门）主要负责人审核/)
    assert.match(leader.json().error.message, /副区长（教育）不属于任何单位/)
  })
})
