import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// The ways out of a 钟山区 document's flow, and who holds it at each turn: 撤回 before the next
// step acts, 退回修改 at 核稿 and on a 会签 disagreement (the chain restarting), 作废 by the
// office (never once numbered), and 改派 of a task whose post nobody holds.
const MONDAY = new Date('2026-03-02T01:00:00Z')

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)
const departmentId = (name: string) => departmentIdOf(server.handle.db, name)

interface Holding {
  taskId: string
  kind: string
  postTitle: string | null
  unitName: string | null
  holders: string[]
  vacant: boolean
  reassignable: boolean
  since: string
  dueDate: string | null
  workingDaysLeft: number | null
}

type Session = Awaited<ReturnType<typeof as>>

async function draft(countersign: string[] = []) {
  const bureau = await as('zs-departmentHead-9')
  const drafted = await bureau.post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title: '关于做好春季森林防火工作的通知',
    body: '各乡（镇、街道）、区直各部门：……',
    mainRecipients: ['各乡（镇、街道）'],
    secrecy: '公开',
    countersignDepartmentIds: await Promise.all(countersign.map(departmentId)),
  })
  assert.equal(drafted.statusCode, 201, drafted.body)
  return { bureau, id: drafted.json().document.id as string }
}

const holdersOf = async (session: Session, id: string): Promise<Holding[]> =>
  (await session.get(`/api/documents/${id}`)).json().holders

const review = async (username: string, id: string) => {
  const reviewed = await (
    await as(username)
  ).post(`/api/documents/${id}/review`, {
    opinion: '同意',
  })
  assert.equal(reviewed.statusCode, 200, `${username}: ${reviewed.body}`)
  return reviewed
}

describe('who holds a document, and the ways out of its flow', () => {
  it('shows who holds each open task: post, person, since when, time limit', async () => {
    server.clock = MONDAY
    const { bureau, id } = await draft(['区教育局'])
    const holders = await holdersOf(bureau, id)
    const reviewing = holders.find((h) => h.kind === 'review')
    assert.equal(reviewing?.postTitle, '区财政局局长')
    assert.deepEqual(reviewing?.holders, ['吴静'])
    assert.equal(reviewing?.since, MONDAY.toISOString())
    assert.equal(reviewing?.vacant, false)
    // A 会签 waits on the unit, shown with its head; its reply period is a working-day limit.
    const countersign = holders.find((h) => h.kind === 'countersign')
    assert.equal(countersign?.unitName, '区教育局')
    assert.deepEqual(countersign?.holders, ['郑涛'])
    assert.equal(countersign?.dueDate, '2026-03-05')
    assert.equal(countersign?.workingDaysLeft, 3)
    // The register shows the same on its line, from one read of the page's tasks.
    const register = await (
      await as('zs-secretariat')
    ).get('/api/documents/register?direction=outgoing')
    assert.equal(register.statusCode, 200, register.body)
    const line = register.json().rows.find((row: { id: string }) => row.id === id)
    assert.deepEqual(
      line.holders.map((h: Holding) => [h.kind, h.unitName, h.postTitle, h.holders]).sort(),
      holders.map((h) => [h.kind, h.unitName, h.postTitle, h.holders]).sort(),
    )
    // A unit's 会签 waits on the unit, not on one post: it is never reassigned.
    const unitTask = await (
      await as('zs-officeDirector')
    ).post(`/api/documents/${id}/reassign`, {
      taskId: holders.find((h) => h.kind === 'countersign')?.taskId,
      postId: await postIdOf(server.handle.db, '副区长（教育）'),
      reason: '改派',
    })
    assert.equal(unitTask.json().error.code, 'UNIT_TASK', unitTask.body)
    // The next holder after the first 核稿 is the office director.
    await review('zs-departmentHead-9', id)
    const next = await holdersOf(bureau, id)
    assert.deepEqual(
      next.filter((h) => h.kind === 'review').map((h) => [h.postTitle, h.holders]),
      [['区人民政府办公室主任', ['杨帆']]],
    )
  })

  it('撤回: the drafter withdraws before the next step acts, and resubmits; not after', async () => {
    server.clock = MONDAY
    const { bureau, id } = await draft(['区教育局'])
    assert.equal((await bureau.get(`/api/documents/${id}`)).json().may.withdraw, true)
    // Another post may not withdraw the drafter's document.
    const other = await (await as('zs-officeDirector')).post(`/api/documents/${id}/withdraw`)
    assert.equal(other.statusCode, 403)
    assert.equal(other.json().error.code, 'NOT_THE_DRAFTER')

    const withdrawn = await bureau.post(`/api/documents/${id}/withdraw`, { reason: '数据需更新' })
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    assert.equal(withdrawn.json().document.state, 'withdrawn')
    assert.equal(withdrawn.json().events.at(-1).action, 'withdraw')
    assert.equal(withdrawn.json().events.at(-1).opinion, '数据需更新')
    // The review and the 会签 closed; the draft waits with its drafter.
    assert.deepEqual(
      withdrawn.json().holders.map((h: Holding) => [h.kind, h.postTitle]),
      [['redraft', '区财政局局长']],
    )
    assert.equal(withdrawn.json().may.resubmit, true)
    const education = await as('zs-departmentHead-10')
    const late = await education.post(`/api/documents/${id}/countersign`, { agree: true })
    assert.equal(late.statusCode, 403)

    const resubmitted = await bureau.post(`/api/documents/${id}/resubmit`, {})
    assert.equal(resubmitted.statusCode, 200, resubmitted.body)
    assert.equal(resubmitted.json().document.state, 'reviewing')
    assert.deepEqual(
      resubmitted
        .json()
        .holders.map((h: Holding) => h.kind)
        .sort(),
      ['countersign', 'review'],
    )

    // The education bureau countersigns: the next step has acted, withdrawal is refused.
    assert.equal(
      (await education.post(`/api/documents/${id}/countersign`, { agree: true })).statusCode,
      200,
    )
    const refused = await bureau.post(`/api/documents/${id}/withdraw`)
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'NEXT_STEP_ACTED')
    assert.match(refused.json().error.message, /郑涛.*不能再撤回/)
    assert.equal((await bureau.get(`/api/documents/${id}`)).json().may.withdraw, false)
  })

  it('撤回 of an incoming document until the office signs for it', async () => {
    server.clock = MONDAY
    const township = await as('zs-townshipHead')
    const submit = () =>
      township.post('/api/documents/incoming', {
        kind: '请示',
        title: '关于申请防汛物资的请示',
        body: '区人民政府：……',
        secrecy: '公开',
        mainRecipients: ['区人民政府'],
        signatories: ['孙丽'],
      })
    const first = (await submit()).json().document.id
    const withdrawn = await township.post(`/api/documents/${first}/withdraw`)
    assert.equal(withdrawn.json().document.state, 'withdrawn', withdrawn.body)
    assert.deepEqual(withdrawn.json().holders, [])

    const second = (await submit()).json().document.id
    const desk = await as('zs-secretariat')
    assert.equal((await desk.post(`/api/documents/${second}/register`)).statusCode, 200)
    const refused = await township.post(`/api/documents/${second}/withdraw`)
    assert.equal(refused.json().error.code, 'NEXT_STEP_ACTED', refused.body)
  })

  it('退回修改 at 核稿: the opinion reaches the drafter, who revises and resubmits from the start', async () => {
    server.clock = MONDAY
    const { bureau, id } = await draft()
    await review('zs-departmentHead-9', id)
    const director = await as('zs-officeDirector')
    assert.equal((await director.get(`/api/documents/${id}`)).json().may.returnForRevision, true)
    const empty = await director.post(`/api/documents/${id}/return-for-revision`, { opinion: ' ' })
    assert.equal(empty.json().error.code, 'OPINION_EMPTY')
    // A post whose 核稿 is not due may not return it.
    const notMine = await (
      await as('zs-executiveDeputy')
    ).post(`/api/documents/${id}/return-for-revision`, { opinion: '改' })
    assert.equal(notMine.statusCode, 403)
    assert.equal(notMine.json().error.code, 'NOT_YOUR_STEP')

    const returned = await director.post(`/api/documents/${id}/return-for-revision`, {
      opinion: '第二段表述不准确，请修改',
    })
    assert.equal(returned.statusCode, 200, returned.body)
    assert.equal(returned.json().document.state, 'returnedForRevision')
    // The drafter sees the opinion, under the sign-off article (第三十二条 分级审核).
    const seen = (await bureau.get(`/api/documents/${id}`)).json()
    const event = seen.events.at(-1)
    assert.equal(event.action, 'returnForRevision')
    assert.equal(event.opinion, '第二段表述不准确，请修改')
    assert.ok(
      seen.citations.some(
        (c: { ruleId: string; article: string }) =>
          event.ruleIds.includes(c.ruleId) && c.article === '第三十二条',
      ),
    )
    assert.deepEqual(
      seen.holders.map((h: Holding) => [h.kind, h.holders]),
      [['redraft', ['吴静']]],
    )
    // Reviewing a returned draft is refused; the drafter revises and resubmits.
    const stale = await director.post(`/api/documents/${id}/review`, { opinion: '同意' })
    assert.equal(stale.statusCode, 403)
    const revised = await bureau.post(`/api/documents/${id}/body`, { body: '修改后的正文' })
    assert.equal(revised.statusCode, 200, revised.body)
    const resubmitted = await bureau.post(`/api/documents/${id}/resubmit`, { note: '已按意见修改' })
    assert.equal(resubmitted.statusCode, 200, resubmitted.body)
    // The chain restarts at its first step: the drafting bureau's head.
    assert.equal(resubmitted.json().document.plan.step, 0)
    assert.deepEqual(
      resubmitted.json().holders.map((h: Holding) => [h.kind, h.postTitle]),
      [['review', '区财政局局长']],
    )
  })

  it('a 会签 disagreement returns the draft with its reasons; the unit is asked again', async () => {
    server.clock = MONDAY
    const { bureau, id } = await draft(['区教育局'])
    const education = await as('zs-departmentHead-10')
    const bare = await education.post(`/api/documents/${id}/countersign`, { agree: false })
    assert.equal(bare.json().error.code, 'REASONS_REQUIRED')
    const disagreed = await education.post(`/api/documents/${id}/countersign`, {
      agree: false,
      opinion: '涉及学校的经费来源不明确',
    })
    assert.equal(disagreed.statusCode, 200, disagreed.body)
    assert.equal(disagreed.json().document.state, 'returnedForRevision')
    const event = disagreed.json().events.at(-1)
    assert.equal(event.action, 'countersignDisagree')
    assert.equal(event.opinion, '涉及学校的经费来源不明确')
    // 第二十九条: disagreements are consulted, set out and countersigned before going up.
    assert.ok(event.ruleIds.includes('zhongshan.countersign.disagreement'))
    // Nobody reviews a draft that went back.
    assert.deepEqual(
      disagreed.json().holders.map((h: Holding) => h.kind),
      ['redraft'],
    )
    const resubmitted = await bureau.post(`/api/documents/${id}/resubmit`)
    const again = resubmitted.json().holders.find((h: Holding) => h.kind === 'countersign')
    assert.equal(again?.unitName, '区教育局', resubmitted.body)
  })

  it('作废 by the office with a reason; never a numbered document, nor by another post', async () => {
    server.clock = MONDAY
    const { bureau, id } = await draft()
    const byBureau = await bureau.post(`/api/documents/${id}/void`, { reason: '不再发文' })
    assert.equal(byBureau.json().error.code, 'NOT_RESPONSIBLE', byBureau.body)
    assert.ok(
      byBureau.json().error.citations.some((c: { article: string }) => c.article === '第五条'),
    )
    const desk = await as('zs-secretariat')
    const noReason = await desk.post(`/api/documents/${id}/void`, { reason: '' })
    assert.equal(noReason.json().error.code, 'REASON_REQUIRED')
    assert.equal((await desk.get(`/api/documents/${id}`)).json().may.void, true)
    const voided = await desk.post(`/api/documents/${id}/void`, { reason: '与已发文件重复' })
    assert.equal(voided.statusCode, 200, voided.body)
    assert.equal(voided.json().document.state, 'voided')
    assert.deepEqual(voided.json().holders, [])
    assert.equal(voided.json().events.at(-1).opinion, '与已发文件重复')
    const twice = await desk.post(`/api/documents/${id}/void`, { reason: '再次' })
    assert.equal(twice.json().error.code, 'WRONG_STATE')

    // Signed and numbered: the number is taken and stays in the register.
    const numbered = await draft()
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
      await review(username, numbered.id)
    const signed = await (await as('zs-principal')).post(`/api/documents/${numbered.id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    const number = await desk.post(`/api/documents/${numbered.id}/number`)
    const documentNumber = number.json().document.documentNumber
    assert.ok(documentNumber, number.body)
    const refused = await desk.post(`/api/documents/${numbered.id}/void`, { reason: '作废' })
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'DOCUMENT_NUMBERED')
    assert.ok(refused.json().error.message.includes(documentNumber))
    const kept = (await desk.get(`/api/documents/${numbered.id}`)).json()
    assert.equal(kept.document.documentNumber, documentNumber)
    assert.equal(kept.may.void, false)
  })

  it('改派: the office director gives a vacant post’s 核稿 to a held post, with the reason', async () => {
    server.clock = MONDAY
    const { id } = await draft()
    await review('zs-departmentHead-9', id)
    await review('zs-officeDirector', id)
    const director = await as('zs-officeDirector')
    const step = (await holdersOf(director, id)).find((h) => h.kind === 'review')
    assert.equal(step?.postTitle, '常务副区长')
    const target = await postIdOf(server.handle.db, '副区长（教育）')
    const reassign = (session: Session, reason = '常务副区长空缺，由教育副区长审核') =>
      session.post(`/api/documents/${id}/reassign`, {
        taskId: step?.taskId,
        postId: target,
        reason,
      })
    // Held today: nothing to reassign.
    const held = await reassign(director)
    assert.equal(held.statusCode, 403)
    assert.equal(held.json().error.code, 'POST_HELD')
    assert.match(held.json().error.message, /李红梅/)

    // The executive deputy leaves office; nobody acts for the post.
    const executive = await postIdOf(server.handle.db, '常务副区长')
    await server.handle.db
      .updateTable('post_holdings')
      .set({ to_date: '2026-03-01' })
      .where('post_id', '=', executive)
      .execute()
    try {
      const view = (await director.get(`/api/documents/${id}`)).json()
      const vacant = view.holders.find((h: Holding) => h.kind === 'review')
      assert.equal(vacant.vacant, true)
      assert.deepEqual(vacant.holders, [])
      assert.equal(vacant.reassignable, true)
      assert.equal(view.may.reassign, true)
      // Only the office director reassigns (条例第五条).
      const byDesk = await reassign(await as('zs-secretariat'))
      assert.equal(byDesk.json().error.code, 'NOT_RESPONSIBLE', byDesk.body)
      assert.equal((await reassign(director, ' ')).json().error.code, 'REASON_REQUIRED')

      const moved = await reassign(director)
      assert.equal(moved.statusCode, 200, moved.body)
      const event = moved.json().events.at(-1)
      assert.equal(event.action, 'reassign')
      assert.equal(event.details.to, '副区长（教育）')
      assert.ok(event.ruleIds.includes('national.documents.vacant-task-reassignment'))
      assert.deepEqual(
        moved.json().holders.map((h: Holding) => [h.postTitle, h.holders, h.vacant]),
        [['副区长（教育）', ['张志强'], false]],
      )
      const reviewed = await review('zs-deputy-2', id)
      assert.equal(reviewed.json().document.state, 'awaitingSignature')
    } finally {
      await server.handle.db
        .updateTable('post_holdings')
        .set({ to_date: null })
        .where('post_id', '=', executive)
        .execute()
    }
  })

  it('audits every exit, each in the audit trail beside its flow event', async () => {
    const rows = await server.handle.db
      .selectFrom('audit_records')
      .select(['action', 'rule_ids'])
      .where('action', 'in', [
        'document.withdraw',
        'document.returnForRevision',
        'document.countersignDisagree',
        'document.resubmit',
        'document.void',
        'document.reassign',
      ])
      .execute()
    const actions = new Set(rows.map((row) => row.action))
    assert.deepEqual([...actions].sort(), [
      'document.countersignDisagree',
      'document.reassign',
      'document.resubmit',
      'document.returnForRevision',
      'document.void',
      'document.withdraw',
    ])
    // 作废 and 改派 carry the article they rest on (条例第五条).
    for (const action of ['document.void', 'document.reassign'])
      assert.ok(
        rows.some((row) => row.action === action && row.rule_ids.length > 0),
        action,
      )
  })
})
