import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { join } from 'node:path'
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/launch-browser.ts'
import { PHONE } from './support/phone.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { pick, region, settled } from './support/ui.ts'

// Issue 12 part 7 in Debian's Chromium, on 钟山区: Enter in the 会议时间 picker confirms the time
// and nothing more (the 地点 typed next is kept); the title states its limit before submission;
// the office edits the meeting until it opens; rule ids show only with 显示规则编号 on, and the
// choice is remembered.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const MEETING = '区人民政府2026年第6次常务会议'

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let meetingUrl = ''

before(async () => {
  server = await startDemoServer({ now: () => MONDAY })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(username: string, device = {}): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, {
    serverClock: true,
    device,
    clock: MONDAY,
  })
  await page.getByRole('heading', { name: '工作台' }).waitFor()
  return page
}

/** Rows of 本月会议 on the calendar page naming the meeting. */
async function meetingsListed(page: Page): Promise<number> {
  await page.goto(`${server.url}/meetings`)
  const month = region(page, '本月会议')
  await month.getByRole('table').waitFor()
  // Counted once the list has loaded: the table is drawn, empty, while it loads.
  await month.locator('.ant-spin-spinning').waitFor({ state: 'detached' })
  return month.getByRole('row', { name: new RegExp(MEETING) }).count()
}

describe('forms that behave', () => {
  it('Enter in the time picker does not create the meeting; the button does, with the place', async () => {
    const page = await signIn('zs-secretariat')
    assert.equal(await meetingsListed(page), 0)
    await page.getByRole('button', { name: '安排会议' }).click()
    const dialog = page.getByRole('dialog', { name: '安排会议' })
    await pick(page, dialog.getByLabel('会议种类'), ['区人民政府常务会议'])
    // The limit is said before submission: a counter under the title.
    await dialog.getByText('0 / 100').first().waitFor()
    await dialog.getByLabel('会议名称').fill(MEETING)
    await dialog.getByText(`${MEETING.length} / 100`).waitFor()
    await dialog.getByLabel('会议时间').fill('2026-03-12 09:00')
    await dialog.getByLabel('会议时间').press('Enter')
    // Enter again, once the picker has closed: still no submission.
    await dialog.getByLabel('会议时间').press('Enter')
    await dialog.getByLabel('地点').fill('区政府三楼会议室')
    await dialog.getByLabel('地点').press('Enter')
    await page.waitForTimeout(500)
    assert.ok(await dialog.isVisible(), 'Enter closed the form')
    assert.match(page.url(), /\/meetings$/, 'Enter created the meeting')
    // The viewport only: a full-page capture resizes the page under the open dialog.
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'forms-behave-schedule-1280.png') })
    await dialog.getByRole('button', { name: '确定安排' }).click()
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    await page.getByText('区政府三楼会议室').waitFor()
    meetingUrl = page.url()
    // Exactly one: none was created by an Enter along the way.
    assert.equal(await meetingsListed(page), 1)
    await page.context().close()
  })

  it('the office edits the meeting before it opens; the history says what changed', async () => {
    const page = await signIn('zs-secretariat')
    await page.goto(meetingUrl)
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    await page.getByRole('button', { name: '编辑会议' }).click()
    const dialog = page.getByRole('dialog', { name: '修改会议' })
    await dialog.getByLabel('地点').fill('区政府五楼会议室')
    await dialog.getByLabel('会议时间').fill('2026-03-13 15:00')
    await dialog.getByLabel('会议时间').press('Enter')
    await dialog.getByLabel('地点').press('Enter')
    await page.waitForTimeout(300)
    assert.ok(await dialog.isVisible(), 'Enter submitted the edit')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'forms-behave-edit-1280.png') })
    await dialog.getByRole('button', { name: '保存修改' }).click()
    await page.getByText('2026-03-13 15:00（北京时间）').waitFor()
    await page.getByText('区政府五楼会议室').first().waitFor()
    const history = region(page, '会议记录')
    await history.getByText('修改会议').waitFor()
    await history.getByText(/地点：区政府五楼会议室/).waitFor()
    await page.context().close()
  })

  it('rule ids only with 显示规则编号 on, remembered in the browser', async () => {
    const page = await signIn('zs-secretariat')
    await page.goto(meetingUrl)
    const history = region(page, '会议记录')
    await history
      .getByText(/依据：/)
      .first()
      .waitFor()
    assert.equal(await history.getByText(/zhongshan\.|national\./).count(), 0)
    await history.getByRole('switch', { name: '显示规则编号' }).click()
    await history
      .getByText(/zhongshan\.meeting/)
      .first()
      .waitFor()
    await screenshot(page, 'forms-behave-rule-ids-1280')
    await page.reload()
    await region(page, '会议记录')
      .getByText(/zhongshan\.meeting/)
      .first()
      .waitFor()
    await region(page, '会议记录').getByRole('switch', { name: '显示规则编号' }).click()
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    assert.equal(
      await region(page, '会议记录')
        .getByText(/zhongshan\./)
        .count(),
      0,
    )
    await page.context().close()
  })

  it('what is typed survives the window crossing the phone breakpoint (992 px) and back', async () => {
    const page = await signIn('zs-secretariat')
    await page.goto(meetingUrl)
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    await page.getByRole('button', { name: '编辑会议' }).click()
    const dialog = page.getByRole('dialog', { name: '修改会议' })
    await dialog.getByLabel('地点').fill('区政府三楼会议室（暂定）')
    await page.setViewportSize({ width: 900, height: 800 })
    await page.getByRole('button', { name: '打开菜单' }).waitFor()
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('menu', { name: '主导航' }).waitFor()
    assert.equal(await dialog.getByLabel('地点').inputValue(), '区政府三楼会议室（暂定）')
    await page.context().close()
  })

  it('at 390×844 the edit dialog fits the phone', async () => {
    const page = await signIn('zs-secretariat', PHONE)
    await page.goto(meetingUrl)
    await page.getByRole('heading', { name: MEETING, exact: true }).waitFor()
    await screenshot(page, 'forms-behave-meeting-390')
    await page.getByRole('button', { name: '编辑会议' }).click()
    const dialog = page.getByRole('dialog', { name: '修改会议' })
    await dialog.getByLabel('地点').waitFor()
    await settled(page)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'forms-behave-edit-390.png') })
    const box = await dialog.boundingBox()
    assert.ok(box && box.width <= 390, `dialog ${box?.width} wide`)
    await page.context().close()
  })
})
