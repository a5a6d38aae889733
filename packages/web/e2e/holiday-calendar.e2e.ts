import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { officialCalendarData } from '@zhengling/rules'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { overflowOf, PHONE } from './support/phone.ts'
import { signIn } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { settled } from './support/ui.ts'

// 工作日历 in Chromium: the system admin pastes next year's State Council notice, reads it back
// on month grids, activates it with a confirmation; on a phone the page fits the screen.
const year = Math.max(...officialCalendarData().covers) + 1
const weekday = (date: string) => '日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''
const NOTICE = `国务院办公厅关于${year}年部分节假日安排的通知
一、元旦：1月1日（周${weekday(`${year}-01-01`)}）放假1天。
二、国庆节：10月1日（周${weekday(`${year}-10-01`)}）至7日（周${weekday(`${year}-10-07`)}）放假调休，共7天。`

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser

before(async () => {
  server = await startDemoServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

describe('next year’s working calendar', () => {
  it('the system admin reads the notice on month grids and activates it', async () => {
    const page = await signIn(browser, server.url, 'systemAdmin')
    await page.getByRole('menuitem', { name: '工作日历' }).click()
    await page.getByRole('heading', { name: '工作日历' }).waitFor()
    await page.getByText(`${year}年：未载入：法定节假日已计入，调休未知`).waitFor()

    await page.getByLabel('通知全文').fill(NOTICE)
    await page.getByRole('button', { name: '解析并核对' }).click()
    await page.getByRole('grid', { name: `${year}年10月` }).waitFor()
    assert.equal(
      await page
        .getByRole('grid', { name: `${year}年10月` })
        .getByText('休')
        .count(),
      7,
    )
    // The pasted notice leaves 春节 out: the review says so before anything is stored.
    await page.getByText('以下法定节假日未出现在通知的放假日期中').waitFor()
    await screenshot(page, 'calendar-review')

    await page.getByRole('button', { name: '启用此安排' }).click()
    await settled(page)
    await page.getByRole('tooltip').getByRole('button', { name: '启用' }).click()
    await page.getByText('已启用。以下期限在暂定日历上计算').waitFor()
    await page.getByText(`${year}年：已载入国务院安排`).waitFor()
    await page.context().close()
  })

  it('fits a phone', async () => {
    const page = await signIn(browser, server.url, 'systemAdmin', undefined, { device: PHONE })
    await page.goto(`${server.url}/calendar`)
    await page.getByRole('heading', { name: '工作日历' }).waitFor()
    await page.getByRole('grid', { name: `${year}年10月` }).waitFor()
    assert.equal(await overflowOf(page), 0)
    await screenshot(page, 'calendar-phone')
    await page.context().close()
  })
})
