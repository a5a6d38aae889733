import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DEMO_PASSWORD } from '@zhengling/db'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { settled } from './support/ui.ts'

// A leader's desk in Debian's Chromium: the 城建 deputy of 钟山区 sees the office's 拟办意见 above
// his 批示 box, writes his 批示 with a 常用批示语 and keeps one of his own; the 文件处理笺 shows
// and prints on A4; the head signs a 钟府发 with an opinion after confirming; two circulated
// reports are marked read (圈阅) at once from the 待办 list. At 1280 wide and at 390×844.
const TITLE = '关于申请拨付荷城街道背街小巷整治资金的请示'

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let requestId = ''

/** The API as a demo account, for the steps other people take before the walk. */
async function api(username: string) {
  const signedIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(signedIn.status, 200)
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string }
  const call = async (method: string, path: string, body?: object) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : null,
    })
    const json = (await response.json()) as Record<string, unknown>
    assert.ok(response.ok, `${method} ${path}: ${JSON.stringify(json)}`)
    return json
  }
  return {
    post: (path: string, body: object = {}) => call('POST', path, body),
    get: (path: string) => call('GET', path),
  }
}

async function submitted(kind: string, title: string): Promise<string> {
  const township = await api('zs-townshipHead')
  const view = await township.post('/api/documents/incoming', {
    kind,
    title,
    body: kind === '请示' ? '妥否，请批示。' : '现将有关情况报告如下。',
    senderReference: '荷街呈〔2026〕5号',
    secrecy: '内部',
    urgency: 'urgent',
    mainRecipients: ['区人民政府'],
    ...(kind === '请示' ? { signatories: ['孙丽'] } : {}),
  })
  const id = (view.document as { id: string }).id
  await (await api('zs-secretariat')).post(`/api/documents/${id}/register`)
  return id
}

/**
 * A screenshot of what the window shows: a full-page capture resizes the window, and the app
 * lays itself out again (the phone breakpoint), closing popovers and dialogs mid-walk.
 */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
}

async function signIn(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await signInAs(browser, server.url, username)
  await page.setViewportSize(viewport)
  await page.getByRole('heading', { name: '工作台' }).waitFor()
  return page
}

before(async () => {
  server = await startDemoServer()
  browser = await launchBrowser()
  requestId = await submitted('请示', TITLE)
  const desk = await api('zs-secretariat')
  await desk.post(`/api/documents/${requestId}/screen`, { findings: {} })
  await (
    await api('zs-officeDirector')
  ).post(`/api/documents/${requestId}/propose`, { opinion: '拟请城建分管领导阅示。' })
})
after(async () => {
  await browser?.close()
  await server?.close()
})

describe('a leader’s acts on documents', () => {
  it('批示 with a 常用批示语, the 拟办意见 above the box; keeps a phrase of his own', async () => {
    const page = await signIn('zs-deputy-3')
    await page.goto(`${server.url}/documents/${requestId}`)
    await page.getByRole('heading', { name: TITLE }).waitFor()
    const proposal = page.getByRole('alert').filter({ hasText: '拟办意见' })
    await proposal.getByText('拟请城建分管领导阅示。').waitFor()
    await proposal.getByText(/杨帆（区人民政府办公室主任）/).waitFor()
    await shot(page, 'leader-instruct-1280')

    // One click writes the phrase; the leader adds to it.
    const phrases = page.getByRole('group', { name: '常用批示语' })
    await phrases.getByRole('button', { name: '同意。', exact: true }).click()
    const box = page.getByLabel('批示意见')
    assert.equal(await box.inputValue(), '同意。')
    await box.pressSequentially('请荷城街道抓紧实施。')

    // He keeps a phrase of his own, which is then offered too.
    await phrases.getByRole('button', { name: '管理常用语' }).click()
    const dialog = page.getByRole('dialog', { name: '管理常用批示语' })
    await settled(page)
    await dialog.getByLabel('新的常用语').fill('请区住建局牵头办理。')
    await dialog.getByRole('button', { name: '添加' }).click()
    await dialog.getByLabel('删除：阅。').click()
    await shot(page, 'leader-phrases-1280')
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.getByText('常用语已保存').waitFor()
    await phrases.getByRole('button', { name: '请区住建局牵头办理。' }).waitFor()
    assert.equal(await phrases.getByRole('button', { name: '阅。', exact: true }).count(), 0)
    assert.equal(await box.inputValue(), '同意。请荷城街道抓紧实施。')

    await page.getByRole('button', { name: '批示', exact: true }).click()
    await page.getByText('已办理').waitFor()
    await page.getByText('同意。请荷城街道抓紧实施。').first().waitFor()
  })

  it('the 文件处理笺 shows who wrote what and prints alone on A4', async () => {
    const desk = await api('zs-secretariat')
    const units = (await desk.get('/api/jurisdictions/zhongshan/organisation')) as {
      departments: { id: string; name: string }[]
    }
    const township = units.departments.find((unit) => unit.name === '荷城街道')?.id ?? ''
    await desk.post(`/api/documents/${requestId}/refer`, { departmentIds: [township] })
    await (
      await api('zs-townshipHead')
    ).post(`/api/documents/${requestId}/complete`, { result: '整治已完成，道路全部恢复通行。' })

    for (const [name, viewport] of [
      ['1280', { width: 1280, height: 900 }],
      ['390', { width: 390, height: 844 }],
    ] as const) {
      const page = await signIn('zs-deputy-3', viewport)
      await page.goto(`${server.url}/documents/${requestId}`)
      await page.getByRole('heading', { name: TITLE }).waitFor()
      await page.getByRole('button', { name: '文件处理笺' }).click()
      const sheet = page.getByRole('article', { name: '六盘水市钟山区人民政府办公室文件处理笺' })
      await sheet.waitFor()
      await sheet.getByText('拟请城建分管领导阅示。（呈副区长（城建）批示）').waitFor()
      await sheet.getByText('同意。请荷城街道抓紧实施。').waitFor()
      await sheet.getByText('刘晓燕（副区长（城建））').waitFor()
      await sheet.getByText('整治已完成，道路全部恢复通行。').waitFor()
      await sheet.getByText('荷街呈〔2026〕5号').waitFor()
      // The page is no wider than the screen.
      const width = await page.evaluate<number>('document.documentElement.scrollWidth')
      assert.ok(width <= viewport.width, `${name}: ${width}px wide`)
      await screenshot(page, `handling-sheet-${name}`)
      if (name === '1280') {
        await page.emulateMedia({ media: 'print' })
        assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false)
        await screenshot(page, 'handling-sheet-print')
        const pdf = await page.pdf({ preferCSSPageSize: true })
        mkdirSync(SCREENSHOT_DIR, { recursive: true })
        writeFileSync(join(SCREENSHOT_DIR, 'handling-sheet.pdf'), pdf)
        // One A4 page (595×842 pt).
        const text = pdf.toString('latin1')
        assert.equal((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one page')
        assert.ok(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/.test(text), 'an A4 page')
      }
      await page.context().close()
    }
  })

  it('the head signs a 钟府发 with an opinion after confirming', async () => {
    const draft = await (
      await api('zs-departmentHead-9')
    ).post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于做好春季森林防火工作的通知',
      body: '各乡（镇、街道）：现就春季森林防火工作通知如下。',
      direction: 'downward',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '公开',
    })
    const id = (draft.document as { id: string }).id
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
      await (await api(username)).post(`/api/documents/${id}/review`, { opinion: '同意' })

    for (const [name, viewport] of [
      ['390', { width: 390, height: 844 }],
      ['1280', { width: 1280, height: 900 }],
    ] as const) {
      const page = await signIn('zs-principal', viewport)
      await page.goto(`${server.url}/documents/${id}`)
      await page.getByRole('heading', { name: '关于做好春季森林防火工作的通知' }).first().waitFor()
      await page
        .getByRole('group', { name: '常用批示语' })
        .getByRole('button', { name: '同意印发。' })
        .click()
      assert.equal(await page.getByLabel('签发意见').inputValue(), '同意印发。')
      await page.getByRole('button', { name: '签发', exact: true }).click()
      const confirm = page.getByRole('tooltip').filter({ hasText: '确认签发' })
      await confirm.getByText('签发意见：同意印发。').waitFor()
      await shot(page, `leader-sign-confirm-${name}`)
      if (name === '390') {
        // Not yet: he looks again, nothing is signed.
        await confirm.getByRole('button', { name: '再看看' }).click()
        await page.context().close()
        continue
      }
      await confirm.getByRole('button', { name: '签发' }).click()
      await page.getByText('已办理').waitFor()
      await page.getByText('同意印发。').first().waitFor()
    }
    const view = await (await api('zs-principal')).get(`/api/documents/${id}`)
    const sign = (view.events as { action: string; opinion: string }[]).findLast(
      (event) => event.action === 'sign',
    )
    assert.equal(sign?.opinion, '同意印发。')
  })

  it('圈阅 of two circulated reports at once from the 待办 list', async () => {
    const titles = ['关于荷城街道一季度安全生产情况的报告', '关于荷城街道农村饮水安全情况的报告']
    const principal = await api('zs-principal')
    const me = (await principal.get('/api/session')) as { posts: { postId: string }[] }
    const desk = await api('zs-secretariat')
    for (const title of titles) {
      const id = await submitted('报告', title)
      await desk.post(`/api/documents/${id}/circulate`, { postIds: [me.posts[0]?.postId] })
    }
    // At phone size first (looked at, not acted on), then at 1280 he marks both read.
    for (const [name, viewport] of [
      ['390', { width: 390, height: 844 }],
      ['1280', { width: 1280, height: 900 }],
    ] as const) {
      const page = await signIn('zs-principal', viewport)
      await page.goto(`${server.url}/inbox`)
      await page.getByRole('heading', { name: '待办' }).waitFor()
      if (name === '390') {
        await page.getByText('勾选待阅公文，一次标记为已阅。').waitFor()
        await page.getByLabel(`选择：${titles[0]}`).check()
        await shot(page, 'inbox-circle-read-390')
        await page.context().close()
        continue
      }
      for (const title of titles) await page.getByLabel(`选择：${title}`).check()
      await shot(page, 'inbox-circle-read-1280')
      await page.getByRole('button', { name: '圈阅所选（2 件）' }).click()
      await page.getByText('已圈阅 2 件').waitFor()
      for (const title of titles)
        await page.getByRole('link', { name: title }).waitFor({ state: 'detached' })
      await page.context().close()
    }
  })
})
