import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { smtpChannel } from '@zhengling/http'
import type { Browser, Page } from 'playwright-core'
import { startMailSink } from '../../http/src/test-support/mail-sink.ts'
import { apiAs } from './support/api-as.ts'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { choose, chooseMany, documentState as state } from './support/ui.ts'

// The office's daily loop in 钟山 (issue 12), in Debian's Chromium against the real server:
// 荷城街道 submits a 请示 → the 秘书股's open page lights its badge and bell live → she registers
// it (收文编号) and accepts it → the 拟办 post, who chose e-mail, gets one 催办 at the SMTP sink
// → the office director proposes it to the 区长 as a major matter → the 区长's workbench lists
// it first with its countdown → he instructs with a 常用批示语 → the desk refers it → 区财政局
// finishes it. Then a 钟府发 issued to 各乡（镇）人民政府、街道办事处 lands in every township's 待办,
// one signs for it, and the issuing office sees who has.
const TITLE = '关于申请拨付荷城街道防汛应急物资储备资金的请示'
const NOTICE = '关于做好2026年冬春火灾防控工作的通知'
const TOWNSHIPS = '各乡（镇）人民政府、街道办事处'
const DIRECTOR_MAIL = 'yangfan@zhongshan.example'

let clock = new Date()
let server: Awaited<ReturnType<typeof startDemoServer>>
let sink: Awaited<ReturnType<typeof startMailSink>>
let browser: Browser
let documentId = ''

before(async () => {
  sink = await startMailSink()
  server = await startDemoServer({
    now: () => clock,
    channels: [smtpChannel({ url: sink.url, from: '政令 <noreply@zhongshan.example>' })],
  })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
  await sink?.close()
})

const api = (username: string) => apiAs(server.url, username)

async function signIn(username: string, landing?: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, {
    serverClock: true,
    device: { viewport: { width: 1280, height: 900 } },
    landing,
  })
  if (!landing) await page.getByRole('heading', { name: '工作台' }).waitFor()
  return page
}

async function openDocument(username: string, id = documentId, title = TITLE): Promise<Page> {
  const page = await signIn(username, `/documents/${id}`)
  await page.getByRole('heading', { name: title }).first().waitFor()
  return page
}

describe('the office’s daily loop (钟山)', () => {
  it('a 请示 lights the 秘书股’s badge and bell live; she registers it with its 收文编号', async () => {
    const desk = await signIn('zs-secretariat')
    const township = await signIn('zs-townshipHead')
    await township.getByRole('menuitem', { name: '报送公文' }).click()
    await township.getByRole('heading', { name: '报送公文' }).waitFor()
    await choose(township, '文种', '请示')
    await township.getByLabel('标题').fill(TITLE)
    await choose(township, '密级', '内部')
    await township.getByLabel('签发人').fill('孙丽')
    await township.getByLabel('签发人').press('Enter')
    await township
      .getByLabel('正文')
      .fill('区人民政府：\n为做好汛期应急保障，申请拨付防汛应急物资储备资金。\n妥否，请批示。')
    await township.getByRole('button', { name: '报送', exact: true }).click()
    await township.getByText('已报送').waitFor()
    documentId = new URL(township.url()).pathname.split('/').at(-1) ?? ''
    await township.context().close()

    // Pushed to her open page: the toast, the bell's unread count and the 待办 badge.
    await desk.locator('.notification-toast').getByText(`《${TITLE}》`).waitFor()
    await desk.getByRole('button', { name: /^消息中心（\d+ 条未读）$/ }).waitFor()
    await desk
      .getByLabel(/^待办公文 \d+ 项$/)
      .first()
      .waitFor()
    await screenshot(desk, 'daily-loop-desk-live')

    await desk.goto(`${server.url}/documents/${documentId}`)
    await desk.getByRole('heading', { name: TITLE }).first().waitFor()
    await desk.getByRole('button', { name: '签收登记' }).click()
    await state(desk, '已登记待初审').waitFor()
    const receipt = await desk
      .getByText(/^钟府收〔\d{4}〕\d+号$/)
      .first()
      .textContent()
    assert.match(receipt ?? '', /^钟府收〔\d{4}〕\d+号$/)
    await desk.getByRole('button', { name: '受理', exact: true }).click()
    await state(desk, '待拟办').waitFor()
    await desk.context().close()
  })

  it('the 拟办 post, who chose e-mail, receives its 催办 once', async () => {
    await (
      await api('zs-officeDirector')
    ).put('/api/notifications/preferences', {
      email: { enabled: true, address: DIRECTOR_MAIL },
      webhook: { enabled: false, recipientId: null },
    })
    const due = await server.db
      .selectFrom('document_tasks')
      .select('due_date')
      .where('document_id', '=', documentId)
      .where('kind', '=', 'propose')
      .where('closed_at', 'is', null)
      .executeTakeFirstOrThrow()
    assert.ok(due.due_date, 'the 拟办 has a time limit')
    clock = new Date(`${due.due_date}T09:30:00+08:00`)
    await server.runJobs()
    // A second tick (or a restarted worker) sends nothing more.
    await server.runJobs()
    const reminders = sink.received.filter(
      (mail) =>
        mail.to.includes(DIRECTOR_MAIL) && (mail.header('subject') ?? '').startsWith('【催办】'),
    )
    assert.equal(reminders.length, 1, 'one 催办 e-mail to the 拟办 post')
    assert.match(reminders[0]?.header('subject') ?? '', new RegExp(TITLE.slice(0, 12)))
  })

  it('proposed as a major matter, it heads the 区长’s workbench; he instructs with a 常用批示语', async () => {
    const director = await openDocument('zs-officeDirector')
    await director.getByLabel('拟办意见').fill('拟请区长审批。')
    await director.getByText('重大事项（按规定呈主要领导审批）').click()
    await director.getByRole('button', { name: '呈批' }).click()
    await state(director, '待批示').waitFor()
    await director.context().close()

    const principal = await signIn('zs-principal')
    const awaiting = principal.getByRole('list', { name: '待我办理事项' })
    const first = awaiting.getByRole('listitem').first()
    await first.getByRole('link', { name: TITLE }).waitFor()
    await first.getByText(/剩 \d+ 个工作日|今日到期|已逾期 \d+ 个工作日/).waitFor()
    await screenshot(principal, 'daily-loop-principal-workbench')
    await first.getByRole('link', { name: TITLE }).click()
    await principal.getByRole('heading', { name: TITLE }).first().waitFor()
    await principal
      .getByRole('alert')
      .filter({ hasText: '拟办意见' })
      .getByText('拟请区长审批。')
      .waitFor()
    await principal
      .getByRole('group', { name: '常用批示语' })
      .getByRole('button', { name: '同意。', exact: true })
      .click()
    await principal.getByLabel('批示意见').fill('同意。请区财政局按程序办理。')
    await principal.getByRole('button', { name: '批示', exact: true }).click()
    await state(principal, '待转办').waitFor()
    await principal.context().close()
  })

  it('the desk refers it and 区财政局 finishes it', async () => {
    const desk = await openDocument('zs-secretariat')
    await chooseMany(desk, '承办单位', ['区财政局'])
    await desk.getByRole('button', { name: '转办' }).click()
    await state(desk, '办理中').waitFor()
    await desk.context().close()

    const bureau = await openDocument('zs-departmentHead-9')
    await bureau.getByLabel('办理结果').fill('资金已按程序拨付。')
    await bureau.getByRole('button', { name: '办结' }).click()
    await state(bureau, '已办结').waitFor()
    await screenshot(bureau, 'daily-loop-finished')
    await bureau.context().close()
  })

  it('a 钟府发 issued to the townships lands in each township’s 待办; the office sees who signed', async () => {
    const author = await api('zs-departmentHead-9')
    const drafted = await author.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: NOTICE,
      body: '现就做好冬春火灾防控工作通知如下。',
      direction: 'downward',
      mainRecipients: [{ group: TOWNSHIPS }],
      secrecy: '公开',
    })
    const id = (drafted.document as { id: string }).id
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
      await (await api(username)).post(`/api/documents/${id}/review`, { opinion: '同意' })
    await (await api('zs-principal')).post(`/api/documents/${id}/sign`, { opinion: '同意印发。' })

    const desk = await openDocument('zs-secretariat', id, NOTICE)
    await desk.getByRole('button', { name: '编号' }).click()
    await desk
      .getByText(/^钟府发〔\d{4}〕\d+号$/)
      .first()
      .waitFor()
    await desk.getByRole('radio', { name: '主动公开' }).check()
    await desk.getByRole('button', { name: '用印印发' }).click()
    await state(desk, '已印发').waitFor()
    await desk.context().close()

    // Every township unit's head finds it in 待办 for 签收.
    const townships = await server.db
      .selectFrom('departments')
      .select('name')
      .where('jurisdiction_id', '=', 'zhongshan')
      .where('kind', '=', 'township')
      .execute()
    assert.ok(townships.length >= 2)
    for (const [username, unit] of [
      ['zs-townshipHead', '荷城街道'],
      ['zs-townshipHead-2', '大河镇'],
    ] as const) {
      assert.ok(townships.some((t) => t.name === unit))
      const page = await signIn(username)
      const awaiting = page.getByRole('list', { name: '待我办理事项' }).getByRole('listitem')
      await awaiting.filter({ hasText: NOTICE }).getByText('签收（分送）').waitFor()
      // The whole menu item is the link, its badge too.
      await page
        .getByLabel(/^待办公文 \d+ 项$/)
        .first()
        .click()
      await page.getByRole('heading', { name: '待办' }).waitFor()
      await page.getByRole('link', { name: NOTICE }).first().waitFor()
      if (unit === '荷城街道') {
        await page.getByRole('link', { name: NOTICE }).first().click()
        await page.getByRole('heading', { name: NOTICE }).first().waitFor()
        // 签收 is offered in the 办理 panel and on the 分发情况 card; either signs for the unit.
        await page.getByRole('button', { name: '签收', exact: true }).first().click()
        await page.getByText('已签收').first().waitFor()
      }
      await page.context().close()
    }

    const office = await openDocument('zs-secretariat', id, NOTICE)
    const distribution = office.locator('.ant-card').filter({ hasText: '分发情况' })
    await distribution.getByText(`已签收 1 / ${townships.length}`).waitFor()
    const receipt = (unit: string) => distribution.getByRole('listitem').filter({ hasText: unit })
    await receipt('荷城街道').getByText('已签收').waitFor()
    await receipt('荷城街道').getByText(/孙丽/).waitFor()
    await receipt('大河镇').getByText('未签收').waitFor()
    await screenshot(office, 'daily-loop-distribution')
    await office.context().close()
  })
})
