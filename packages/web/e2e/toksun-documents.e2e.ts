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
  confirmAct,
} from './support/ui.ts'

// 托克逊县 in Debian's Chromium: the same product, another rulebook. 收文: 托克逊镇 sends a 请示,
// the 文书科 desk registers and accepts it, the office director endorses it (六十五) to the deputy
// whose portfolio covers the township, who circles it (圈阅 on a 请示 = agree), the desk refers it
// back and the township finishes it. 发文: 县住建局 drafts a 托政发 通知 whose 会签 reaches 县教育局
// and 托克逊镇, in another deputy's portfolio: reviewed by both deputies (六十四), 托克逊镇 silent
// past its 7 working days (六十二), signed by the executive deputy, numbered 托政发〔2026〕1号.
const REQUEST = '关于申请托克逊镇农村饮水工程配套资金的请示'
const NOTICE = '关于开展城乡校舍安全排查整治的通知'
const SOURCE = '《托克逊县人民政府工作规则》'
const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

let clock = MONDAY
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
const ids: Record<string, string> = {}

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

async function open(username: string, title: string): Promise<Page> {
  const page = await signIn(username, `/documents/${ids[title]}`)
  await page.getByRole('heading', { name: title }).waitFor()
  return page
}

describe('托克逊县: incoming (收文)', () => {
  it('the township head submits a 请示 to the county government', async () => {
    const page = await signIn('tks-townshipHead')
    await page.getByRole('menuitem', { name: '报送公文' }).click()
    await page.getByRole('heading', { name: '报送公文' }).waitFor()
    await choose(page, '文种', '请示')
    await page.getByLabel('标题').fill(REQUEST)
    await choose(page, '密级', '内部')
    await page.getByLabel('签发人').fill('买买提江·艾力')
    await page.getByLabel('签发人').press('Enter')
    await page
      .getByLabel('正文')
      .fill('县人民政府：\n为保障农村饮水安全，申请配套资金。\n妥否，请批示。')
    // The county government is the main recipient unless changed.
    await page.getByText('托克逊县人民政府').first().waitFor()
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText('已报送').waitFor()
    await page.getByRole('heading', { name: REQUEST }).waitFor()
    ids[REQUEST] = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await state(page, '待签收').waitFor()
    await page.context().close()
  })

  it('the 文书科 desk registers it and accepts it against the county’s checklist', async () => {
    const page = await open('tks-secretariat', REQUEST)
    await page.getByRole('button', { name: '签收登记' }).click()
    await state(page, '已登记待初审').waitFor()
    // The county's own screening article is on the list with its number.
    await page
      .getByRole('group')
      .getByText(/（.*六十二.*）/)
      .first()
      .waitFor()
    await screenshot(page, 'toksun-screening')
    await page.getByRole('button', { name: '受理', exact: true }).click()
    await state(page, '待拟办').waitFor()
    await page.context().close()
  })

  it('the office director endorses it to the deputy whose portfolio covers the township', async () => {
    const page = await open('tks-officeDirector', REQUEST)
    await page.getByLabel('拟办意见').fill('拟请分管副县长审批。')
    await page.getByRole('button', { name: '呈批' }).click()
    await state(page, '待批示').waitFor()
    const routed = page.getByText(/^呈批：/)
    assert.match((await routed.textContent()) ?? '', /副县长（教育、乡镇）/)
    await page.getByText('六十五').first().waitFor()
    await page.context().close()
  })

  it('the deputy circles it, the desk refers it, the township finishes it', async () => {
    const deputy = await open('tks-deputy-2', REQUEST)
    await deputy.getByRole('button', { name: '圈阅' }).click()
    await state(deputy, '待转办').waitFor()
    await deputy.context().close()

    const desk = await open('tks-secretariat', REQUEST)
    await chooseMany(desk, '承办单位', ['托克逊镇'])
    await desk.getByRole('button', { name: '转办' }).click()
    await state(desk, '办理中').waitFor()
    await desk.context().close()

    const township = await open('tks-townshipHead', REQUEST)
    await township.getByLabel('办理结果').fill('配套资金已落实，工程已开工。')
    await township.getByRole('button', { name: '办结' }).click()
    await state(township, '已办结').waitFor()
    await screenshot(township, 'toksun-incoming-closed')
    await township.context().close()
  })
})

describe('托克逊县: outgoing (发文)', () => {
  it('县住建局 drafts a 托政发 notice crossing into another deputy’s portfolio', async () => {
    const page = await signIn('tks-departmentHead-housing')
    await page.getByRole('menuitem', { name: '拟稿发文' }).click()
    await page.getByRole('heading', { name: '拟稿发文' }).waitFor()
    // 托克逊's prefixes are its own settings: no article names them.
    await choose(page, '发文字号前缀', '托政发（县人民政府发文）')
    await choose(page, '文种', '通知')
    await page.getByLabel('标题').fill(NOTICE)
    await choose(page, '密级', '公开')
    await checkRecipients(page, '主送', ['各乡（镇）人民政府', '县政府各部门'])
    await chooseMany(page, '会签单位', ['县教育局', '托克逊镇'])
    await page
      .getByLabel('正文')
      .fill('各乡（镇）人民政府，县政府各部门：\n现就校舍安全排查整治通知如下。')
    await page.getByRole('button', { name: '拟稿送审' }).click()
    await page.getByRole('heading', { name: NOTICE }).waitFor()
    ids[NOTICE] = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await state(page, '核稿中').waitFor()
    // 六十四: work crossing portfolios is reviewed by the deputies concerned and signed by the
    // executive deputy — shown before anyone signs.
    await page.getByText(`需常务副县长签发 — ${SOURCE}六十四`).waitFor()
    await screenshot(page, 'toksun-outgoing-draft')
    await page.context().close()
  })

  it('one 会签 answers, both deputies review, the other 会签 lapses, the executive deputy signs', async () => {
    const education = await open('tks-departmentHead-education', NOTICE)
    await education.getByRole('button', { name: '会签', exact: true }).click()
    await education.getByText('您在这份公文上没有待办事项').waitFor()
    await education.context().close()

    for (const [username, next] of [
      ['tks-deputy-3', '核稿中'],
      ['tks-deputy-2', '待签发'],
    ] as const) {
      const page = await open(username, NOTICE)
      await page.getByLabel('核稿意见').fill('同意')
      await page.getByRole('button', { name: '核稿签字' }).click()
      await state(page, next).waitFor()
      await page.context().close()
    }

    // Wednesday 11 March is 托克逊镇's last day (7 working days); Thursday it is deemed agreed.
    clock = day(9)
    const early = await open('tks-executiveDeputy', NOTICE)
    await confirmAct(early, '签发')
    await early.getByText(/截止 2026-03-11/).waitFor()
    await early.getByText(`依据：${SOURCE}六十二`).first().waitFor()
    await early.context().close()

    clock = day(10)
    const executive = await open('tks-executiveDeputy', NOTICE)
    await confirmAct(executive, '签发')
    await state(executive, '已签发待编号').waitFor()
    await executive.getByText('会签逾期未回复，视为无不同意见：托克逊镇').waitFor()
    await executive.context().close()

    const desk = await open('tks-secretariat', NOTICE)
    await desk.getByRole('button', { name: '登记编号' }).click()
    await field(desk, '发文字号').getByText('托政发〔2026〕1号', { exact: true }).waitFor()
    await screenshot(desk, 'toksun-outgoing-numbered')
    await desk.context().close()
  })
})
