import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { choose, chooseMany as chooseUnits, documentState as state, option } from './support/ui.ts'

// 收文 in Debian's Chromium against the real server: 荷城街道 sends a 请示 up; the office's desk
// registers and accepts it, the office director proposes it to the two deputies whose portfolios
// it crosses, both instruct, the desk refers it, both handling units finish it. A second 请示
// with two matters is returned with the article it breaks.
const TITLE = '关于申请拨付荷城街道老旧小区改造资金的请示'
const RETURNED_TITLE = '关于申请增加荷城街道环卫经费和人员编制的请示'

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let documentId = ''

before(async () => {
  server = await startDemoServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(username: string, landing?: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, { landing })
  if (!landing) await page.getByRole('heading', { name: '工作台' }).waitFor()
  return page
}

async function openDocument(username: string, id = documentId, title = TITLE): Promise<Page> {
  const page = await signIn(username, `/documents/${id}`)
  await page.getByRole('heading', { name: title }).waitFor()
  return page
}

async function submitRequest(page: Page, title: string, body: string): Promise<string> {
  await page.getByRole('menuitem', { name: '报送公文' }).click()
  await page.getByRole('heading', { name: '报送公文' }).waitFor()
  await choose(page, '文种', '请示')
  await page.getByLabel('标题').fill(title)
  await choose(page, '密级', '内部')
  await page.getByLabel('正文').fill(body)
  await page.getByRole('button', { name: '报送', exact: true }).click()
  await page.getByText('已报送').waitFor()
  await page.getByRole('heading', { name: title }).waitFor()
  return new URL(page.url()).pathname.split('/').at(-1) ?? ''
}

describe('incoming documents (收文)', () => {
  it('a township head submits a 请示; 绝密 is not on offer', async () => {
    const page = await signIn('zs-townshipHead')
    await page.getByRole('menuitem', { name: '报送公文' }).click()
    await page.getByRole('heading', { name: '报送公文' }).waitFor()
    await choose(page, '文种', '请示')
    await page.getByLabel('标题').fill(TITLE)
    await page.getByLabel('来文文号').fill('荷街呈〔2026〕3号')
    await page.getByLabel('密级').click()
    await option(page, '机密').waitFor()
    assert.equal(await option(page, '绝密').count(), 0)
    await option(page, '内部').click()
    await page.getByLabel('签发人').fill('孙丽')
    await page.getByLabel('签发人').press('Enter')
    await page.getByLabel('联系人').fill('孙丽 0858-8221234')
    await page
      .getByLabel('正文')
      .fill('区人民政府：\n为推进老旧小区改造，申请拨付专项资金。\n妥否，请批示。')
    // The jurisdiction is the main recipient unless changed.
    await page.getByText('六盘水市钟山区人民政府').first().waitFor()
    await screenshot(page, 'document-new')
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText('已报送').waitFor()
    await page.getByRole('heading', { name: TITLE }).waitFor()
    documentId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await state(page, '待签收').waitFor()
    await page.getByText('荷街呈〔2026〕3号').waitFor()
    // The head has nothing to do on it now; registration is the office's.
    await page.getByText('您在这份公文上没有待办事项').waitFor()
    await page.context().close()
  })

  it('the desk finds it in 待办 with its deadline, registers and accepts it', async () => {
    const page = await signIn('zs-secretariat')
    await page.getByRole('menuitem', { name: '待办' }).click()
    await page.getByRole('heading', { name: '待办' }).waitFor()
    const row = page.getByRole('row').filter({ hasText: TITLE })
    await row.getByRole('cell', { name: '荷城街道', exact: true }).waitFor()
    await row.getByText('签收', { exact: true }).waitFor()
    await row.getByText(/今日到期|剩 \d+ 个工作日/).waitFor()
    await screenshot(page, 'inbox')

    await row.getByRole('link', { name: TITLE }).click()
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await page.getByRole('button', { name: '签收登记' }).click()
    await page.getByText('已办理').first().waitFor()
    await state(page, '已登记待初审').waitFor()
    // 第三十一条: the processing limit runs from receipt, in working days.
    const due = page.locator('.ant-descriptions-item', { hasText: '办理期限' })
    await due.getByText(/^\d{4}-\d{2}-\d{2}$/).waitFor()
    await due.getByText(/剩 \d+ 个工作日|今日到期/).waitFor()
    await page.getByText('第三十一条').first().waitFor()

    await page.getByRole('button', { name: '受理', exact: true }).click()
    await state(page, '待拟办').waitFor()
    await page.getByText('初审受理').waitFor()
    await page.context().close()
  })

  it('the office director proposes it to the deputies of both units concerned', async () => {
    const page = await openDocument('zs-officeDirector')
    await page.getByLabel('拟办意见').fill('拟请城建、财政分管领导审批。')
    await chooseUnits(page, '其他涉及单位', ['区财政局'])
    await page.getByRole('button', { name: '呈批' }).click()
    await state(page, '待批示').waitFor()
    await page.getByText('另涉及单位：区财政局').waitFor()
    // 荷城街道 is overseen by the 城建 deputy, 区财政局 by the executive deputy.
    const routed = page.getByText(/^呈批：/)
    assert.match((await routed.textContent()) ?? '', /副区长（城建）/)
    assert.match((await routed.textContent()) ?? '', /常务副区长/)
    await page.context().close()
  })

  it('one deputy instructs, the other circles it', async () => {
    const urban = await openDocument('zs-deputy-3')
    await urban.getByLabel('批示意见').fill('同意')
    await urban.getByRole('button', { name: '批示', exact: true }).click()
    await urban.getByText('您在这份公文上没有待办事项').waitFor()
    await urban.getByText('刘晓燕（副区长（城建））').waitFor()
    await state(urban, '待批示').waitFor()
    await urban.context().close()

    const executive = await openDocument('zs-executiveDeputy')
    await executive.getByRole('button', { name: '圈阅' }).click()
    await state(executive, '待转办').waitFor()
    await executive.getByText(/^圈阅（/).waitFor()
    await executive.context().close()
  })

  it('the desk refers it to two units and both finish it', async () => {
    const desk = await openDocument('zs-secretariat')
    await chooseUnits(desk, '承办单位', ['区财政局', '荷城街道'])
    await desk.getByRole('button', { name: '转办' }).click()
    await state(desk, '办理中').waitFor()
    await desk.getByText('承办单位：区财政局（主办）、荷城街道').waitFor()
    await desk.context().close()

    const bureau = await openDocument('zs-departmentHead-9')
    await bureau.getByLabel('办理结果').fill('专项资金已列入年度预算安排。')
    await bureau.getByRole('button', { name: '办结' }).click()
    await bureau.getByText('承办单位办结').waitFor()
    await state(bureau, '办理中').waitFor()
    await bureau.context().close()

    const township = await openDocument('zs-townshipHead')
    await township.getByLabel('办理结果').fill('已组织实施改造。')
    await township.getByRole('button', { name: '办结' }).click()
    await state(township, '已办结').waitFor()
    await township.getByText('办结并答复').waitFor()
    await township.getByText('办理结果已答复本单位，请阅知。').waitFor()
    const actions = await township.locator('.ant-timeline-item').count()
    assert.equal(actions, 9)
    await screenshot(township, 'document-flow')
    await township.context().close()
  })

  it('a 请示 with two matters is returned, citing 第十五条', async () => {
    const township = await signIn('zs-townshipHead')
    const id = await submitRequest(
      township,
      RETURNED_TITLE,
      '申请增加环卫经费，并申请增加人员编制。妥否，请批示。',
    )
    await township.context().close()

    const desk = await openDocument('zs-secretariat', id, RETURNED_TITLE)
    await desk.getByRole('button', { name: '签收登记' }).click()
    await state(desk, '已登记待初审').waitFor()
    await desk.getByLabel('请示未一文一事').check()
    assert.equal(await desk.getByRole('button', { name: '受理', exact: true }).isDisabled(), true)
    await desk.getByRole('button', { name: '退回' }).click()
    await state(desk, '已退回').waitFor()
    const panel = desk.getByRole('alert').filter({ hasText: '第十五条' })
    await panel.getByText('请示应当一文一事').waitFor()
    await screenshot(desk, 'document-returned')
    await desk.context().close()

    // The unit gets it back to revise.
    const back = await signIn('zs-townshipHead')
    await back.getByRole('menuitem', { name: '待办' }).click()
    const row = back.getByRole('row').filter({ hasText: RETURNED_TITLE })
    await row.getByText('退回修改').waitFor()
    await back.context().close()
  })

  it('a refusal by rule shows the message with the article it rests on', async () => {
    const page = await signIn('zs-townshipHead')
    // The form offers only lawful 文种; an altered client sends another one anyway.
    await page.route('**/api/documents/incoming', (route) =>
      route.continue({
        postData: JSON.stringify({ ...route.request().postDataJSON(), kind: '请示报告' }),
      }),
    )
    await page.getByRole('menuitem', { name: '报送公文' }).click()
    await choose(page, '文种', '请示')
    await page.getByLabel('标题').fill('关于申请拨付资金的请示报告')
    await choose(page, '密级', '内部')
    await page.getByRole('button', { name: '报送', exact: true }).click()
    const refusal = page.getByRole('alert').filter({ hasText: '不是法定公文文种' })
    await refusal.getByText('依据：《党政机关公文处理工作条例》第八条').waitFor()
    assert.equal(new URL(page.url()).pathname, '/documents/new')
    await page.context().close()
  })

  it('administrators have no 待办 and no 报送公文', async () => {
    const page = await signIn('systemAdmin')
    assert.equal(await page.getByRole('menuitem', { name: '待办' }).count(), 0)
    assert.equal(await page.getByRole('menuitem', { name: '报送公文' }).count(), 0)
    await page.goto(`${server.url}/inbox`)
    await page.getByText('管理员不办理公文，没有待办事项').waitFor()
    await page.context().close()
  })
})
