import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createRulesPort } from '@zhengling/http'
import { loadLibrary } from '@zhengling/rulebooks'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { apiAs } from './support/api-as.ts'
import { storySignIn } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import {
  agendaRow,
  documentState,
  participantRow,
  pick,
  recordAgendaStep,
  refusal,
  region,
  submitAgendaItem,
  confirmAct,
} from './support/ui.ts'

// 木里县's standing meeting in Debian's Chromium, the story of packages/http/src/muli-meetings.test.ts
// through the pages (第十五条, 第十七条至第二十条, 第八十一条). 县教育局 puts the first item forward
// and names 县财政局 as concerned, so the
// finance bureau attends and ticks 重大决策事项 on its heating project: held back for its legality
// review (第二十条). The deputies overseeing each unit propose the items, the office reviews the
// materials, 法制办 reviews the project's legality, and the head's approval admits the agenda. A
// deputy asks leave naming a substitute; the head grants it. On 12 March the office opens the
// meeting and records decisions: their tasks are due a month on (第八十一条), and a later date is
// refused. The minutes are due in 5 working days (第十八条); the rule names no signer, so the
// presider (县长) signs, and the office issues them before the date. 县住建局 reports progress on
// its task and finishes it; 县财政局's goes overdue, and 目督办 names it in a circular.
const MEETING = '县政府2026年第3次常务会议'
const MINUTES = `${MEETING}纪要`
const SOURCE = '《木里藏族自治县人民政府工作规则》'
const SCHOOLS = '关于乔瓦镇中心校扩建的议题'
const HEATING = '关于县城集中供热项目的议题'
const HOUSING = '关于县城老旧小区改造的议题'
const HEATING_TASK = '启动集中供热项目前期工作'
const HOUSING_TASK = '编制老旧小区改造实施方案'
const MONDAY = new Date('2026-03-02T01:00:00Z')
const MEETING_DAY = new Date('2026-03-12T00:30:00Z') // 08:30 in 木里 (Beijing time)

const rules = createRulesPort(loadLibrary())
/** What the 木里 rulebook answers, so the test checks the pages against the rule, not a copy of it. */
function ruled<T>(decision: string, input: Record<string, unknown>): T {
  const answer = rules.decide('muli', decision, input)
  assert.ok(answer.ok, JSON.stringify(answer))
  return answer.result.outcome as T
}
const QUORUM = ruled<{ minimum: number }>('meeting-quorum', {
  meeting: 'standing',
  members: 6,
  present: 4,
}).minimum
// 第十八条: 5 working days for the minutes; 第八十一条: a month for the meeting's decisions.
const MINUTES_DUE = ruled<{ due: string }>('minutes-due', {
  meeting: 'standing',
  meetingDate: '2026-03-12',
}).due
const TASKS_DUE = ruled<{ due: string }>('supervision-due', {
  source: 'meetingDecision',
  assignedOn: '2026-03-12',
}).due
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T01:00:00Z`) + days * 86_400_000)

// The server's clock, and the browser's: the pages read the browser's clock for the calendar's
// month and the earliest 办理时限 on offer, so each context is set to the story's day. Sessions
// idle out when the clock moves, so every step signs in afresh after it does.
let clock = MONDAY
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let meetingId = ''
let minutesId = ''
const tasks: Record<string, string> = {}

before(async () => {
  server = await startDemoServer({ now: () => clock })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

const signIn = storySignIn({ browser: () => browser, url: () => server.url, clock: () => clock })

async function openMeeting(username: string): Promise<Page> {
  const page = await signIn(username, `/meetings/${meetingId}`)
  await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
  return page
}

async function openItem(username: string, title: string): Promise<Page> {
  const page = await signIn(username, `/supervision/${tasks[title]}`)
  await page.getByRole('heading', { name: title, exact: true }).waitFor()
  return page
}

async function openMinutes(username: string): Promise<Page> {
  const page = await signIn(username, `/documents/${minutesId}`)
  await page.getByRole('heading', { name: MINUTES }).waitFor()
  return page
}

/** 审定议题: the head chooses the items (none is admitted before his approval) and approves. */
async function approveAll(head: Page): Promise<void> {
  const approve = head.locator('form#approve-agenda')
  await pick(head, approve.getByLabel('列入议程的议题'), [SCHOOLS, HEATING, HOUSING])
  await approve.getByRole('button', { name: '审定' }).click()
}

describe('a standing meeting of 木里县, from agenda to circular', () => {
  it('the office schedules the standing meeting', async () => {
    const page = await signIn('ml-secretariat')
    await page.getByRole('menu', { name: '主导航' }).locator('a[href="/meetings"]').click()
    await region(page, '会议日历').getByRole('heading', { name: '2026年3月' }).waitFor()
    await page.getByRole('button', { name: '安排会议' }).click()
    const dialog = page.getByRole('dialog', { name: '安排会议' })
    await pick(page, dialog.getByLabel('会议种类'), ['县政府常务会议'])
    await dialog.getByText('会议频次：原则上每月召开1-2次').waitFor()
    await dialog.getByText('依据：第十五条').waitFor()
    await dialog.getByLabel('会议名称').fill(MEETING)
    await dialog.getByLabel('会议时间').fill('2026-03-12 09:00')
    await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: '确定' }).click()
    await dialog.getByLabel('地点').fill('县政府常务会议室')
    await dialog.getByRole('button', { name: '确定安排' }).click()
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    meetingId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await page.getByText('依据：第十五条').waitFor()
    // 县长, three 副县长 (常务副县长 among them) and the office director: more than half is the rule's.
    await region(page, '参会人员')
      .getByText(`组成人员 6 人，至少 ${QUORUM} 人到会方可召开；未请假的组成人员 6 人`)
      .waitFor()
    await page.context().close()
  })

  it('three units put items forward; the heating project waits for its legality review (第二十条)', async () => {
    const education = await openMeeting('ml-departmentHead-education')
    const first = await submitAgendaItem(education, {
      title: SCHOOLS,
      summary: '扩建乔瓦镇中心校教学楼，资金由县财政局统筹。',
      involved: ['县财政局'],
    })
    const missing = first.getByRole('list', { name: '不能列入的原因' })
    await missing.getByText('副县长提出议题建议').waitFor()
    await missing.getByText('会议材料已报县政府办公室审核').waitFor()
    await first.getByRole('button', { name: '完成' }).click()
    await participantRow(education, '县财政局局长').getByText('列席').waitFor()
    await education.context().close()

    const finance = await openMeeting('ml-departmentHead-finance')
    const heating = await submitAgendaItem(finance, {
      title: HEATING,
      summary: '建设县城集中供热管网及热源厂。',
      characteristics: ['重大决策事项'],
      steps: [['公众参与', '已公开征求意见30日'], ['专家论证'], ['风险评估']],
    })
    const verdict = heating.getByRole('region', { name: '准入判断' })
    await verdict.getByText('暂不能列入').waitFor()
    await verdict.getByRole('list', { name: '不能列入的原因' }).getByText('合法性审查').waitFor()
    await verdict.getByText(`依据：${SOURCE}第二十条`).waitFor()
    await heating.getByRole('button', { name: '完成' }).click()
    const held = agendaRow(finance, HEATING)
    await held.getByText(`依据：${SOURCE}第二十条`).waitFor()
    await held.getByRole('button', { name: '登记程序：合法性审查' }).waitFor()
    await screenshot(finance, 'muli-meeting-agenda-blocked')
    await finance.context().close()

    const housing = await openMeeting('ml-departmentHead-housing')
    await (
      await submitAgendaItem(housing, { title: HOUSING, summary: '改造县城老旧小区8个。' })
    )
      .getByRole('button', { name: '完成' })
      .click()
    await housing.context().close()
  })

  it('the deputies propose their units’ items, the office reviews the materials, 法制办 the legality', async () => {
    // The same steps as 法制办's below, recorded at the API: the page that records a step is
    // walked by 钟山's meeting; here the 木里 gates matter (packages/http/src/muli-meetings.test.ts
    // enumerates them).
    const view = (await (
      await apiAs(server.url, 'ml-secretariat')
    ).get(`/api/meetings/${meetingId}`)) as { agenda: { id: string; title: string }[] }
    const itemOf = (title: string) => view.agenda.find((item) => item.title === title)?.id
    const office = await apiAs(server.url, 'ml-secretariat')
    for (const [deputy, title] of [
      ['ml-executiveDeputy', HEATING],
      ['ml-deputy-2', SCHOOLS],
      ['ml-deputy-3', HOUSING],
    ] as const) {
      const steps = `/api/meetings/${meetingId}/items/${itemOf(title)}/steps`
      await (await apiAs(server.url, deputy)).post(steps, { code: 'deputyProposal' })
      await office.post(steps, { code: 'materialsReviewedByOffice', note: '材料齐全' })
    }

    // The head's approval is still to come: only it admits the agenda (第十五条).
    const head = await openMeeting('ml-principal')
    await agendaRow(head, SCHOOLS).getByText('尚未完成：报县长审批同意').waitFor()
    await approveAll(head)
    const refused = refusal(head.locator('form#approve-agenda'), `议题"${HEATING}"暂不能列入`)
    await refused.getByText(`依据：${SOURCE}第二十条`).waitFor()

    const legal = await openMeeting('ml-legalOfficeHead')
    await recordAgendaStep(legal, HEATING, '合法性审查', '经审查，项目决策程序合法')
    await legal.context().close()

    await head.reload()
    await head.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    await approveAll(head)
    await head.getByText('议题已审定、已通知').first().waitFor()
    for (const title of [SCHOOLS, HEATING, HOUSING])
      await agendaRow(head, title).getByText('已列入议程').waitFor()
    await head.context().close()
  })

  it('a deputy asks leave naming a substitute; the head grants it', async () => {
    const deputy = await openMeeting('ml-deputy-4')
    const leave = deputy.locator('form#meeting-leave')
    await leave.getByLabel('请假事由').fill('赴州参加法治政府建设培训')
    await leave.getByLabel('代会人员').fill('县政府法制办主任 吉克伍各')
    await leave.getByRole('button', { name: '提交请假' }).click()
    await participantRow(deputy, '副县长（法治、监察）').getByText('请假待批').waitFor()
    await deputy.context().close()

    const head = await openMeeting('ml-principal')
    const row = participantRow(head, '副县长（法治、监察）')
    await row.getByText('代会：县政府法制办主任 吉克伍各').waitFor()
    await row.getByRole('button', { name: '准假', exact: true }).click()
    await row.getByText('已准假').waitFor()
    await region(head, '参会人员')
      .getByText(`组成人员 6 人，至少 ${QUORUM} 人到会方可召开；未请假的组成人员 5 人`)
      .waitFor()
    await head.context().close()
  })

  it('on the day the office opens the meeting and records decisions due a month on (第八十一条)', async () => {
    clock = MEETING_DAY
    const office = await openMeeting('ml-secretariat')
    const signIn = office.getByRole('group', { name: '签到' })
    for (const member of [
      '县长（扎西次仁）',
      '常务副县长（王志刚）',
      '副县长（教育）（拉姆卓玛）',
      '副县长（城建、乡镇）（李文华）',
      '县政府办公室主任（罗桑达瓦）',
      '县财政局局长（陈静），列席',
      '县教育局局长（格绒泽仁），列席',
      '县住房和城乡建设局局长（刘强），列席',
    ])
      await signIn.getByLabel(member, { exact: true }).check()
    const status = office.getByRole('status', { name: '到会人数' })
    await status.getByText(`组成人员 6 人，已到 5 人，至少需 ${QUORUM} 人`).waitFor()
    await status.getByText('已达法定人数').waitFor()
    await screenshot(office, 'muli-meeting-attendance')
    await office.getByRole('button', { name: '宣布开会' }).click()
    await office.getByText('会议进行中').first().waitFor()

    const decisions = region(office, '会议决定')
    const form = decisions.locator('form#decide-item')
    const opened = decisions.getByRole('list', { name: '督办事项' })
    // No 办理时限 given: the rule's month applies.
    await pick(office, form.getByLabel('议题', { exact: true }), [HEATING])
    await form.getByLabel('通过', { exact: true }).check()
    await form.getByLabel('决定内容').fill('同意实施县城集中供热项目')
    await form.getByRole('button', { name: '添加议定事项' }).click()
    const heatingTask = form.getByRole('group', { name: '议定事项 1' })
    await heatingTask.getByLabel('事项名称').fill(HEATING_TASK)
    await pick(office, heatingTask.getByLabel('牵头单位'), ['县财政局'], { search: true })
    await pick(office, heatingTask.getByLabel('配合单位'), ['县住房和城乡建设局'], {
      search: true,
    })
    await form.getByRole('button', { name: '记录决定' }).click()
    await opened.getByRole('link', { name: HEATING_TASK }).waitFor()
    await opened.getByText(`（办理时限：${TASKS_DUE}）`).waitFor()

    // A date later than the rule allows is refused with 第八十一条; the item is deferred instead.
    await pick(office, form.getByLabel('议题', { exact: true }), [SCHOOLS])
    await form.getByLabel('通过', { exact: true }).check()
    await form.getByLabel('决定内容').fill('同意扩建')
    await form.getByRole('button', { name: '添加议定事项' }).click()
    const schoolsTask = form.getByRole('group', { name: '议定事项 1' })
    await schoolsTask.getByLabel('事项名称').fill('完成扩建方案')
    await pick(office, schoolsTask.getByLabel('牵头单位'), ['县教育局'], { search: true })
    await schoolsTask.getByLabel('办理时限').fill('2026-12-31')
    await schoolsTask.getByLabel('办理时限').press('Tab')
    await form.getByRole('button', { name: '记录决定' }).click()
    const tooLate = refusal(form, `办理时限不能晚于规则规定的 ${TASKS_DUE}`)
    await tooLate.getByText(`依据：${SOURCE}第八十一条`).waitFor()
    await form.getByLabel('暂缓', { exact: true }).check()
    await form.getByLabel('决定内容').fill('暂缓，待选址论证后再议')
    await form.getByRole('button', { name: '记录决定' }).click()
    await agendaRow(office, SCHOOLS).getByText('会议决定：暂缓').waitFor()

    await pick(office, form.getByLabel('议题', { exact: true }), [HOUSING])
    await form.getByLabel('通过', { exact: true }).check()
    await form.getByLabel('决定内容').fill('同意实施县城老旧小区改造')
    await form.getByRole('button', { name: '添加议定事项' }).click()
    const housingTask = form.getByRole('group', { name: '议定事项 1' })
    await housingTask.getByLabel('事项名称').fill(HOUSING_TASK)
    await pick(office, housingTask.getByLabel('牵头单位'), ['县住房和城乡建设局'], {
      search: true,
    })
    await form.getByRole('button', { name: '记录决定' }).click()
    await opened.getByRole('link', { name: HOUSING_TASK }).waitFor()
    assert.equal(await opened.getByText(`（办理时限：${TASKS_DUE}）`).count(), 2)
    for (const title of [HEATING_TASK, HOUSING_TASK]) {
      const href = await opened.getByRole('link', { name: title }).getAttribute('href')
      tasks[title] = href?.split('/').at(-1) ?? ''
    }
    await decisions.getByText('议程上的议题均已作出决定，可以散会。').waitFor()
    await screenshot(office, 'muli-meeting-decisions')

    await decisions.getByRole('button', { name: '散会' }).click()
    await office.getByText('已散会').first().waitFor()
    const minutes = region(office, '会议纪要')
    await minutes.getByText(`纪要应于 ${MINUTES_DUE} 前印发`).waitFor()
    await minutes.getByRole('button', { name: '起草纪要' }).click()
    const link = await minutes.getByRole('link', { name: '查看纪要' }).getAttribute('href')
    minutesId = link?.split('/').at(-1) ?? ''
    // The rule names no signer ("送签"): the minutes go to the presider, due by 第十八条.
    await minutes.getByRole('link', { name: '查看纪要' }).click()
    await office.getByRole('heading', { name: MINUTES }).waitFor()
    await office.getByText(`（${MINUTES_DUE}前）印发`, { exact: false }).waitFor()
    await office.getByText('签发：县长').waitFor()
    await office.getByText(`依据：${SOURCE}第十八条`).first().waitFor()
    await office.context().close()
  })

  // The rule names no reviewer (第十八条 送签): the minutes wait for the presider's 签发 at once.
  it('the presider signs the next day and the office issues the minutes before the date', async () => {
    clock = new Date('2026-03-13T01:00:00Z')
    const head = await openMinutes('ml-principal')
    await head.getByLabel('签发意见').fill('签发')
    await confirmAct(head, '签发')
    // Either signed, or the server's refusal, said at once.
    await documentState(head, '已签发待编号').or(refusal(head)).waitFor()
    if ((await refusal(head).count()) > 0) assert.fail(await refusal(head).first().innerText())
    await head.context().close()

    clock = new Date('2026-03-16T01:00:00Z')
    const desk = await openMinutes('ml-secretariat')
    await desk.getByRole('button', { name: '登记编号' }).click()
    await documentState(desk, '已编号待印发').waitFor()
    await desk.getByLabel('依申请公开').check()
    await desk.getByRole('button', { name: '用印印发' }).click()
    await documentState(desk, '已印发').waitFor()
    assert.ok('2026-03-16' < MINUTES_DUE, `issued on 2026-03-16, due ${MINUTES_DUE}`)
    await desk.goto(`${server.url}/meetings/${meetingId}`)
    const minutes = region(desk, '会议纪要')
    await minutes.getByText(`纪要应于 ${MINUTES_DUE} 前印发`).waitFor()
    await minutes.getByText('已印发').waitFor()
    await desk.context().close()
  })

  it('县住建局 reports progress and finishes its task; 目督办 accepts it', async () => {
    clock = new Date('2026-03-16T01:00:00Z')
    const housing = await openItem('ml-departmentHead-housing', HOUSING_TASK)
    await housing.getByText(`依据：${SOURCE}第八十一条`).first().waitFor()
    await housing.getByLabel('进展情况').fill('已完成8个小区的入户调查')
    await housing.getByRole('button', { name: '报送进展' }).click()
    const history = housing.locator('.ant-card').filter({ hasText: '办理记录' })
    await history.getByText('已完成8个小区的入户调查').waitFor()
    await housing.getByLabel('办结报告').fill('实施方案已编制完成并印发')
    await housing.getByRole('button', { name: '报办结' }).click()
    await history.getByText('实施方案已编制完成并印发').waitFor()
    await housing.context().close()

    const office = await openItem('ml-supervisionOffice', HOUSING_TASK)
    await office.getByRole('button', { name: '审核通过' }).click()
    await office.getByText('按期办结').first().waitFor()
    await office.context().close()
  })

  it('县财政局’s task is reminded on its last day, goes overdue and is circulated', async () => {
    clock = dayAfter(TASKS_DUE, 0)
    assert.deepEqual(await server.scanLedger(), { reminded: 1, escalated: 0 })
    clock = dayAfter(TASKS_DUE, 2)
    assert.deepEqual(await server.scanLedger(), { reminded: 0, escalated: 1 })
    const today = clock.toISOString().slice(0, 10)

    const page = await openItem('ml-supervisionOffice', HEATING_TASK)
    const history = page.locator('.ant-card').filter({ hasText: '办理记录' })
    await history.locator('.ant-tag', { hasText: '催办' }).waitFor()
    await history.locator('.ant-tag', { hasText: '逾期' }).waitFor()
    await history.getByText(`已超过办理时限 ${TASKS_DUE}`).waitFor()
    await screenshot(page, 'muli-supervision-item-history')

    await page.getByRole('menuitem', { name: '督查台账' }).click()
    await page.getByRole('heading', { name: '督查台账' }).waitFor()
    const heating = page.getByRole('row').filter({ hasText: HEATING_TASK })
    await heating.getByText(TASKS_DUE).waitFor()
    await heating.locator('.ant-tag', { hasText: '逾期' }).waitFor()
    const housing = page.getByRole('row').filter({ hasText: HOUSING_TASK })
    await housing.getByText('按期办结').waitFor()
    await screenshot(page, 'muli-supervision-ledger')

    await page.getByRole('menuitem', { name: '督查通报' }).click()
    await page.getByRole('heading', { name: '督查通报' }).waitFor()
    await page.getByRole('button', { name: '发布通报' }).click()
    const form = page.locator('form#supervision-circular')
    const period = form.locator('.ant-picker-range input')
    await period.nth(0).fill('2026-03-01')
    await period.nth(0).press('Tab')
    await period.nth(1).fill(today)
    await period.nth(1).press('Tab')
    await form.getByRole('button', { name: '发布' }).click()
    const title = `督查事项办理情况通报（2026-03-01至${today}）`
    await page.getByText(title, { exact: true }).click()
    const finance = page.getByRole('row').filter({ hasText: '县财政局' })
    await finance.getByRole('link', { name: HEATING_TASK }).waitFor()
    await finance.getByText(`（时限 ${TASKS_DUE}，逾期 2 天）`).waitFor()
    await page
      .getByRole('row')
      .filter({ hasText: '县住房和城乡建设局' })
      .getByRole('cell', { name: '1', exact: true })
      .first()
      .waitFor()
    await page.locator('.ant-motion-collapse').waitFor({ state: 'detached' })
    await screenshot(page, 'muli-supervision-circular')

    await page.getByRole('menuitem', { name: '督查看板' }).click()
    await page.getByRole('heading', { name: '督查看板' }).waitFor()
    const figure = (name: string) =>
      page.getByRole('group', { name }).locator('.ant-statistic-content-value').textContent()
    await page.getByRole('group', { name: '在办' }).waitFor()
    assert.equal(await figure('在办'), '1')
    assert.equal(await figure('逾期'), '1')
    assert.equal(await figure('按时办结率'), '100.0')
    await screenshot(page, 'muli-supervision-dashboard')
    await page.context().close()
  })
})
