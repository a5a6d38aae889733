import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// 托克逊 六十四: 人员任免 and 事关全局的重要部署或重大事项 are signed by the 县长; a 下行文
// crossing portfolios otherwise goes to the executive deputy. The drafter says which it is.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'toksun' })
const as = (username: string) => signInAs(server.app, username)
const cites = (citations: { article: string }[], article: string) =>
  citations.some((citation) => citation.article === article)

async function draft(extra: Record<string, unknown>) {
  const housing = await as('tks-departmentHead-housing')
  return housing.post('/api/documents/outgoing', {
    prefix: '托政发',
    kind: '通知',
    title: '关于调整县城乡建设工作领导小组成员的通知',
    body: '各乡镇人民政府，县直各部门：现将有关事项通知如下。',
    direction: 'downward',
    mainRecipients: ['各乡镇人民政府', '县直各部门'],
    secrecy: '公开',
    countersignDepartmentIds: [await departmentIdOf(server.handle.db, '县教育局')],
    ...extra,
  })
}

describe('sign-off facts the drafter states (托克逊 六十四)', () => {
  it('a crossing 下行文 with no such fact goes to the executive deputy', async () => {
    const drafted = await draft({})
    assert.equal(drafted.statusCode, 201, drafted.body)
    assert.deepEqual(drafted.json().document.plan.signer, ['executiveDeputy'])
    assert.deepEqual(drafted.json().document.plan.facts, { important: false, subjects: [] })
  })

  it('a 人员任免 notice is signed by the 县长, whatever the 会签 cross', async () => {
    const drafted = await draft({ subjects: ['personnelAppointment'] })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { plan } = drafted.json().document
    assert.deepEqual(plan.signer, ['principal'])
    assert.deepEqual(plan.facts, { important: false, subjects: ['personnelAppointment'] })
    assert.ok(cites(drafted.json().citations, '六十四'))
    assert.ok(
      drafted.json().document.plan.summary.includes('县长'),
      drafted.json().document.plan.summary,
    )
  })

  it('an important, county-wide document is signed by the 县长', async () => {
    const drafted = await draft({ important: true })
    assert.equal(drafted.statusCode, 201, drafted.body)
    assert.deepEqual(drafted.json().document.plan.signer, ['principal'])
    assert.equal(drafted.json().document.plan.facts.important, true)
  })

  it('refuses a subject the rules do not know, by name', async () => {
    const drafted = await draft({ subjects: ['budget'] })
    assert.equal(drafted.statusCode, 400, drafted.body)
  })
})

// 二连浩特 五十一: 各部门报送的公文原则上10个工作日内办结. The incoming flow asks for the period of
// the event every rulebook names documentReceived, so this county's period applies too.
const erlianhaote = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })

describe('the incoming period asked by event, not by one county’s code (二连浩特 五十一)', () => {
  it('a department’s 请示 registered on Monday 2 March is due ten working days later', async () => {
    const finance = await signInAs(erlianhaote.app, 'el-departmentHead-finance')
    const submitted = await finance.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于申请口岸基础设施维修资金的请示',
      body: '市人民政府：为保障口岸通关，申请维修资金。妥否，请批示。',
      secrecy: '内部',
      mainRecipients: ['市人民政府'],
      signatories: ['吴振宇'],
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const desk = await signInAs(erlianhaote.app, 'el-secretariat')
    const registered = await desk.post(
      `/api/documents/${submitted.json().document.id}/register`,
      {},
    )
    assert.equal(registered.statusCode, 200, registered.body)
    assert.equal(registered.json().document.dueDate, '2026-03-16')
  })
})
