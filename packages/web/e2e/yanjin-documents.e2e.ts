import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import {
  checkRecipients,
  choose,
  chooseMany,
  documentState as state,
  field,
  refusal,
  confirmAct,
} from './support/ui.ts'

// 延津县 in Debian's Chromium: an outgoing 延政 通知 of 县教育局 with the 会签 of 县卫生健康委员会,
// a unit of the same deputy's portfolio. 三十三: 以县政府名义制发的其他公文，由副县长按分工签发 —
// shown with its article before anyone signs; the 会签 answers within its 5 working days (三十);
// the deputy for education and health signs; the office's 综合股 numbers it 延政〔2026〕1号 and issues it.
const NOTICE = '关于做好2026年春季学校卫生防疫工作的通知'
const SOURCE = '《延津县人民政府工作规则》'

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let noticeId = ''

before(async () => {
  server = await startDemoServer({ now: () => new Date('2026-03-02T01:00:00Z') })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(username: string, landing?: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, {
    serverClock: true,
    landing,
  })
  if (!landing) await page.getByRole('heading', { name: '工作台' }).waitFor()
  return page
}

async function open(username: string): Promise<Page> {
  const page = await signIn(username, `/documents/${noticeId}`)
  await page.getByRole('heading', { name: NOTICE }).waitFor()
  return page
}

describe('延津县: an outgoing document with 会签 and sign-off', () => {
  it('县教育局 drafts a 延政 notice with the 会签 of 县卫生健康委员会', async () => {
    const page = await signIn('yj-departmentHead-education')
    await page.getByRole('menuitem', { name: '拟稿发文' }).click()
    await page.getByRole('heading', { name: '拟稿发文' }).waitFor()
    // 延政 is the rules' own prefix (延政〔2023〕73号); the roster adds the county's others.
    await choose(page, '发文字号前缀', '延政（县人民政府文件）')
    await choose(page, '文种', '通知')
    await page.getByLabel('标题').fill(NOTICE)
    await choose(page, '密级', '公开')
    await checkRecipients(page, '主送', ['各乡（镇）人民政府、街道办事处', '县政府各部门'])
    await chooseMany(page, '会签单位', ['县卫生健康委员会'])
    await page
      .getByLabel('正文')
      .fill(
        '各乡（镇）人民政府、街道办事处，县政府各部门：\n现就做好春季学校卫生防疫工作通知如下。',
      )
    await page.getByRole('button', { name: '拟稿送审' }).click()
    await page.getByRole('heading', { name: NOTICE }).waitFor()
    noticeId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    // 三十三: signed by the deputy of the portfolio, said before anyone signs.
    await page.getByText(`需分管副县长签发 — ${SOURCE}三十三`).waitFor()
    // 三十: 5 working days from Monday 2 March.
    await page.getByText('回复期限 2026-03-09').waitFor()
    await screenshot(page, 'yanjin-outgoing-draft')
    await page.context().close()
  })

  it('the 会签 answers; the deputy of the portfolio signs', async () => {
    const health = await open('yj-departmentHead-health')
    await health.getByRole('button', { name: '会签', exact: true }).click()
    await health.getByText('您在这份公文上没有待办事项').waitFor()
    await health.context().close()

    const deputy = await open('yj-deputy-2')
    await deputy.getByLabel('签发意见').fill('签发')
    await confirmAct(deputy, '签发')
    // Either signed, or the server's refusal, said at once.
    await state(deputy, '已签发待编号').or(refusal(deputy)).waitFor()
    if ((await refusal(deputy).count()) > 0) assert.fail(await refusal(deputy).first().innerText())
    await deputy.context().close()
  })

  it('the 综合股 numbers it 延政〔2026〕1号 and issues it', async () => {
    const desk = await open('yj-secretariat')
    await desk.getByRole('button', { name: '登记编号' }).click()
    await field(desk, '发文字号').getByText('延政〔2026〕1号', { exact: true }).waitFor()
    await desk.getByLabel('主动公开').check()
    await desk.getByRole('button', { name: '用印印发' }).click()
    await state(desk, '已印发').waitFor()
    await screenshot(desk, 'yanjin-outgoing-issued')
    await desk.context().close()
  })
})
