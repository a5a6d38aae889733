import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { DEMO_PASSWORD } from '@zhengling/db'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { settled } from './support/ui.ts'

// 账户管理 in Debian's Chromium against the real server: the system admin opens an account under
// the password policy and resets a password; the security admin sets a clearance and lifts a
// lockout; the audit admin has no part in it.
const USERNAME = 'zs-housing'
const PERSON = '钱伟'
const GOOD_PASSWORD = 'Heyi-Street-2026!'

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

const signIn = (username: string, password?: string) =>
  signInAs(browser, server.url, username, password)

/** A sign-in straight to the API, as another device would make it; answers the HTTP status. */
async function apiSignIn(username: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return response.status
}

async function openAccounts(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '账户管理' }).click()
  await page.getByRole('heading', { name: '账户管理' }).waitFor()
}

/** Narrows the list to the accounts matching `text` (five rosters fill more than one page). */
async function findAccounts(page: Page, text: string): Promise<void> {
  await page.getByLabel('查找账户').fill(text)
}

/**
 * The dialog's submit button. Not by exact name: after a refusal, antd's loading icon may linger
 * in its leave animation and lend its label ("loading") to the button's name.
 */
function submitButton(dialog: Locator, name: string): Locator {
  return dialog.getByRole('button', { name })
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').getByLabel(label).click()
  // The list must have finished opening: a click during its animation can miss the option.
  await settled(page)
  await page.locator('.ant-select-item-option', { hasText: option }).click()
}

describe('account administration', () => {
  it('the system admin opens an account under the password policy and resets a password', async () => {
    // Every demo holder has an account already: a newly appointed head of the housing bureau.
    const personId = randomUUID()
    const postId = randomUUID()
    await server.db
      .insertInto('people')
      .values({ id: personId, jurisdiction_id: 'zhongshan', name: PERSON })
      .execute()
    await server.db
      .insertInto('posts')
      .values({
        id: postId,
        jurisdiction_id: 'zhongshan',
        role: 'departmentHead',
        title: '区住房和城乡建设局局长',
        department_id: null,
      })
      .execute()
    await server.db
      .insertInto('post_holdings')
      .values({
        id: randomUUID(),
        post_id: postId,
        person_id: personId,
        from_date: '2022-03-11',
        to_date: null,
      })
      .execute()

    const page = await signIn('systemAdmin')
    await openAccounts(page)
    await page.getByRole('button', { name: '开设账户' }).click()
    const dialog = page.getByRole('dialog', { name: '开设账户' })
    await choose(page, '辖区', '六盘水市钟山区人民政府')
    await choose(page, '人员', `${PERSON}（区住房和城乡建设局局长）`)
    await dialog.getByLabel('用户名').fill(USERNAME)
    await dialog.getByLabel('密码').fill('short')
    await submitButton(dialog, '开设').click()
    await dialog.getByText(/密码不符合要求：密码至少 12 位/).waitFor()

    await dialog.getByLabel('密码').fill(GOOD_PASSWORD)
    await submitButton(dialog, '开设').click()
    await page.getByText(`已开设账户：${USERNAME}`).waitFor()
    await findAccounts(page, USERNAME)
    const row = page.getByRole('row').filter({ hasText: USERNAME })
    await row.getByText(PERSON).waitFor()
    await row.getByText('任职人员').waitFor()
    await row.getByText('内部').waitFor()
    await screenshot(page, 'accounts')
    assert.equal(await apiSignIn(USERNAME, GOOD_PASSWORD), 200)

    // The reset ends the session just opened, and the old password no longer works.
    await row.getByRole('button', { name: '重置密码' }).click()
    const reset = page.getByRole('dialog', { name: `重置密码：${USERNAME}` })
    await reset.getByLabel('新密码').fill('Dahe-Town-2026#')
    await submitButton(reset, '重置').click()
    await page.getByText('已重置密码，已结束 1 个会话').waitFor()
    assert.equal(await apiSignIn(USERNAME, GOOD_PASSWORD), 401)
    // The system admin neither unlocks nor classifies, and cannot reset their own password.
    assert.equal(await page.getByRole('button', { name: '设定密级' }).count(), 0)
    await findAccounts(page, 'Admin')
    const own = page.getByRole('row').filter({ hasText: 'systemAdmin' })
    assert.equal(await own.getByRole('button', { name: '重置密码' }).count(), 0)
    // Nor another administrator's: that is done at the server console only (三员分立).
    const auditor = page.getByRole('row').filter({ hasText: 'auditAdmin' })
    assert.equal(await auditor.getByRole('button', { name: '重置密码' }).count(), 0)
    await page.context().close()
  })

  it('the security admin sets a clearance (never 绝密) and lifts a lockout', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal(await apiSignIn('zs-townshipHead', 'wrong-password'), attempt < 4 ? 401 : 423)
    }

    const page = await signIn('securityAdmin')
    await openAccounts(page)
    assert.equal(await page.getByRole('button', { name: '开设账户' }).count(), 0)
    assert.equal(await page.getByRole('button', { name: '重置密码' }).count(), 0)

    await findAccounts(page, USERNAME)
    const row = page.getByRole('row').filter({ hasText: USERNAME })
    await row.getByRole('button', { name: '设定密级' }).click()
    const dialog = page.getByRole('dialog', { name: `设定密级：${PERSON}` })
    await dialog.getByText('绝密级信息不得在本系统中处理').waitFor()
    await dialog.getByLabel('知悉密级').click()
    await page.locator('.ant-select-item-option', { hasText: '机密' }).waitFor()
    assert.equal(await page.locator('.ant-select-item-option', { hasText: '绝密' }).count(), 0)
    await page.locator('.ant-select-item-option', { hasText: '秘密' }).click()
    await submitButton(dialog, '设定').click()
    await page.getByText(`已设定密级：${PERSON} → 秘密`).waitFor()
    await row.getByRole('cell', { name: '秘密', exact: true }).waitFor()

    await findAccounts(page, 'zs-townshipHead')
    // Exactly this account: 钟山's roster also has zs-townshipHead-2 (大河镇镇长).
    const locked = page.getByRole('row').filter({ hasText: /zs-townshipHead(?!-)/ })
    await locked.getByText('已锁定').waitFor()
    await locked.getByText('连续登录失败 5 次').waitFor()
    await screenshot(page, 'accounts-security')
    await locked.getByRole('button', { name: '解除锁定' }).click()
    await page.getByRole('button', { name: '解除', exact: true }).click()
    await page.getByText('已解除锁定：zs-townshipHead').waitFor()
    await locked.getByText('正常').waitFor()
    assert.equal(await apiSignIn('zs-townshipHead', DEMO_PASSWORD), 200)
    await page.context().close()
  })

  it('the audit admin has no 账户管理', async () => {
    const page = await signIn('auditAdmin')
    await page.getByRole('heading', { name: '工作台' }).waitFor()
    assert.equal(await page.getByRole('menuitem', { name: '账户管理' }).count(), 0)
    await page.goto(`${server.url}/accounts`)
    await page.getByText('仅系统管理员或安全保密管理员可管理账户').waitFor()
    await page.context().close()
  })
})
