import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { demoRoster } from '@zhengling/db'
import { createRulesPort } from '@zhengling/http'
import { loadLibrary } from '@zhengling/rulebooks'
import type { Browser, Page } from 'playwright-core'
import { apiAs } from './support/api-as.ts'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { overflowOf, PHONE } from './support/phone.ts'
import { signIn } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { choose } from './support/ui.ts'

// 值班应急 (issue 16) in Debian's Chromium on 木里县, with the server's clock moved by the test:
// 乔瓦镇 reports on a phone an incident that happened at 23:10; the 总值班室's 值班台, open at
// 1280 wide, shows it live (flash) with the deadlines of 第八十九条 (1小时电话速报, 2小时书面上报)
// counting down past midnight on the server's clock; the 首报 by phone is on time; the written
// report is not sent by its deadline, so the timer alerts the 带班领导 once (a second run of the
// jobs alerts nobody) and the board flashes 报送时限已过 live; the written report arrives late;
// the line stands in the 迟报漏报 register and the office makes a circular of it. Then a holiday
// roster for the 2026 National Day period (the official calendar's days) is generated while both
// 值班员 are away on 3 October, and shows the shifts short of staff in red.
// Everything else (every county, category and step; restarts) is enumerated below the browser.

const rules = createRulesPort(loadLibrary())
const OCCURRED = '2026-09-28T23:10:00+08:00'
const TITLE = '乔瓦镇俄亚村民房火灾'

interface Step {
  act: string
  label: string
  due: string
}
/** What 木里's rulebook answers for an incident at 23:10: the steps the pages must show. */
const answer = rules.decide('muli', 'incident-report-deadline', {
  category: 'suddenIncident',
  occurredAt: OCCURRED,
})
assert.ok(answer.ok, JSON.stringify(answer))
const STEPS = (answer.result.outcome as { steps: Step[] }).steps
const PHONE_STEP = STEPS.find((step) => step.act === 'phoneReport')
const WRITTEN_STEP = STEPS.find((step) => step.act === 'writtenReport')
assert.ok(PHONE_STEP && WRITTEN_STEP, '第八十九条: a phone and a written step')

/** Beijing wall time on the story's night (the 28th, or the 29th past midnight). */
const at = (time: string, day = '28') => new Date(`2026-09-${day}T${time}:00+08:00`)
/** '2026-09-29 01:10' as the pages write a due instant without the year: '09-29 01:10'. */
const short = (instant: string) =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ')

let clock = at('23:05')
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser

before(async () => {
  server = await startDemoServer({ now: () => clock })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

/** An approved absence of the person's post over one day, as 请销假 leaves it in force. */
async function awayOn(username: string, day: string): Promise<void> {
  const held = await server.db
    .selectFrom('people')
    .innerJoin('post_holdings', 'post_holdings.person_id', 'people.id')
    .select(['people.id as personId', 'post_holdings.post_id as postId'])
    .where('people.roster_key', '=', username)
    .executeTakeFirstOrThrow()
  const now = clock.toISOString()
  await server.db
    .insertInto('absences')
    .values({
      id: randomUUID(),
      jurisdiction_id: 'muli',
      person_id: held.personId,
      post_id: held.postId,
      category: 'businessTrip',
      from_date: day,
      to_date: day,
      days: 1,
      destination: '西昌',
      reason: '参加全州应急值守培训',
      contact: '13800000000',
      mode: 'approval',
      status: 'approved',
      filed_at: now,
      created_at: now,
      updated_at: now,
    } as never)
    .execute()
}

const open = (username: string, landing: string, phone = false) =>
  signIn(browser, server.url, username, undefined, {
    serverClock: true,
    landing,
    device: phone ? PHONE : { viewport: { width: 1280, height: 900 } },
  })

const incidentRegion = (page: Page) => page.getByRole('region', { name: `突发事件：${TITLE}` })
const stepItem = (page: Page, label: string) =>
  incidentRegion(page)
    .getByRole('list', { name: '报送时限' })
    .getByRole('listitem', { name: label })

/**
 * Moves the server's clock, and reloads the board so its session stays in use (sessions idle out
 * after 30 minutes of the server's time) and its countdown takes the server's new time.
 */
async function moveTo(board: Page, when: Date): Promise<void> {
  clock = when
  await board.reload()
  await board.getByText('实时更新中').waitFor()
}

describe('值班应急 on 木里', () => {
  let board: Page
  let incidentId = ''

  it("乔瓦镇 reports on a phone; the duty office's board shows it live, counting down past midnight", async () => {
    board = await open('ml-dutyOfficer-1', '/duty')
    await board.getByRole('heading', { name: '值班台', level: 2 }).waitFor()
    await board.getByText('实时更新中').waitFor()
    // A touch lets the page sound its alerts (browsers mute a page nobody touched).
    await board.getByRole('switch', { name: '提示音' }).click()
    await board.getByRole('switch', { name: '提示音' }).click()

    clock = at('23:15')
    const township = await open('ml-townshipHead-qiaowa', '/incidents/new', true)
    const form = township.getByRole('form', { name: '报告突发事件' })
    await choose(township, '事件类别', '突发事件')
    await form.getByLabel('事件名称').fill(TITLE)
    await form.getByLabel('发生地点').fill('乔瓦镇俄亚村')
    await form.getByLabel('发生时间').fill('2026-09-28T23:10')
    // The deadlines of the rule, before anything is sent, past midnight.
    const preview = form.getByRole('list', { name: '报送时限' })
    await preview.getByText(`${short(PHONE_STEP.due).slice(6)} 前`).waitFor()
    assert.match(
      await preview.innerText(),
      new RegExp(`2026-09-29 ${short(WRITTEN_STEP.due).slice(6)} 前`),
    )
    await form.getByLabel('电话速报').check()
    await form
      .getByLabel('报告内容')
      .fill('23时10分俄亚村一民房起火，无人员伤亡，镇村干部已到场扑救。')
    assert.equal(await overflowOf(township), 0, 'the form fits the phone')
    await screenshot(township, 'duty-incident-form-phone')
    await form.getByRole('button', { name: '报送' }).click()
    await township.waitForURL((url) => /^\/incidents\/[0-9a-f-]{36}$/.test(url.pathname))
    incidentId = new URL(township.url()).pathname.split('/')[2] ?? ''
    await township.getByRole('heading', { name: TITLE, level: 2 }).waitFor()
    await screenshot(township, 'duty-incident-page-phone')
    await township.context().close()

    // Live on the board: the banner flashes, the phone step is done, the written one counts down.
    await board
      .getByRole('alert')
      .filter({ hasText: `新报告突发事件：${TITLE}` })
      .waitFor()
    await incidentRegion(board).waitFor()
    assert.equal(
      await stepItem(board, PHONE_STEP.label).getAttribute('data-state'),
      'done',
      '首报 by phone at 23:15 satisfies the 1-hour phone step',
    )
    await stepItem(board, WRITTEN_STEP.label).getByText(short(WRITTEN_STEP.due)).waitFor()
    await stepItem(board, WRITTEN_STEP.label)
      .getByText(/剩余 1:5\d:\d\d/)
      .waitFor()
    await screenshot(board, 'duty-board-new-incident-1280')

    // Past midnight the written report's countdown runs on.
    await moveTo(board, at('23:40'))
    await moveTo(board, at('00:05', '29'))
    await stepItem(board, WRITTEN_STEP.label)
      .getByText(/剩余 1:0\d:\d\d/)
      .waitFor()
    await moveTo(board, at('00:30', '29'))
    await moveTo(board, at('00:55', '29'))
    // The office touches its screen now and then: the next alert may sound (browsers mute a page
    // not touched since it loaded).
    await board.getByRole('heading', { name: '值班台', level: 2 }).click()
    await stepItem(board, WRITTEN_STEP.label)
      .getByText(/剩余 0:1\d:\d\d/)
      .waitFor()
  })

  it('the written deadline passes: the duty leader is alerted once, the board flashes live', async () => {
    const leaderOnCall = (
      await (await apiAs(server.url, 'ml-dutyOfficer-1')).get('/api/duty/board')
    ).leaderOnCall as { name: string } | null
    assert.ok(leaderOnCall, 'a 带班领导 is on call at 00:55 (the demo roster)')
    const leader = demoRoster('muli').people.find((person) => person.name === leaderOnCall.name)
    assert.ok(leader, `${leaderOnCall.name} is in the roster`)

    clock = new Date(Date.parse(WRITTEN_STEP.due) + 60_000)
    await server.runJobs()
    await server.runJobs()
    const banner = board.getByRole('alert').filter({ hasText: `报送时限已过：${TITLE}` })
    await banner.waitFor()
    assert.equal(await banner.getAttribute('data-sound'), 'played', 'the alert sounded')
    // The step turns overdue on the next tick of the live countdown: wait for it, not one read.
    await stepItem(board, WRITTEN_STEP.label).and(board.locator('[data-state="overdue"]')).waitFor()
    await screenshot(board, 'duty-board-overdue-1280')

    const messages = (await (await apiAs(server.url, leader.key)).get('/api/notifications'))
      .items as { kind: string; link: string | null }[]
    const alerts = messages.filter(
      (message) =>
        message.kind === 'incidentOverdue' && message.link === `/incidents/${incidentId}`,
    )
    assert.equal(alerts.length, 1, 'the 带班领导 is alerted once, however often the jobs run')
  })

  it('the written report comes late; the register holds it and the office makes a circular', async () => {
    clock = at('01:25', '29')
    const township = await open('ml-townshipHead-qiaowa', `/incidents/${incidentId}`, true)
    const form = township.getByRole('form', { name: '报送报告' })
    await form.getByLabel('续报').check()
    await form.getByLabel('书面报告').check()
    // A written report carries every element the rule asks for (要素完整).
    for (const element of await form.locator('textarea[id^="elements_"]').all())
      await element.fill('详见书面报告。')
    await form.getByLabel('报告内容').fill('书面报告：火灾已扑灭，过火面积约80平方米，无人员伤亡。')
    await form.getByRole('button', { name: '报送' }).click()
    await township.getByText('迟报 15 分钟').waitFor()
    await township.context().close()

    const office = await open('ml-dutyOfficer-1', '/duty/late-register')
    const row = office.getByRole('row').filter({ hasText: TITLE })
    await row.getByText('迟报', { exact: true }).waitFor()
    await row.getByText('15 分钟').waitFor()
    await screenshot(office, 'duty-late-register-1280')
    await office.getByRole('button', { name: '生成通报' }).click()
    await office.waitForURL((url) => url.pathname.startsWith('/duty/circulars/'))
    await office.getByRole('heading', { level: 2 }).filter({ hasText: '通报' }).waitFor()
    await office.getByRole('row').filter({ hasText: TITLE }).waitFor()
    await office.getByText('第八十九条').first().waitFor()
    await screenshot(office, 'duty-circular-1280')
    await office.context().close()
    await board.context().close()

    // The board on the office's phone: no sideways scrolling.
    const phone = await open('ml-dutyOfficer-1', '/duty', true)
    await incidentRegion(phone).waitFor()
    assert.equal(await overflowOf(phone), 0, '值班台 fits the phone')
    await screenshot(phone, 'duty-board-phone')
    await phone.context().close()
  })

  it('the 2026 National Day roster is generated from the calendar and shows its gap', async () => {
    // Both 值班员 of the 总值班室 are away on 3 October (approved, as 请销假 leaves it).
    for (const username of ['ml-dutyOfficer-1', 'ml-dutyOfficer-2'])
      await awayOn(username, '2026-10-03')
    // The year is asked outright: the page's default is the server's year, whatever the date.
    const office = await open('ml-dutyOfficeHead', '/duty/rosters?holiday=nationalDay&year=2026')
    await office.getByRole('heading', { name: '值班表', level: 2 }).waitFor()
    await choose(office, '值班单位', '县政府总值班室')
    await office.getByText(/国庆节放假 2026-10-01 至/).waitFor()
    await office.getByRole('button', { name: '生成值班表' }).click()
    const roster = office.getByRole('region', { name: '值班表' })
    await roster.getByText(/有 \d+ 个班次存在空缺/).waitFor()
    const october3 = roster.getByRole('row').filter({ hasText: '10-03（' })
    await october3.getByText(/值班员不足/).waitFor()
    await screenshot(office, 'duty-national-day-roster-1280')
    await office.context().close()
  })
})
