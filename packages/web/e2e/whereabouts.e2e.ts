import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DEMO_PASSWORD, type DemoJurisdiction, demoRoster } from '@zhengling/db'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { overflowOf, PHONE } from './support/phone.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { confirmAct, settled } from './support/ui.ts'

// Leaders' whereabouts (issue 15) in Debian's Chromium, in two counties whose acting rules differ:
// 钟山区 第六条 (区长 and 常务副区长 both away: the deputy the 区长 designates, recorded by the
// office director) and 二连浩特市 八 (both away: the other deputies 依次, by roster rank). In each,
// a deputy files a trip in the form, which shows the approver and the article before it is sent;
// the approver the rule names approves it from 待我审批; the office is told; while the head and
// the executive deputy are both away a document awaiting the head's 签发 is signed by the deputy
// the article names, and the pages say so with the article; 销假 on a phone closes the trip.
// Then, below the browser: a department head's long leave goes to the approver its length calls
// for (二连浩特 七十四, 超过半个月), and a meeting request in the no-meeting week is refused with
// its article (二连浩特 七十三). The rest is enumerated in the http tests.

// The parts of the API's answers the walk reads (the web app's own types live in src/, under the
// DOM library, which the e2e files are typechecked without).
interface PostHolders {
  postId: string
  title: string
  holders: string[]
}
interface AbsencePreview {
  mode: 'approval' | 'filing'
  approvers: PostHolders[]
  inform: (PostHolders | string)[]
  fileWith: (PostHolders | string)[]
  citations: { source: string; article: string }[]
}
interface AbsenceView {
  id: string
  postId: string
  status: string
}
interface Me {
  posts: { postId: string; departmentId: string | null; actingFor: unknown }[]
}
interface DocumentView {
  document: { id: string; state: string }
  holders: { kind: string; holders: string[] }[]
}
interface NotificationList {
  items: { link: string | null }[]
}

const STORY_DAY = new Date('2026-03-09T01:00:00Z') // Monday 09:00 in Beijing
const AWAY_FROM = '2026-03-16'
const AWAY_TO = '2026-03-18'
const SIGN_DAY = new Date('2026-03-17T01:00:00Z')
const BACK_DAY = new Date('2026-03-19T01:00:00Z')

interface County {
  jurisdiction: DemoJurisdiction
  /** The deputy who files a trip, and who the rule says approves it. */
  traveller: string
  approver: string
  head: string
  executive: string
  headTitle: string
  /** Who acts for the head while head and executive deputy are both away, under which article. */
  acting: string
  actingArticle: string
  /** 钟山 第六条 leaves the deputy to the head: the office director records the designation. */
  designatedBy: string | null
  /** The government office's director, who follows the trips not closed by 销假. */
  office: string
  /** An outgoing document the head signs (钟山 第三十二条 钟府发; 二连浩特 五十 上行文). */
  document: { by: string; prefix: string; direction: string; recipients: string[] }
}

const COUNTIES: County[] = [
  {
    jurisdiction: 'zhongshan',
    traveller: 'zs-deputy-3',
    approver: 'zs-principal',
    head: 'zs-principal',
    executive: 'zs-executiveDeputy',
    headTitle: '区长',
    acting: 'zs-deputy-2',
    actingArticle: '第六条',
    designatedBy: 'zs-officeDirector',
    office: 'zs-officeDirector',
    document: {
      by: 'zs-departmentHead-9',
      prefix: '钟府发',
      direction: 'downward',
      recipients: ['各乡（镇、街道）'],
    },
  },
  {
    jurisdiction: 'erlianhaote',
    traveller: 'el-deputy-4',
    approver: 'el-principal',
    head: 'el-principal',
    executive: 'el-executiveDeputy',
    headTitle: '市长',
    acting: 'el-deputy-2',
    actingArticle: '八',
    designatedBy: null,
    office: 'el-officeDirector',
    document: {
      by: 'el-departmentHead-housing',
      prefix: '二政发',
      direction: 'upward',
      recipients: ['锡林郭勒盟行政公署'],
    },
  },
]

let clock = STORY_DAY
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

/** The demo account (roster key) of the person of that name in the county. */
function usernameOf(jurisdiction: DemoJurisdiction, name: string): string {
  const person = demoRoster(jurisdiction).people.find((candidate) => candidate.name === name)
  assert.ok(person, `${jurisdiction}: nobody named ${name} in the roster`)
  return person.key
}

function nameOf(jurisdiction: DemoJurisdiction, username: string): string {
  const person = demoRoster(jurisdiction).people.find((candidate) => candidate.key === username)
  assert.ok(person, `${jurisdiction}: no ${username} in the roster`)
  return person.name
}

interface Answer {
  status: number
  body: {
    error?: { code: string; message: string; citations?: { article: string }[] }
  } & Record<string, unknown>
}

/** The API as a demo account on the story's clock, answering status and body (refusals too). */
async function api(username: string) {
  const signedIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(signedIn.status, 200, `${username}: ${await signedIn.clone().text()}`)
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const session = (await signedIn.json()) as { csrfToken: string }
  async function send(method: string, path: string, body?: object): Promise<Answer> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : null,
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : {} }
  }
  async function ok<T>(method: string, path: string, body?: object): Promise<T> {
    const answer = await send(method, path, body)
    assert.ok(answer.status < 300, `${username} ${method} ${path}: ${JSON.stringify(answer.body)}`)
    return answer.body as T
  }
  return {
    send,
    get: <T>(path: string) => ok<T>('GET', path),
    post: <T>(path: string, body: object = {}) => ok<T>('POST', path, body),
  }
}

/** The post the person holds (not one acted for) — their first, as the roster lists it. */
async function ownPostOf(username: string): Promise<string> {
  const me = await (await api(username)).get<Me>('/api/session')
  const post = me.posts.find((p) => !p.actingFor)
  assert.ok(post, `${username} holds no post`)
  return post.postId
}

/** Files an absence over the API and sees it through to approved or filed, as the rule asks. */
async function awayByApi(county: County, username: string, reason: string): Promise<string> {
  const traveller = await api(username)
  const asked = {
    postId: await ownPostOf(username),
    category: 'businessTrip',
    from: AWAY_FROM,
    to: AWAY_TO,
  }
  const preview = await traveller.post<AbsencePreview>('/api/absences/preview', asked)
  const filed = await traveller.post<AbsenceView>('/api/absences', {
    ...asked,
    destination: '北京',
    reason,
    contact: '13800000000',
  })
  if (filed.status === 'pending') {
    const name = preview.approvers[0]?.holders[0]
    assert.ok(name, `nobody holds the approver's post: ${JSON.stringify(preview)}`)
    const decided = await (
      await api(usernameOf(county.jurisdiction, name))
    ).post<AbsenceView>(`/api/absences/${filed.id}/approve`, {})
    assert.equal(decided.status, 'approved', JSON.stringify(decided))
  } else assert.equal(filed.status, 'filed', JSON.stringify(filed))
  return filed.id
}

/**
 * An outgoing document drafted and reviewed along its rule by whoever holds each review task,
 * until it waits on the head's 签发.
 */
async function awaitingHeadSignature(county: County, title: string): Promise<string> {
  const drafter = await api(county.document.by)
  const drafted = await drafter.post<DocumentView>('/api/documents/outgoing', {
    prefix: county.document.prefix,
    kind: county.document.direction === 'upward' ? '请示' : '通知',
    title,
    body: '现将有关事项报告如下。',
    direction: county.document.direction,
    mainRecipients: county.document.recipients,
    secrecy: '公开',
  })
  const id = drafted.document.id
  for (let step = 0; step < 8; step += 1) {
    const view = await drafter.get<DocumentView>(`/api/documents/${id}`)
    const holding = view.holders[0]
    assert.ok(holding, `nobody holds ${title}: ${JSON.stringify(view.document.state)}`)
    if (holding.kind === 'sign') return id
    assert.equal(holding.kind, 'review', JSON.stringify(view.holders))
    const reviewer = await api(usernameOf(county.jurisdiction, holding.holders[0]!))
    await reviewer.post(`/api/documents/${id}/review`, { opinion: '同意' })
  }
  assert.fail(`${title} did not reach 签发`)
}

async function openAs(username: string, path: string, phone = false): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, {
    serverClock: true,
    clock,
    landing: path,
    ...(phone ? { device: PHONE } : {}),
  })
  if (!phone) await page.setViewportSize({ width: 1280, height: 900 })
  return page
}

/** Picks a day in the open date picker of the field labelled `label`. */
async function pickDate(page: Page, label: string, date: string): Promise<void> {
  await page.getByLabel(label).click()
  await settled(page)
  await page.locator(`.ant-picker-dropdown:visible td[title="${date}"]`).click()
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' })
}

for (const county of COUNTIES) {
  describe(`${county.jurisdiction}: a trip, acting duty and 销假`, () => {
    let tripId = ''
    let documentId = ''
    const title = `关于${county.jurisdiction === 'zhongshan' ? '城区排水' : '口岸物流'}设施改造的${
      county.document.direction === 'upward' ? '请示' : '通知'
    }`

    it('a deputy files a trip; the form shows the approver and the article before it is sent', async () => {
      clock = STORY_DAY
      // What the rulebook answers, asked the way the form asks it.
      const preview = await (
        await api(county.traveller)
      ).post<AbsencePreview>('/api/absences/preview', {
        postId: await ownPostOf(county.traveller),
        category: 'businessTrip',
        from: AWAY_FROM,
        to: AWAY_TO,
      })
      assert.equal(preview.mode, 'approval')
      const approvers = (preview.approvers as { holders: string[] }[]).flatMap((a) => a.holders)
      assert.deepEqual(approvers, [nameOf(county.jurisdiction, county.approver)])
      const article = preview.citations[0] as { source: string; article: string }
      assert.ok(article, JSON.stringify(preview))

      const page = await openAs(county.traveller, '/absences/new')
      await page.getByRole('heading', { name: '请假报备' }).waitFor()
      await pickDate(page, '离开日期', AWAY_FROM)
      await pickDate(page, '返回日期', AWAY_TO)
      await page.getByLabel('前往地点').fill('呼和浩特')
      await page.getByLabel('事由').fill('参加全区城市更新工作会议')
      await page.getByLabel('联系方式').fill('13900000000')
      const shown = page.getByRole('region', { name: '审批与报备' })
      await shown.getByText(nameOf(county.jurisdiction, county.approver)).first().waitFor()
      await shown.getByText(`依据：${article.source}${article.article}`).first().waitFor()
      await screenshot(page, `whereabouts-${county.jurisdiction}-file-1280`)
      await page.getByRole('button', { name: '提交审批' }).click()
      await page.getByRole('heading', { name: /出差/ }).waitFor()
      await page.locator('.ant-tag', { hasText: '待审批' }).waitFor()
      tripId = new URL(page.url()).pathname.split('/').pop() ?? ''
      assert.ok(tripId)
      await page.context().close()
    })

    it('the approver the rule names approves it from 待我审批; the office is told', async () => {
      const page = await openAs(county.approver, '/absences?scope=toDecide')
      await page.getByRole('heading', { name: '请销假' }).waitFor()
      await page
        .getByRole('link', { name: new RegExp(nameOf(county.jurisdiction, county.traveller)) })
        .click()
      await page.getByRole('region', { name: '办理', exact: true }).waitFor()
      await page.getByLabel('审批意见').fill('同意，注意安全。')
      await page.getByRole('button', { name: '同意', exact: true }).click()
      await page.locator('.ant-tag', { hasText: '已批准' }).waitFor()
      await page.getByRole('region', { name: '办理记录' }).getByText('同意，注意安全。').waitFor()
      await page.context().close()

      // Whom the office is to inform (C1 inform / fileWith): each holder has the message.
      const view = await (await api(county.traveller)).get<AbsenceView>(`/api/absences/${tripId}`)
      const preview = await (
        await api(county.traveller)
      ).post<AbsencePreview>('/api/absences/preview', {
        postId: view.postId,
        category: 'businessTrip',
        from: AWAY_FROM,
        to: AWAY_TO,
      })
      const told = [preview.inform, preview.fileWith]
        .flat()
        .flatMap((post) => (post && typeof post === 'object' ? post.holders : []))
      assert.ok(told.length > 0, `nobody is informed: ${JSON.stringify(preview)}`)
      for (const name of told) {
        const inbox = await (
          await api(usernameOf(county.jurisdiction, name))
        ).get<NotificationList>('/api/notifications?limit=100')
        assert.ok(
          (inbox.items as { link: string | null }[]).some((item) => item.link?.includes(tripId)),
          `${name} was not told of the trip: ${JSON.stringify(inbox.items.slice(0, 3))}`,
        )
      }
    })

    it(`head and executive deputy both away: the deputy ${county.actingArticle} names signs as acting head`, async () => {
      documentId = await awaitingHeadSignature(county, title)
      await awayByApi(county, county.head, '赴上级机关汇报工作')
      await awayByApi(county, county.executive, '参加招商引资推介会')

      if (county.designatedBy) {
        // 受区长委托的副区长: the office director records the head's designation.
        const page = await openAs(county.designatedBy, '/acting-duty')
        await page.getByRole('heading', { name: '代行职责' }).waitFor()
        const form = page.getByRole('region', { name: '明确代行人选' })
        await form.getByLabel('被代行职务').click()
        await settled(page)
        await page
          .locator('.ant-select-item-option:visible', {
            hasText: new RegExp(`^${county.headTitle}（`),
          })
          .click()
        await form.getByLabel('代行职务', { exact: true }).click()
        await settled(page)
        await page
          .locator('.ant-select-item-option:visible', {
            hasText: nameOf(county.jurisdiction, county.acting),
          })
          .click()
        await pickDate(page, '开始日期', AWAY_FROM)
        await pickDate(page, '结束日期', AWAY_TO)
        await form.getByLabel('委托事由').fill('区长、常务副区长均外出，委托主持工作')
        await form.getByRole('button', { name: '明确代行' }).click()
        await page.getByText('已明确代行人选').waitFor()
        await page.context().close()
      }

      clock = SIGN_DAY
      const acting = nameOf(county.jurisdiction, county.acting)
      for (const [size, phone] of [
        ['1280', false],
        ['390', true],
      ] as const) {
        const page = await openAs(county.acting, '/acting-duty', phone)
        const week = page.getByRole('region', { name: '本周代行职责' })
        await week.getByText(acting).first().waitFor()
        await week.getByText(county.actingArticle, { exact: true }).first().waitFor()
        if (phone) assert.equal(await overflowOf(page), 0, 'the week fits a phone')
        await screenshot(page, `whereabouts-${county.jurisdiction}-acting-${size}`)
        await page.context().close()
      }

      const page = await openAs(county.acting, `/documents/${documentId}`)
      await page.getByRole('heading', { name: title }).waitFor()
      await page.getByRole('button', { name: '切换到此职务' }).click()
      await page.getByText(`已切换为：${county.headTitle}`).waitFor()
      await confirmAct(page, '签发')
      await page.getByText('已办理').first().waitFor()
      // The history says in whose place he signed, and under which article.
      const note = page
        .getByText(new RegExp(`代行${county.headTitle}职责.*${county.actingArticle}`))
        .first()
      await note.waitFor()
      await note.scrollIntoViewIfNeeded()
      await screenshot(page, `whereabouts-${county.jurisdiction}-signed-as-acting`, {
        fullPage: false,
      })
      await page.context().close()
    })

    it('the day after, the office sees it 逾期未销假; 销假 on a phone closes it', async () => {
      clock = BACK_DAY
      const office = await openAs(county.office, '/absences?scope=office')
      const trip = office
        .getByRole('row')
        .filter({ hasText: nameOf(county.jurisdiction, county.traveller) })
        .filter({ hasText: AWAY_FROM })
      await trip.getByText('逾期未销假').waitFor()
      await office.context().close()

      const page = await openAs(county.traveller, `/absences/${tripId}`, true)
      await page.getByRole('region', { name: '办理', exact: true }).waitFor()
      await page.getByLabel('销假报告').fill('已按期返回，会议精神已向区政府报告。')
      await page.getByRole('button', { name: '销假', exact: true }).tap()
      await page.locator('.ant-tag', { hasText: '已销假' }).waitFor()
      assert.equal(await overflowOf(page), 0, 'the request fits a phone')
      await screenshot(page, `whereabouts-${county.jurisdiction}-returned-390`)
      await page.context().close()
    })
  })
}

describe('below the browser: the approver by length, a meeting in the no-meeting week', () => {
  it('二连浩特 七十四: a department head away over half a month asks the 市长, 15 days the 分管副市长', async () => {
    clock = STORY_DAY
    const head = await api('el-departmentHead-housing')
    const postId = await ownPostOf('el-departmentHead-housing')
    const ask = (to: string) =>
      head.post<AbsencePreview>('/api/absences/preview', {
        postId,
        category: 'vacation',
        from: '2026-04-01',
        to,
      })
    const fifteen = await ask('2026-04-15')
    const sixteen = await ask('2026-04-16')
    const approvers = (preview: AbsencePreview) => preview.approvers.map((post) => post.title)
    assert.deepEqual(approvers(fifteen), ['副市长（城建、街道）'], JSON.stringify(fifteen))
    assert.deepEqual(approvers(sixteen), ['市长'], JSON.stringify(sixteen))
    assert.ok(
      sixteen.citations.some((c) => c.article === '七十四'),
      JSON.stringify(sixteen.citations),
    )
  })

  it('二连浩特 七十三: a meeting in the first week of a month is refused with the article', async () => {
    clock = STORY_DAY
    const bureau = await api('el-departmentHead-housing')
    const me = await bureau.get<Me>('/api/session')
    const unitId = me.posts[0]?.departmentId
    const refused = await bureau.send('POST', '/api/event-requests', {
      kind: 'meeting',
      title: '全市城建工作会议',
      date: '2026-04-02',
      place: '市政府第一会议室',
      unitId,
      invitedPostIds: [],
      scope: 'countywide',
    })
    assert.ok(refused.status >= 400 && refused.status < 500, JSON.stringify(refused))
    const citations = refused.body.error?.citations ?? []
    assert.ok(
      citations.some((citation) => citation.article === '七十三'),
      JSON.stringify(refused.body),
    )
  })
})
