import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
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

// A 钟山区 standing meeting in Debian's Chromium, the story of packages/http/src/meetings.test.ts
// through the pages. 区教育局 puts the first item forward and records its steps from the agenda
// table; it names 区财政局 and 荷城街道 as units concerned, so their heads attend.
// 区财政局's budget item needs a legality review and is held back (第四十四条) until 区司法局
// records it; the head approves the agenda. A deputy asks leave naming a substitute and the head
// grants it. On 12 March the office signs in three members (too few, 第四十条), then four, and
// records decisions: 钟山's rulebook sets no period for them, so the meeting gives 办理时限. The
// minutes go along 第四十八条 (常务副区长, 办公室主任, 区长) and are issued that day. 荷城街道
// reports progress on its task; the budget task is reminded, goes overdue on 1 April, and the
// supervision office (赵敏, switching to her post 督查室主任) names 区财政局 in a circular.
const MEETING = '区人民政府2026年第5次常务会议'
const MINUTES = `${MEETING}纪要`
const SOURCE = '《六盘水市钟山区人民政府工作规则》'
const SCHOOLS = '关于新建第三实验小学的议题'
const BUDGET = '关于调整2026年区级预算的议题'
const ROADS = '关于荷城街道背街小巷改造的议题'
const BUDGET_TASK = '落实2026年区级预算调整'
const ROADS_TASK = '完成背街小巷改造一期'
const MONDAY = new Date('2026-03-02T01:00:00Z')
const MEETING_DAY = new Date('2026-03-12T00:30:00Z') // 08:30 in 钟山

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

/** A 核稿 of the minutes on the document page. */
async function reviewMinutes(username: string, next: string): Promise<void> {
  const page = await openMinutes(username)
  await page.getByLabel('核稿意见').fill('同意')
  await page.getByRole('button', { name: '核稿签字' }).click()
  await page.getByText(next).waitFor()
  await page.context().close()
}

describe('a standing meeting of 钟山区, from agenda to circular', () => {
  it('the office schedules the standing meeting on the calendar', async () => {
    const page = await signIn('zs-secretariat')
    await page.getByRole('menu', { name: '主导航' }).locator('a[href="/meetings"]').click()
    await page.getByRole('heading', { name: '会议', exact: true }).waitFor()
    await region(page, '会议日历').getByRole('heading', { name: '2026年3月' }).waitFor()
    await page.getByRole('button', { name: '安排会议' }).click()
    const dialog = page.getByRole('dialog', { name: '安排会议' })
    await pick(page, dialog.getByLabel('会议种类'), ['区人民政府常务会议'])
    // The kind's frequency and article, from the rulebook.
    await dialog.getByText('会议频次：原则上每2周召开1次，也可根据工作需要适时召开').waitFor()
    await dialog.getByText('依据：第四十条').waitFor()
    await dialog.getByLabel('会议名称').fill(MEETING)
    await dialog.getByLabel('会议时间').fill('2026-03-12 09:00')
    await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: '确定' }).click()
    await dialog.getByLabel('地点').fill('区政府三楼会议室')
    await dialog.getByRole('button', { name: '确定安排' }).click()
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    meetingId = new URL(page.url()).pathname.split('/').at(-1) ?? ''

    await page.getByText('筹备中（收集议题）').first().waitFor()
    await page.getByText('2026-03-12 09:00（北京时间）').waitFor()
    await page.getByText('依据：第四十条').waitFor()
    // 区长, 常务副区长, three 副区长 and the office director: 4 of 6 make the quorum.
    await region(page, '参会人员')
      .getByText('组成人员 6 人，至少 4 人到会方可召开；未请假的组成人员 6 人')
      .waitFor()
    await page.getByRole('menu', { name: '主导航' }).locator('a[href="/meetings"]').click()
    await region(page, '本月会议').getByRole('link', { name: MEETING }).waitFor()
    await region(page, '会议日历')
      .getByRole('link', { name: `09:00 ${MEETING}` })
      .waitFor()
    await page.context().close()
  })

  it('three units put items forward; the budget item is held back by 第四十四条', async () => {
    const education = await openMeeting('zs-departmentHead-10')
    const first = await submitAgendaItem(education, {
      title: SCHOOLS,
      summary: '新建第三实验小学，选址荷城街道，资金由区财政局统筹。',
      involved: ['区财政局', '荷城街道'],
    })
    await first.getByRole('region', { name: '准入判断' }).getByText('暂不能列入').waitFor()
    const missing = first.getByRole('list', { name: '不能列入的原因' })
    await missing.getByText('深入调查研究').waitFor()
    await first.getByRole('button', { name: '完成' }).click()
    // The heads of the units concerned now attend (列席).
    for (const head of ['区财政局局长', '荷城街道办事处主任'])
      await participantRow(education, head).getByText('列席').waitFor()
    // The steps the unit did itself are recorded from the table.
    await recordAgendaStep(education, SCHOOLS, '深入调查研究', '已赴荷城街道实地调研')
    await recordAgendaStep(
      education,
      SCHOOLS,
      '合法性、必要性、科学性、可行性和可控性评估论证',
      '已组织评估论证',
    )
    await agendaRow(education, SCHOOLS).getByText('可列入', { exact: true }).waitFor()
    await education.context().close()

    // 区财政局 ticks from the checklist the rulebook gives every item of this meeting.
    const finance = await openMeeting('zs-departmentHead-9')
    const budget = await submitAgendaItem(finance, {
      title: BUDGET,
      summary: '根据收支变化调整2026年区级预算。',
      characteristics: ['议题涉及其他部门、单位，必要时须进行合法性审查'],
      steps: [
        ['深入调查研究', '已征求各预算单位意见'],
        ['合法性、必要性、科学性、可行性和可控性评估论证'],
      ],
    })
    // 合法性审查 is the legal office's to record: the form does not offer it.
    const verdict = budget.getByRole('region', { name: '准入判断' })
    await verdict.getByText('暂不能列入').waitFor()
    await verdict.getByRole('list', { name: '不能列入的原因' }).getByText('合法性审查').waitFor()
    await verdict.getByText(`依据：${SOURCE}第四十四条`).waitFor()
    await budget.getByRole('button', { name: '完成' }).click()
    const held = agendaRow(finance, BUDGET)
    await held.getByText('暂不能列入').waitFor()
    await held.getByText(`依据：${SOURCE}第四十四条`).waitFor()
    await held.getByRole('button', { name: '登记程序：合法性审查' }).waitFor()
    await screenshot(finance, 'zhongshan-meeting-agenda-blocked')
    await finance.context().close()

    const township = await openMeeting('zs-townshipHead')
    const roads = await submitAgendaItem(township, {
      title: ROADS,
      summary: '改造荷城街道背街小巷12条。',
      characteristics: ['议题涉及其他部门、单位'],
      steps: [
        ['深入调查研究'],
        ['合法性、必要性、科学性、可行性和可控性评估论证'],
        ['充分协商，事先征求意见', '已征求区教育局意见'],
      ],
      involved: ['区教育局'],
    })
    await roads
      .getByRole('region', { name: '准入判断' })
      .getByText('可列入', { exact: true })
      .waitFor()
    await roads.getByRole('button', { name: '完成' }).click()
    await agendaRow(township, ROADS).getByText('已征求区教育局意见').waitFor()
    await township.context().close()
  })

  it('the head may not put the held item on the agenda until 区司法局 has reviewed it', async () => {
    const head = await openMeeting('zs-principal')
    const approve = head.locator('form#approve-agenda')
    // Admitted items are chosen to begin with; the head adds the held one.
    await approve.getByText(`1. ${SCHOOLS}`).waitFor()
    await approve.getByText(`3. ${ROADS}`).waitFor()
    await pick(head, approve.getByLabel('列入议程的议题'), [`2. ${BUDGET}（暂不能列入）`])
    await approve.locator('.ant-select-selection-item', { hasText: BUDGET }).waitFor()
    await approve.getByRole('button', { name: '审定' }).click()
    const refused = refusal(approve, `议题"${BUDGET}"暂不能列入`)
    await refused.getByText(`依据：${SOURCE}第四十四条`).waitFor()
    await head.getByText('筹备中（收集议题）').first().waitFor()

    const legal = await openMeeting('zs-legalOffice')
    await recordAgendaStep(legal, BUDGET, '合法性审查', '经审查，调整方案符合预算法规定')
    await agendaRow(legal, BUDGET).getByText('可列入', { exact: true }).waitFor()
    await legal.context().close()

    await head.reload()
    await head.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    await head.locator('form#approve-agenda').getByText(`2. ${BUDGET}`).waitFor()
    await head.locator('form#approve-agenda').getByRole('button', { name: '审定' }).click()
    await head.getByText('议题已审定、已通知').first().waitFor()
    for (const title of [SCHOOLS, BUDGET, ROADS])
      await agendaRow(head, title).getByText('已列入议程').waitFor()
    await head.context().close()
  })

  it('a deputy asks leave naming a substitute; the head grants it', async () => {
    const deputy = await openMeeting('zs-deputy-2')
    const leave = deputy.locator('form#meeting-leave')
    await leave.getByLabel('请假事由').fill('赴省参加培训')
    await leave.getByLabel('代会人员').fill('区教育局局长 郑涛')
    await leave.getByRole('button', { name: '提交请假' }).click()
    const row = participantRow(deputy, '副区长（教育）')
    await row.getByText('请假待批').waitFor()
    await row.getByText('代会：区教育局局长 郑涛').waitFor()
    await deputy.context().close()

    const head = await openMeeting('zs-principal')
    await participantRow(head, '副区长（教育）')
      .getByRole('button', { name: '准假', exact: true })
      .click()
    await participantRow(head, '副区长（教育）').getByText('已准假').waitFor()
    await region(head, '参会人员')
      .getByText('组成人员 6 人，至少 4 人到会方可召开；未请假的组成人员 5 人')
      .waitFor()
    await head.context().close()
  })

  it('on the day three members are too few (第四十条); with four the office opens and decides', async () => {
    clock = MEETING_DAY
    const office = await openMeeting('zs-secretariat')
    const signIn = office.getByRole('group', { name: '签到' })
    // Those on leave cannot sign in.
    await signIn.getByLabel('区长（王建国）').waitFor()
    assert.equal(await signIn.getByLabel(/^副区长（教育）/).count(), 0)
    for (const member of ['区长（王建国）', '常务副区长（李红梅）', '副区长（城建）（刘晓燕）'])
      await signIn.getByLabel(member, { exact: true }).check()
    const status = office.getByRole('status', { name: '到会人数' })
    await status.getByText('组成人员 6 人，已到 3 人，至少需 4 人').waitFor()
    await status.getByText('未达法定人数').waitFor()
    await office.getByRole('button', { name: '宣布开会' }).click()
    await refusal(region(office, '参会人员')).getByText(`依据：${SOURCE}第四十条`).waitFor()

    await signIn.getByLabel('区人民政府办公室主任（杨帆）', { exact: true }).check()
    // The heads of the units whose items are on the agenda attend (列席); they do not count.
    for (const head of [
      '区财政局局长（吴静）',
      '区教育局局长（郑涛）',
      '荷城街道办事处主任（孙丽）',
    ])
      await signIn.getByLabel(`${head}，列席`, { exact: true }).check()
    await status.getByText('组成人员 6 人，已到 4 人，至少需 4 人').waitFor()
    await status.getByText('已达法定人数').waitFor()
    await screenshot(office, 'zhongshan-meeting-attendance')
    await office.getByRole('button', { name: '宣布开会' }).click()
    await office.getByText('会议进行中').first().waitFor()
    await participantRow(office, '区长').getByText('出席').waitFor()

    const decisions = region(office, '会议决定')
    const form = decisions.locator('form#decide-item')
    // 钟山's rulebook sets no period for meeting decisions: the meeting must give one.
    await pick(office, form.getByLabel('议题', { exact: true }), [BUDGET])
    await form.getByLabel('通过', { exact: true }).check()
    await form.getByLabel('决定内容').fill('原则同意调整方案，报区人大常委会审议')
    await form.getByRole('button', { name: '添加议定事项' }).click()
    const budgetTask = form.getByRole('group', { name: '议定事项 1' })
    await budgetTask.getByLabel('事项名称').fill(BUDGET_TASK)
    await pick(office, budgetTask.getByLabel('牵头单位'), ['区财政局'], { search: true })
    await budgetTask.getByLabel('责任人').fill('吴静')
    await form.getByRole('button', { name: '记录决定' }).click()
    await refusal(form, '请填写办理时限').waitFor()
    await budgetTask.getByLabel('办理时限').fill('2026-03-31')
    await budgetTask.getByLabel('办理时限').press('Tab')
    await form.getByRole('button', { name: '记录决定' }).click()
    const opened = decisions.getByRole('list', { name: '督办事项' })
    await opened.getByRole('link', { name: BUDGET_TASK }).waitFor()
    await opened.getByText('（办理时限：2026-03-31）').waitFor()

    await pick(office, form.getByLabel('议题', { exact: true }), [SCHOOLS])
    await form.getByLabel('暂缓', { exact: true }).check()
    await form.getByLabel('决定内容').fill('选址进一步论证后再议')
    await form.getByRole('button', { name: '记录决定' }).click()
    await decisions
      .getByRole('list', { name: '已作出的决定' })
      .getByText('选址进一步论证后再议')
      .waitFor()

    await pick(office, form.getByLabel('议题', { exact: true }), [ROADS])
    await form.getByLabel('修改后通过', { exact: true }).check()
    await form.getByLabel('决定内容').fill('同意改造方案，按会议意见完善施工期交通组织')
    await form.getByRole('button', { name: '添加议定事项' }).click()
    const roadsTask = form.getByRole('group', { name: '议定事项 1' })
    await roadsTask.getByLabel('事项名称').fill(ROADS_TASK)
    await roadsTask.getByLabel('工作要求').fill('暑期施工，避开上学时段')
    await pick(office, roadsTask.getByLabel('牵头单位'), ['荷城街道'], { search: true })
    await pick(office, roadsTask.getByLabel('配合单位'), ['区住房和城乡建设局'], { search: true })
    await roadsTask.getByLabel('办理时限').fill('2026-06-30')
    await roadsTask.getByLabel('办理时限').press('Tab')
    await form.getByRole('button', { name: '记录决定' }).click()
    await opened.getByRole('link', { name: ROADS_TASK }).waitFor()
    await opened.getByText('（办理时限：2026-06-30）').waitFor()
    for (const title of [BUDGET_TASK, ROADS_TASK]) {
      const href = await opened.getByRole('link', { name: title }).getAttribute('href')
      tasks[title] = href?.split('/').at(-1) ?? ''
    }
    await agendaRow(office, BUDGET).getByText('会议决定：通过').waitFor()
    await agendaRow(office, ROADS).getByText('会议决定：修改后通过').waitFor()
    await agendaRow(office, SCHOOLS).getByText('会议决定：暂缓').waitFor()
    await decisions.getByText('议程上的议题均已作出决定，可以散会。').waitFor()
    await screenshot(office, 'zhongshan-meeting-decisions')

    await decisions.getByRole('button', { name: '散会' }).click()
    await office.getByText('已散会').first().waitFor()
    const minutes = region(office, '会议纪要')
    await minutes.getByText('工作规则未规定本会议纪要的印发时限。').waitFor()
    await minutes.getByRole('button', { name: '起草纪要' }).click()
    await minutes.getByText('尚未编号').waitFor()
    const link = await minutes.getByRole('link', { name: '查看纪要' }).getAttribute('href')
    minutesId = link?.split('/').at(-1) ?? ''
    await office.context().close()
  })

  it('the minutes follow 第四十八条: 常务副区长 and 办公室主任 review, 区长 signs, the desk issues', async () => {
    const drafted = await openMinutes('zs-secretariat')
    // The plan comes from the minutes rule, with its article.
    await drafted
      .getByText('区人民政府常务会议纪要经 常务副区长 → 区人民政府办公室主任 审核后，由区长签发')
      .waitFor()
    await drafted.getByText(`依据：${SOURCE}第四十八条`).first().waitFor()
    await drafted.getByText('需区长签发').waitFor()
    await drafted.context().close()

    await reviewMinutes('zs-executiveDeputy', '送核稿：区人民政府办公室主任')
    await reviewMinutes('zs-officeDirector', '送签发：区长')

    const head = await openMinutes('zs-principal')
    await head.getByLabel('签发意见').fill('签发')
    await confirmAct(head, '签发')
    await documentState(head, '已签发待编号').waitFor()
    await head.context().close()

    const desk = await openMinutes('zs-secretariat')
    await desk.getByRole('button', { name: '登记编号' }).click()
    await documentState(desk, '已编号待印发').waitFor()
    await desk.getByLabel('依申请公开').check()
    await desk.getByRole('button', { name: '用印印发' }).click()
    await documentState(desk, '已印发').waitFor()
    // Back on the meeting page, the minutes are issued on the day of the meeting.
    await desk.goto(`${server.url}/meetings/${meetingId}`)
    const minutes = region(desk, '会议纪要')
    await minutes.getByText('已印发').waitFor()
    await desk.context().close()
  })

  it('the ledger lists both tasks with the meeting’s dates; 荷城街道 reports progress', async () => {
    const office = await signIn('zs-secretariat')
    await office.getByRole('menuitem', { name: '督查台账' }).click()
    await office.getByRole('heading', { name: '督查台账' }).waitFor()
    const budget = office.getByRole('row').filter({ hasText: BUDGET_TASK })
    await budget.getByText('会议议定事项').waitFor()
    await budget.getByText('区财政局').waitFor()
    await budget.getByText('2026-03-31').waitFor()
    const roads = office.getByRole('row').filter({ hasText: ROADS_TASK })
    await roads.getByText('区住房和城乡建设局').waitFor()
    await roads.getByText('2026-06-30').waitFor()
    await office.context().close()

    const township = await openItem('zs-townshipHead', ROADS_TASK)
    await township.getByText('规则库未规定此类事项的办理时限').waitFor()
    await township.getByLabel('进展情况').fill('已完成施工招标，计划7月1日进场')
    await township.getByRole('button', { name: '报送进展' }).click()
    const history = township.locator('.ant-card').filter({ hasText: '办理记录' })
    await history.getByText('已完成施工招标，计划7月1日进场').waitFor()
    await township.context().close()
  })

  it('the budget task is reminded three working days ahead and goes overdue on 1 April', async () => {
    clock = new Date('2026-03-27T02:00:00Z')
    assert.deepEqual(await server.scanLedger(), { reminded: 1, escalated: 0 })
    clock = new Date('2026-04-01T02:00:00Z')
    assert.deepEqual(await server.scanLedger(), { reminded: 0, escalated: 1 })

    const finance = await openItem('zs-departmentHead-9', BUDGET_TASK)
    const history = finance.locator('.ant-card').filter({ hasText: '办理记录' })
    await history.locator('.ant-tag', { hasText: '催办' }).waitFor()
    await history.getByText('距办理时限 2026-03-31 还有').waitFor()
    await history.locator('.ant-tag', { hasText: '逾期' }).waitFor()
    await history.getByText(/已超过办理时限 2026-03-31/).waitFor()
    await screenshot(finance, 'zhongshan-supervision-item-history')

    await finance.getByRole('menuitem', { name: '督查台账' }).click()
    await finance.getByRole('heading', { name: '督查台账' }).waitFor()
    await finance
      .getByRole('radiogroup', { name: '状态' })
      .getByText('逾期', { exact: true })
      .click()
    await finance.getByRole('row').filter({ hasText: ROADS_TASK }).waitFor({ state: 'detached' })
    const overdue = finance.getByRole('row').filter({ hasText: BUDGET_TASK })
    await overdue.locator('.ant-tag', { hasText: '逾期' }).waitFor()
    await screenshot(finance, 'zhongshan-supervision-ledger')
    await finance.context().close()
  })

  it('the supervision office names 区财政局 in a circular; the dashboard counts the overdue task', async () => {
    const page = await signIn('zs-deputyOfficeDirector')
    await page.getByLabel('当前职务').click()
    await page.getByRole('option', { name: '区人民政府督查室主任' }).click()
    await page.getByText('已切换为：区人民政府督查室主任').waitFor()
    await page.getByRole('menuitem', { name: '督查通报' }).click()
    await page.getByRole('heading', { name: '督查通报' }).waitFor()
    await page.getByRole('button', { name: '发布通报' }).click()
    const form = page.locator('form#supervision-circular')
    const period = form.locator('.ant-picker-range input')
    await period.nth(0).fill('2026-03-01')
    await period.nth(0).press('Tab')
    await period.nth(1).fill('2026-04-01')
    await period.nth(1).press('Tab')
    await form.getByLabel('通报标题').fill('2026年3月督查事项办理情况通报')
    await form.getByRole('button', { name: '发布' }).click()
    await page.getByText('2026年3月督查事项办理情况通报', { exact: true }).click()
    const finance = page.getByRole('row').filter({ hasText: '区财政局' })
    await finance.getByRole('link', { name: BUDGET_TASK }).waitFor()
    await finance.getByText('（时限 2026-03-31，逾期 1 天）').waitFor()
    await page.locator('.ant-motion-collapse').waitFor({ state: 'detached' })
    await screenshot(page, 'zhongshan-supervision-circular')

    await page.getByRole('menuitem', { name: '督查看板' }).click()
    await page.getByRole('heading', { name: '督查看板' }).waitFor()
    const figure = (name: string) =>
      page.getByRole('group', { name }).locator('.ant-statistic-content-value').textContent()
    await page.getByRole('group', { name: '在办' }).waitFor()
    assert.equal(await figure('在办'), '2')
    assert.equal(await figure('逾期'), '1')
    await screenshot(page, 'zhongshan-supervision-dashboard')
    await page.context().close()
  })
})
