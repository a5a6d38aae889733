import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import {
  addTags,
  checkRecipients,
  choose,
  documentState as state,
  field,
  option,
  confirmAct,
} from './support/ui.ts'

// 发文 in Debian's Chromium against the real server, the story of outgoing-documents.test.ts:
// 区财政局 drafts a 钟府发 通知 (下行文) with 会签 by 区教育局 and 荷城街道, which two deputies
// oversee. The plan of 第三十二条 shows from the start; 区教育局 agrees; the bureau head, the office
// director and the executive deputy review; the executive deputy in his own post may not sign;
// on Tuesday the head must wait for 荷城街道 (due Thursday, 第二十九条); on Friday its silence counts
// as no objection and the head signs; the desk numbers, issues and archives it.
const TITLE = '关于做好2026年财政预算执行工作的通知'
const SOURCE = '《六盘水市钟山区人民政府工作规则》'
const PLAN =
  '经 涉及部门（相关部门）主要负责人 → 区人民政府办公室主任 → 分管副区长 审核后，由区长签发（钟府发：区人民政府重要公文）'
const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

// The server's clock: the seed (and its week of acting for the head) starts on Monday. Sessions
// idle out after 30 minutes, so every step signs in afresh after the clock moves.
let clock = MONDAY
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let documentId = ''

before(async () => {
  server = await startDemoServer({ now: () => clock })
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

/** One unit's line in the 会签 list of the plan card. */
function countersign(page: Page, unit: string): Locator {
  return page.getByRole('list', { name: '会签' }).getByRole('listitem').filter({ hasText: unit })
}

async function openDocument(username: string): Promise<Page> {
  const page = await signIn(username, `/documents/${documentId}`)
  await page.getByRole('heading', { name: TITLE }).waitFor()
  return page
}

async function review(username: string, nextState: string): Promise<Page> {
  const page = await openDocument(username)
  await page.getByLabel('核稿意见').fill('同意')
  await page.getByRole('button', { name: '核稿签字' }).click()
  await page.getByText('已办理').first().waitFor()
  await state(page, nextState).waitFor()
  return page
}

describe('outgoing documents (发文)', () => {
  it('a bureau head drafts a 钟府发 notice; the plan and 第三十二条 show before anyone signs', async () => {
    const page = await signIn('zs-departmentHead-9')
    await page.getByRole('menuitem', { name: '拟稿发文' }).click()
    await page.getByRole('heading', { name: '拟稿发文' }).waitFor()
    // Nothing filled in: the form says what is missing, in Chinese, and sends nothing.
    await page.getByRole('button', { name: '拟稿送审' }).click()
    await page.getByText('请选择发文字号前缀').waitFor()
    await page.getByText('请填写标题').waitFor()
    await page.getByText('请填写主送机关').waitFor()

    await choose(page, '发文字号前缀', '钟府发（区人民政府重要公文）')
    await choose(page, '文种', '通知')
    await page.getByLabel('标题').fill(TITLE)
    await page.getByLabel('密级').click()
    await option(page, '机密').waitFor()
    assert.equal(await option(page, '绝密').count(), 0)
    await option(page, '公开').click()
    // Units and groups come from the organisation; the 区委办公室 is outside: paper.
    await checkRecipients(page, '主送', ['各乡（镇）人民政府、街道办事处', '区政府各部门'])
    await addTags(page, '抄送外部单位', ['区委办公室'])
    // 会签 is asked of other units: the drafting bureau is not on offer.
    await page.getByLabel('会签单位').click()
    await option(page, '区教育局').waitFor()
    assert.equal(await option(page, '区财政局').count(), 0)
    for (const unit of ['区教育局', '荷城街道']) {
      await option(page, unit).click()
      await page.locator('.ant-select-selection-item', { hasText: unit }).waitFor()
    }
    await page.keyboard.press('Escape')
    await page
      .getByLabel('正文')
      .fill(
        '各乡（镇）人民政府、街道办事处，区政府各部门：\n现就做好2026年财政预算执行工作通知如下。',
      )
    await screenshot(page, 'outgoing-draft')
    await page.getByRole('button', { name: '拟稿送审' }).click()
    await page.getByText('已拟稿送审').waitFor()
    await page.getByRole('heading', { name: TITLE }).waitFor()
    documentId = new URL(page.url()).pathname.split('/').at(-1) ?? ''

    await state(page, '核稿中').waitFor()
    await field(page, '发文字号').getByText('签发后登记编号（钟府发）').waitFor()
    await field(page, '拟稿单位').getByText('区财政局').waitFor()
    await field(page, '主送').getByText('各乡（镇）人民政府、街道办事处、区政府各部门').waitFor()
    await field(page, '抄送').getByText('区委办公室').waitFor()
    // The plan fixed at drafting, with who alone may sign and the article saying so.
    await page.getByText(PLAN, { exact: true }).waitFor()
    await page.getByText(`需区长签发 — ${SOURCE}第三十二条`).waitFor()
    await page.getByText('核稿：区人民政府办公室主任').waitFor()
    await page.getByText('签发：区长').waitFor()
    await countersign(page, '区教育局').getByText('待回复').waitFor()
    await countersign(page, '荷城街道').getByText('回复期限 2026-03-05').waitFor()
    await page.getByText('会签回复期限：2026-03-05').waitFor()
    // The first 核稿 step is the drafting unit's head: the drafter's own post.
    await page.getByLabel('核稿意见').waitFor()
    await page.context().close()
  })

  it('区教育局 finds the 会签 in 待办 and agrees', async () => {
    const page = await signIn('zs-departmentHead-10')
    await page.getByRole('menuitem', { name: '待办' }).click()
    await page.getByRole('heading', { name: '待办' }).waitFor()
    const row = page.getByRole('row').filter({ hasText: TITLE })
    await row.getByText('发文', { exact: true }).waitFor()
    await row.getByText('会签', { exact: true }).waitFor()
    await row.getByRole('cell', { name: '区财政局', exact: true }).waitFor()
    await row.getByText('2026-03-05').waitFor()
    await screenshot(page, 'outgoing-inbox')

    await row.getByRole('link', { name: TITLE }).click()
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await page.getByText('请于 2026-03-05 前回复').waitFor()
    await page.getByRole('button', { name: '会签', exact: true }).click()
    await page.getByText('已办理').first().waitFor()
    await countersign(page, '区教育局').getByText('同意').waitFor()
    await page.getByText('会签单位：区教育局').waitFor()
    await page.getByText('您在这份公文上没有待办事项').waitFor()
    await page.context().close()
  })

  it('核稿 follows 第三十二条: the bureau head, the office director, the overseeing deputy', async () => {
    const bureau = await review('zs-departmentHead-9', '核稿中')
    await bureau.getByText('送核稿：区人民政府办公室主任').waitFor()
    await bureau.context().close()

    const director = await review('zs-officeDirector', '核稿中')
    await director.getByText('送核稿：常务副区长').waitFor()
    await director.context().close()

    const deputy = await review('zs-executiveDeputy', '待签发')
    await deputy.getByText('送签发：区长').waitFor()
    // This week he also acts for the head: signing is a task of the head's post, not his own.
    await deputy.getByText('此事项须以“代理：区长”身份办理').waitFor()
    await deputy.context().close()
  })

  it('the executive deputy, back in his own post, is refused with 第三十二条', async () => {
    const acting = await openDocument('zs-executiveDeputy')
    await acting.getByRole('button', { name: '切换到此职务' }).click()
    await acting.getByText('已切换为：区长').waitFor()
    await acting.getByRole('button', { name: '签发', exact: true }).waitFor()
    // In another tab he switches back to 常务副区长; the first tab's 签发 now comes from his own
    // post, and the server refuses it by the rulebook.
    const own = await acting.context().newPage()
    await own.goto(`${server.url}/documents/${documentId}`)
    await own.getByRole('heading', { name: TITLE }).waitFor()
    await own.getByLabel('当前职务').click()
    await own.getByRole('option', { name: '常务副区长' }).click()
    await own.getByText('已切换为：常务副区长').waitFor()

    await confirmAct(acting, '签发')
    const refusal = acting.getByRole('alert').filter({ hasText: '常务副区长无权签发此件' })
    await refusal.getByText(`依据：${SOURCE}第三十二条`).waitFor()
    await state(acting, '待签发').waitFor()
    await acting.context().close()
  })

  it('on Tuesday the head must wait: 荷城街道 may reply until 2026-03-05 (第二十九条)', async () => {
    clock = day(1)
    const page = await openDocument('zs-principal')
    await page.getByRole('button', { name: '签发', exact: true }).waitFor()
    await page.getByText(`需区长签发 — ${SOURCE}第三十二条`).first().waitFor()
    await screenshot(page, 'outgoing-document-before-signing')
    await confirmAct(page, '签发')
    const refusal = page.getByRole('alert').filter({ hasText: '会签尚未回复，不能签发' })
    await refusal.getByText(/截止 2026-03-05/).waitFor()
    await refusal.getByText(`依据：${SOURCE}第二十九条`).waitFor()
    await state(page, '待签发').waitFor()
    await countersign(page, '荷城街道').getByText('待回复').waitFor()
    await page.context().close()
  })

  it('on Friday the reply is overdue, deemed no objection, and the head signs', async () => {
    clock = day(4)
    const page = await openDocument('zs-principal')
    await page.getByLabel('签发意见').fill('签发')
    await confirmAct(page, '签发')
    await state(page, '已签发待编号').waitFor()
    await page.getByText('会签逾期未回复，视为无不同意见：荷城街道').waitFor()
    await countersign(page, '荷城街道').getByText('逾期未回复，视为无不同意见').waitFor()
    await page.getByText('王建国（区长）').first().waitFor()
    await page.context().close()
  })

  it('the desk numbers it 钟府发〔2026〕1号 and issues it 主动公开, with its DOCX', async () => {
    const page = await signIn('zs-secretariat')
    await page.getByRole('menuitem', { name: '待办' }).click()
    const row = page.getByRole('row').filter({ hasText: TITLE })
    await row.getByText('登记编号', { exact: true }).waitFor()
    await row.getByRole('link', { name: TITLE }).click()
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await page.getByRole('button', { name: '登记编号' }).click()
    await state(page, '已编号待印发').waitFor()
    await field(page, '发文字号').getByText('钟府发〔2026〕1号', { exact: true }).waitFor()
    await page.getByText('发文字号：钟府发〔2026〕1号').waitFor()
    await screenshot(page, 'outgoing-document-numbered')

    // 不予公开 needs its reason before anything is sent.
    await page.getByLabel('不予公开').check()
    await page.getByRole('button', { name: '用印印发' }).click()
    await page.getByText('不予公开的，请写明理由').waitFor()
    await page.getByLabel('主动公开').check()
    await page.getByRole('button', { name: '用印印发' }).click()
    await state(page, '已印发').waitFor()
    await field(page, '公开属性').getByText('主动公开').waitFor()
    await page.getByText('公开属性：主动公开').waitFor()

    // The GB/T 9704 layout comes down as a .docx with the session's cookie.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载 DOCX/ }).click(),
    ])
    assert.match(download.suggestedFilename(), /\.docx$/)
    const bytes = await readFile(await download.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')
    await page.context().close()
  })

  it('the drafting unit reads it; the desk archives it', async () => {
    const bureau = await openDocument('zs-departmentHead-9')
    await bureau.getByText('公文已印发（钟府发〔2026〕1号），请阅知。').waitFor()
    await bureau.getByRole('button', { name: '已阅' }).click()
    await bureau.getByText('您在这份公文上没有待办事项').waitFor()
    await bureau.context().close()

    const desk = await openDocument('zs-secretariat')
    await confirmAct(desk, '归档')
    await state(desk, '已归档').waitFor()
    await desk.getByText('您在这份公文上没有待办事项').waitFor()
    // Every step is in the history: 拟稿, 会签, three 核稿, 签发, 编号, 印发, 已阅, 归档.
    assert.equal(await desk.locator('.ant-timeline-item').count(), 10)
    await desk.context().close()
  })
})
