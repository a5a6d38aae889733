import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createRulesPort } from '@zhengling/http'
import { loadLibrary } from '@zhengling/rulebooks'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { storySignIn } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import {
  agendaRow,
  documentState,
  pick,
  recordAgendaStep,
  refusal,
  region,
  submitAgendaItem,
  confirmAct,
} from './support/ui.ts'

// 二连浩特市's standing meeting in Debian's Chromium, from scheduling to signed minutes. The
// 办公厅's 秘书科 schedules it (会务, 三十八; not in the first week, 七十三); two bureaus put items
// forward, each held until the 分管副市长 has reviewed it (四十一); the 市长 sets the agenda and the
// office sends the items out by the day before (四十一). On
// the day 3 of the 8 members (市长、副市长、秘书长、市长助理, 四十) are not the 半数以上 the rule
// asks, 4 are (the half included, 民法典 第一千二百五十九条). A decision's task enters the ledger
// with the date the office sets (the rules give meetings' decisions no period); the minutes are
// reviewed by the 秘书长 and signed by the 市长 (四十三).
const MEETING = '市人民政府2026年第5次常务会议'
const MINUTES = `${MEETING}纪要`
const SOURCE = '《二连浩特市人民政府工作规则》'
const BUDGET = '关于2026年市本级预算调整方案的议题'
const PORT = '关于口岸货运通道扩能改造的议题'
const BUDGET_TASK = '细化落实预算调整方案'
const STEP = '分管副市长协调或审核后提出'
const MONDAY = new Date('2026-03-02T01:00:00Z')
const MEETING_DAY = new Date('2026-03-12T00:30:00Z') // 08:30 in 二连浩特 (Beijing time)

const rules = createRulesPort(loadLibrary())
const QUORUM = (() => {
  const answer = rules.decide('erlianhaote', 'meeting-quorum', {
    meeting: 'standing',
    members: 8,
    present: 4,
  })
  assert.ok(answer.ok, JSON.stringify(answer))
  return (answer.result.outcome as { minimum: number }).minimum
})()

let clock = MONDAY
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let meetingId = ''
let minutesId = ''

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

async function openMinutes(username: string): Promise<Page> {
  const page = await signIn(username, `/documents/${minutesId}`)
  await page.getByRole('heading', { name: MINUTES }).waitFor()
  return page
}

/** Fails at once with the server's refusal, if the page shows one instead of `shown`. */
async function settled(page: Page, shown: ReturnType<Page['locator']>): Promise<void> {
  await shown.or(refusal(page)).first().waitFor()
  if ((await refusal(page).count()) > 0) assert.fail(await refusal(page).first().innerText())
}

describe('a standing meeting of 二连浩特市, from scheduling to signed minutes', () => {
  it('the 办公厅 schedules the standing meeting of its eight members', async () => {
    const page = await signIn('el-secretariat')
    await page.getByRole('menu', { name: '主导航' }).locator('a[href="/meetings"]').click()
    await region(page, '会议日历').getByRole('heading', { name: '2026年3月' }).waitFor()
    await page.getByRole('button', { name: '安排会议' }).click()
    const dialog = page.getByRole('dialog', { name: '安排会议' })
    await pick(page, dialog.getByLabel('会议种类'), ['市人民政府常务会议'])
    await dialog.getByText('依据：四十').waitFor()
    await dialog.getByLabel('会议名称').fill(MEETING)
    await dialog.getByLabel('会议时间').fill('2026-03-12 09:00')
    await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: '确定' }).click()
    await dialog.getByLabel('地点').fill('市政府常务会议室')
    await dialog.getByRole('button', { name: '确定安排' }).click()
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    meetingId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    // 市长, four 副市长 (常务副市长 among them), 秘书长 and 市长助理; 半数以上 is the rule's.
    await region(page, '参会人员')
      .getByText(`组成人员 8 人，至少 ${QUORUM} 人到会方可召开；未请假的组成人员 8 人`)
      .waitFor()
    await page.context().close()
  })

  it('two bureaus put items forward, held for the 分管副市长 (四十一)', async () => {
    for (const [username, title, summary] of [
      ['el-departmentHead-finance', BUDGET, '调整市本级一般公共预算支出结构。'],
      ['el-departmentHead-port', PORT, '扩建公路口岸货运通道，提升通关能力。'],
    ] as const) {
      const page = await openMeeting(username)
      const dialog = await submitAgendaItem(page, { title, summary })
      const verdict = dialog.getByRole('region', { name: '准入判断' })
      await verdict.getByText('暂不能列入').waitFor()
      await verdict.getByRole('list', { name: '不能列入的原因' }).getByText(STEP).waitFor()
      await verdict.getByText(`依据：${SOURCE}四十一`).waitFor()
      await dialog.getByRole('button', { name: '完成' }).click()
      await agendaRow(page, title)
        .getByRole('button', { name: `登记程序：${STEP}` })
        .waitFor()
      if (title === BUDGET) await screenshot(page, 'erlianhaote-meeting-agenda-held')
      await page.context().close()
    }
  })

  it('the deputies overseeing the bureaus review the items; the 市长 sets the agenda', async () => {
    for (const [deputy, title] of [
      ['el-executiveDeputy', BUDGET],
      ['el-deputy-2', PORT],
    ] as const) {
      const page = await openMeeting(deputy)
      await recordAgendaStep(page, title, STEP, '同意提请市政府常务会议研究')
      await page.context().close()
    }
    const head = await openMeeting('el-principal')
    const approve = head.locator('form#approve-agenda')
    // Both items are admissible now, so the form offers both, chosen.
    for (const title of [BUDGET, PORT])
      await approve.locator('.ant-select-selection-item', { hasText: title }).waitFor()
    await approve.getByRole('button', { name: '审定' }).click()
    await settled(head, head.getByText('议题已审定、已通知'))
    for (const title of [BUDGET, PORT])
      await agendaRow(head, title).getByText('已列入议程').waitFor()
    await head.context().close()

    // 四十一: 议题涉及内容在会议召开前一日发至参会人员 — sent on 2 March, in time for the 12th.
    const office = await openMeeting('el-secretariat')
    const notice = office.getByRole('region', { name: '会议通知' })
    await notice.getByText('最迟 2026-03-11').waitFor()
    await notice.getByRole('button', { name: '发出会议通知' }).click()
    await settled(office, notice.getByText('按时'))
    await notice.getByText(`依据：${SOURCE}四十一`).waitFor()
    await office.context().close()
  })

  it('on the day: 3 of 8 are short of the quorum, 4 open the meeting; a decision enters the ledger', async () => {
    clock = MEETING_DAY
    const office = await openMeeting('el-secretariat')
    const signIn = office.getByRole('group', { name: '签到' })
    const status = office.getByRole('status', { name: '到会人数' })
    for (const member of ['市长（巴特尔）', '常务副市长（王海峰）', '市人民政府秘书长（张志远）'])
      await signIn.getByLabel(member, { exact: true }).check()
    await status.getByText(`组成人员 8 人，已到 3 人，至少需 ${QUORUM} 人`).waitFor()
    await status.getByText('未达法定人数').waitFor()
    await signIn.getByLabel('副市长（城建、街道）（孙晓东）', { exact: true }).check()
    await status.getByText(`组成人员 8 人，已到 4 人，至少需 ${QUORUM} 人`).waitFor()
    await status.getByText('已达法定人数').waitFor()
    await screenshot(office, 'erlianhaote-meeting-attendance')
    await office.getByRole('button', { name: '宣布开会' }).click()
    await settled(office, office.getByText('会议进行中').first())

    const decisions = region(office, '会议决定')
    const form = decisions.locator('form#decide-item')
    const opened = decisions.getByRole('list', { name: '督办事项' })
    await pick(office, form.getByLabel('议题', { exact: true }), [BUDGET])
    await form.getByLabel('通过', { exact: true }).check()
    await form.getByLabel('决定内容').fill('原则同意预算调整方案')
    await form.getByRole('button', { name: '添加议定事项' }).click()
    const task = form.getByRole('group', { name: '议定事项 1' })
    await task.getByLabel('事项名称').fill(BUDGET_TASK)
    await pick(office, task.getByLabel('牵头单位'), ['市财政局'], { search: true })
    // The rules set no period for a meeting's decisions: the office sets the date.
    await task.getByLabel('办理时限').fill('2026-04-30')
    await task.getByLabel('办理时限').press('Tab')
    await form.getByRole('button', { name: '记录决定' }).click()
    await settled(office, opened.getByRole('link', { name: BUDGET_TASK }))
    await opened.getByText('（办理时限：2026-04-30）').waitFor()

    await pick(office, form.getByLabel('议题', { exact: true }), [PORT])
    await form.getByLabel('暂缓', { exact: true }).check()
    await form.getByLabel('决定内容').fill('暂缓，待可研报告完善后再议')
    await form.getByRole('button', { name: '记录决定' }).click()
    await agendaRow(office, PORT).getByText('会议决定：暂缓').waitFor()
    await decisions.getByText('议程上的议题均已作出决定，可以散会。').waitFor()
    await screenshot(office, 'erlianhaote-meeting-decisions')

    await decisions.getByRole('button', { name: '散会' }).click()
    await office.getByText('已散会').first().waitFor()
    const minutes = region(office, '会议纪要')
    await minutes.getByRole('button', { name: '起草纪要' }).click()
    const link = minutes.getByRole('link', { name: '查看纪要' })
    await settled(office, link)
    minutesId = (await link.getAttribute('href'))?.split('/').at(-1) ?? ''
    await office.context().close()
  })

  it('the 秘书长 reviews the minutes and the 市长 signs them (四十三)', async () => {
    const office = await openMinutes('el-officeDirector')
    await office.getByText(`${SOURCE}四十三`).first().waitFor()
    await documentState(office, '核稿中').waitFor()
    await office.getByLabel('核稿意见').fill('同意')
    await office.getByRole('button', { name: '核稿签字' }).click()
    await settled(office, documentState(office, '待签发'))
    await office.context().close()

    const head = await openMinutes('el-principal')
    await head.getByLabel('签发意见').fill('签发')
    await confirmAct(head, '签发')
    await settled(head, documentState(head, '已签发待编号'))
    await screenshot(head, 'erlianhaote-minutes-signed')
    await head.context().close()
  })
})
