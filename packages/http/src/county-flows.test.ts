import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DemoJurisdiction } from '@zhengling/db'
import { postsIncludedBy } from '@zhengling/rules'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { openTaskHolders, rosterPostsHeld, unitHeadUsername } from './test-support/task-holders.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// The office's work end to end in the two counties whose rules first ran in a workflow with
// their demo rosters (issue #11): an outgoing document with 会签 to 印发, an incoming 请示 to 办结,
// a standing meeting from scheduling to signed minutes with its decision in the supervision
// ledger. One scenario, two rulebooks: each step is taken by whoever holds the task the rules
// open, so a step nobody holds fails the walk by name.

interface County {
  jurisdiction: DemoJurisdiction
  name: string
  /** The government's prefix (机关代字) for a 下行文. */
  prefix: string
  /** A bureau drafting, and a unit in the same deputy's portfolio countersigning. */
  draft: {
    by: string
    unit: string
    countersign: string
    /** 主送: the roster's groups, or outside recipients by name. */
    recipients: (string | { group: string })[]
  }
  /** The plan the rulebook makes for it, with the article. */
  plan: { reviewChain: unknown[]; signer: string[]; article: string }
  /** Who takes each step, in order (task kind, roster key). */
  outgoingSteps: [string, string][]
  /** A township's 请示 and its way to 办结. */
  incoming: { by: string; unit: string; signatory: string; title: string }
  incomingSteps: [string, string][]
  /** The office's posts (its director, deputies and desk): who keeps the 收发文登记簿 (条例第五条). */
  officePosts: string[]
  meeting: {
    office: string
    members: number
    /** Titles present at opening; `short` is one fewer than the rule needs (null: no quorum rule). */
    present: string[]
    short: string[] | null
    /** Items by their units, each step the agenda gate asks for with who records it. */
    items: { by: string; title: string; steps: [string, string][] }[]
    approver: string
    task: { lead: string; co: string }
    minutes: { reviewChain: string[]; signer: string[]; steps: [string, string][] }
    supervisionOffice: string
  }
}

const OFFICE_CHAIN: [string, string][] = [
  ['officeProposal', 'yj-secretariat'],
  ['deputyDirectorReview', 'yj-deputyOfficeDirector'],
  ['directorSubmission', 'yj-officeDirector'],
]

const COUNTIES: County[] = [
  {
    jurisdiction: 'yanjin',
    officePosts: ['yj-officeDirector', 'yj-deputyOfficeDirector', 'yj-secretariat'],
    name: '延津县',
    prefix: '延政',
    draft: {
      by: 'yj-departmentHead-education',
      unit: '县教育局',
      countersign: '县卫生健康委员会',
      recipients: [{ group: '各乡（镇）人民政府、街道办事处' }, { group: '县政府各部门' }],
    },
    // 三十三: 以县政府名义制发的其他公文，由副县长按分工签发.
    plan: { reviewChain: [], signer: ['portfolioDeputy'], article: '三十三' },
    outgoingSteps: [
      ['countersign', 'yj-departmentHead-health'],
      ['sign', 'yj-deputy-2'],
      ['number', 'yj-secretariat'],
      ['issue', 'yj-secretariat'],
    ],
    incoming: {
      by: 'yj-townshipHead-dongtun',
      unit: '东屯镇',
      signatory: '崔红涛',
      title: '关于申请东屯镇农田水利设施修缮资金的请示',
    },
    // 三十一: the office vets and proposes, the deputy of the portfolio approves.
    incomingSteps: [
      ['register', 'yj-secretariat'],
      ['screen', 'yj-secretariat'],
      ['propose', 'yj-officeDirector'],
      ['instruct', 'yj-deputy-4'],
      ['refer', 'yj-secretariat'],
      ['handle', 'yj-townshipHead-dongtun'],
    ],
    meeting: {
      office: 'yj-secretariat',
      // 二十: 县长、副县长（常务副县长 among them）、县政府办公室主任.
      members: 7,
      present: ['县长', '常务副县长', '副县长（教育、卫生健康）', '县政府办公室主任'],
      short: null,
      // 二十二: 承办科室拟办 → 分管副主任审核 → 办公室主任签报县长、分管副县长.
      items: [
        {
          by: 'yj-departmentHead-finance',
          title: '关于2026年县级预算调整方案的议题',
          steps: OFFICE_CHAIN,
        },
        {
          by: 'yj-departmentHead-education',
          title: '关于城区学校扩容建设的议题',
          steps: OFFICE_CHAIN,
        },
      ],
      approver: 'yj-principal',
      task: { lead: '县财政局', co: '县发展和改革委员会' },
      // 二十二: 由县政府办公室主任审核，报县长签发.
      minutes: {
        reviewChain: ['officeDirector'],
        signer: ['principal'],
        steps: [
          ['review', 'yj-officeDirector'],
          ['sign', 'yj-principal'],
        ],
      },
      supervisionOffice: 'yj-supervisionOffice',
    },
  },
  {
    jurisdiction: 'erlianhaote',
    // 九: the 秘书长 and 副秘书长 run the 市人民政府办公厅 — the government's office, not only its 秘书科.
    officePosts: [
      'el-officeDirector',
      'el-deputyOfficeDirector',
      'el-deputyOfficeDirector-2',
      'el-secretariat',
    ],
    name: '二连浩特市',
    prefix: '二政发',
    draft: {
      by: 'el-departmentHead-housing',
      unit: '市住房和城乡建设局',
      countersign: '乌兰街道',
      recipients: ['各街道办事处', '市直各部门'],
    },
    // 五十: 经有关副秘书长、秘书长审核后，一般由分管副市长签发.
    plan: {
      reviewChain: ['portfolioDeputyOfficeDirector', 'officeDirector'],
      signer: ['portfolioDeputy'],
      article: '五十',
    },
    outgoingSteps: [
      ['countersign', 'el-townshipHead-wulan'],
      ['review', 'el-deputyOfficeDirector-2'],
      ['review', 'el-officeDirector'],
      ['sign', 'el-deputy-4'],
      ['number', 'el-secretariat'],
      ['issue', 'el-secretariat'],
    ],
    incoming: {
      by: 'el-townshipHead-gerileaodu',
      unit: '格日勒敖都苏木',
      signatory: '那日苏',
      title: '关于申请格日勒敖都苏木牧区饮水安全工程资金的请示',
    },
    // 四十九: 统一由办公厅办理并提出拟办意见，按领导分工呈批.
    incomingSteps: [
      ['register', 'el-secretariat'],
      ['screen', 'el-secretariat'],
      ['propose', 'el-officeDirector'],
      ['instruct', 'el-deputy-5'],
      ['refer', 'el-secretariat'],
      ['handle', 'el-townshipHead-gerileaodu'],
    ],
    meeting: {
      office: 'el-secretariat',
      // 四十: 市长、副市长（常务副市长 among them）、秘书长、市长助理.
      members: 8,
      // 组成人员必须达到半数以上 (the half included): 4 of 8 open it, 3 do not.
      present: ['市长', '常务副市长', '副市长（城建、街道）', '市人民政府秘书长'],
      short: ['市长', '常务副市长', '市人民政府秘书长'],
      // 四十一: 分管副市长协调或审核后提出，报市长确定 — the deputy overseeing the unit.
      items: [
        {
          by: 'el-departmentHead-finance',
          title: '关于2026年市本级预算调整方案的议题',
          steps: [['portfolioDeputyReview', 'el-executiveDeputy']],
        },
        {
          by: 'el-departmentHead-port',
          title: '关于口岸货运通道扩能改造的议题',
          steps: [['portfolioDeputyReview', 'el-deputy-2']],
        },
      ],
      approver: 'el-principal',
      task: { lead: '市财政局', co: '市发展和改革委员会' },
      // 四十三: 一般由市人民政府秘书长审核后报市长签发.
      minutes: {
        reviewChain: ['officeDirector'],
        signer: ['principal'],
        steps: [
          ['review', 'el-officeDirector'],
          ['sign', 'el-principal'],
        ],
      },
      supervisionOffice: 'el-supervisionOffice',
    },
  },
]

const MONDAY = new Date('2026-03-02T01:00:00Z')
const MEETING_DAY = '2026-03-12'
const cites = (citations: { article: string }[], article: string) =>
  citations.some((citation) => citation.article === article)

/** The payload each kind of document task is done with. */
function actOn(kind: string, referTo: string): { path: string; payload: object } {
  switch (kind) {
    case 'countersign':
      return { path: 'countersign', payload: { agree: true, opinion: '无不同意见' } }
    case 'review':
      return { path: 'review', payload: { opinion: '同意' } }
    case 'sign':
      return { path: 'sign', payload: { opinion: '签发' } }
    case 'number':
      return { path: 'number', payload: {} }
    case 'issue':
      return { path: 'issue', payload: { disclosure: 'active' } }
    case 'register':
      return { path: 'register', payload: {} }
    case 'screen':
      return { path: 'screen', payload: { findings: {} } }
    case 'propose':
      return { path: 'propose', payload: { opinion: '拟请分管领导审批' } }
    case 'instruct':
      return { path: 'instruct', payload: { text: '同意，请抓紧办理' } }
    case 'refer':
      return { path: 'refer', payload: { departmentIds: [referTo] } }
    case 'handle':
      return { path: 'complete', payload: { result: '已按批示办理完毕。' } }
    default:
      throw new Error(`no act for task ${kind}`)
  }
}

for (const county of COUNTIES) {
  describe(`the office's work in ${county.name}`, () => {
    const server = useDemoServer({ startsAt: MONDAY, jurisdiction: county.jurisdiction })
    const as = (username: string) => signInAs(server.app, username)
    const unit = (name: string) => departmentIdOf(server.handle.db, name)
    const post = (title: string) => postIdOf(server.handle.db, title)

    /** Takes the expected steps in order, each by the person holding the open task. */
    async function walk(id: string, steps: [string, string][], referTo: string) {
      for (const [kind, username] of steps) {
        const holders = await openTaskHolders(server.handle.db, id)
        const open = holders.filter((task) => task.kind === kind)
        assert.ok(
          open.some((task) => task.usernames.includes(username)),
          `${kind} should be open for ${username}; open: ${JSON.stringify(holders)}`,
        )
        const { path, payload } = actOn(kind, referTo)
        const done = await (await as(username)).post(`/api/documents/${id}/${path}`, payload)
        assert.equal(done.statusCode, 200, `${kind} by ${username}: ${done.body}`)
      }
    }

    it('the office keeps the 收发文登记簿: its director, deputies and desk, not a bureau (条例第五条)', async () => {
      for (const username of county.officePosts) {
        const access = (await (await as(username)).get('/api/documents/register/access')).json()
        assert.equal(access.allowed, true, `${username} keeps the register`)
        const listed = await (await as(username)).get('/api/documents/register')
        assert.equal(listed.statusCode, 200, `${username}: ${listed.body}`)
      }
      const bureau = await (await as(county.draft.by)).get('/api/documents/register')
      assert.equal(bureau.statusCode, 403, bureau.body)
    })

    it('every meeting the rulebook composes has its members in the roster', async () => {
      const rulebook = createRulesPort(testLibrary()).rulebook(county.jurisdiction, MEETING_DAY)
      assert.ok(rulebook)
      const held = await rosterPostsHeld(server.handle.db, county.jurisdiction)
      for (const meeting of rulebook.meetings.values())
        for (const member of meeting.members) {
          if (rulebook.posts.get(member)?.type === 'relational') continue
          const roles = postsIncludedBy(rulebook, member)
          assert.ok(
            held.some(
              (p) => roles.includes(p.role) || (p.headsUnit && roles.includes(p.unitRulebookPost)),
            ),
            `${meeting.name}: nobody holds ${member}`,
          )
        }
    })

    it('an outgoing document: drafted with 会签, signed along the rule, numbered and issued', async () => {
      server.clock = MONDAY
      const drafter = await as(county.draft.by)
      const drafted = await drafter.post('/api/documents/outgoing', {
        prefix: county.prefix,
        kind: '通知',
        title: '关于做好2026年春季学校安全工作的通知',
        body: '现就做好春季学校安全工作通知如下。',
        direction: 'downward',
        mainRecipients: county.draft.recipients,
        secrecy: '公开',
        countersignDepartmentIds: [await unit(county.draft.countersign)],
      })
      assert.equal(drafted.statusCode, 201, drafted.body)
      const { id, plan } = drafted.json().document
      assert.deepEqual(plan.reviewChain, county.plan.reviewChain)
      assert.deepEqual(plan.signer, county.plan.signer)
      assert.ok(cites(drafted.json().citations, county.plan.article), drafted.body)

      await walk(id, county.outgoingSteps, await unit(county.draft.unit))
      const issued = (await drafter.get(`/api/documents/${id}`)).json().document
      assert.equal(issued.state, 'issued')
      assert.equal(issued.documentNumber, `${county.prefix}〔2026〕1号`)
    })

    it('an incoming 请示: registered, screened, proposed, instructed, referred and closed', async () => {
      server.clock = MONDAY
      const township = await as(county.incoming.by)
      const submitted = await township.post('/api/documents/incoming', {
        kind: '请示',
        title: county.incoming.title,
        body: '请予支持。妥否，请批示。',
        secrecy: '内部',
        mainRecipients: [`${county.name.slice(0, -1)}人民政府`],
        signatories: [county.incoming.signatory],
      })
      assert.equal(submitted.statusCode, 201, submitted.body)
      const id = submitted.json().document.id
      await walk(id, county.incomingSteps, await unit(county.incoming.unit))
      const closed = (await township.get(`/api/documents/${id}`)).json().document
      assert.equal(closed.state, 'closed')
      // The processing period is the rulebook's (二连浩特 五十一: 10个工作日), none where it sets none.
      const period = createRulesPort(testLibrary()).decide(county.jurisdiction, 'event-deadline', {
        event: 'documentReceived',
        at: '2026-03-02',
      })
      const due = period.ok ? (period.result.outcome as { due: string }).due : null
      assert.equal(closed.dueDate, due)
    })

    it('a standing meeting: agenda through the rule’s steps, quorum, decision into the ledger, minutes signed', async () => {
      server.clock = MONDAY
      const { meeting: plan } = county
      const office = await as(plan.office)
      const scheduled = await office.post('/api/meetings', {
        meetingType: 'standing',
        startsAt: `${MEETING_DAY}T09:00:00+08:00`,
        location: '政府常务会议室',
      })
      assert.equal(scheduled.statusCode, 201, scheduled.body)
      const meetingId = scheduled.json().meeting.id
      const members = scheduled
        .json()
        .participants.filter((p: { role: string }) => p.role === 'member')
      assert.equal(members.length, plan.members)

      const itemIds: string[] = []
      for (const item of plan.items) {
        const submitted = await (
          await as(item.by)
        ).post(`/api/meetings/${meetingId}/items`, { title: item.title })
        assert.equal(submitted.statusCode, 201, submitted.body)
        const reasons = submitted.json().gate.reasons.map((r: { code: string }) => r.code)
        assert.deepEqual(reasons.sort(), item.steps.map(([code]) => code).sort(), submitted.body)
        itemIds.push(submitted.json().item.id)
      }
      const head = await as(plan.approver)
      const blocked = await head.post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds })
      assert.equal(blocked.statusCode, 422, blocked.body)
      assert.equal(blocked.json().error.code, 'AGENDA_ITEM_BLOCKED')

      // Each step by the post its article names (the rulebook's recordedBy), not by the unit.
      for (const [index, item] of plan.items.entries()) {
        const stepsUrl = `/api/meetings/${meetingId}/items/${itemIds[index]}/steps`
        const [first] = item.steps[0] as [string, string]
        const byUnit = await (await as(item.by)).post(stepsUrl, { code: first })
        assert.equal(byUnit.json().error?.code, 'NOT_RESPONSIBLE', byUnit.body)
        for (const [code, username] of item.steps) {
          const step = await (await as(username)).post(stepsUrl, { code })
          assert.equal(step.statusCode, 200, `${code} by ${username}: ${step.body}`)
        }
      }
      const approved = await head.post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds })
      assert.equal(approved.statusCode, 200, approved.body)

      server.clock = new Date(`${MEETING_DAY}T00:30:00Z`)
      const clerk = await as(plan.office)
      if (plan.short) {
        const short = await clerk.post(`/api/meetings/${meetingId}/open`, {
          presentPostIds: await Promise.all(plan.short.map(post)),
        })
        assert.equal(short.statusCode, 422, short.body)
        assert.equal(short.json().error.code, 'QUORUM_NOT_MET')
      }
      const opened = await clerk.post(`/api/meetings/${meetingId}/open`, {
        presentPostIds: await Promise.all(plan.present.map(post)),
      })
      assert.equal(opened.statusCode, 200, opened.body)
      assert.equal(opened.json().quorum.quorate, plan.short ? true : null, opened.body)

      // The rules set no period for a meeting's decisions: the ledger wants a date.
      const task = {
        title: '落实预算调整方案',
        leadDepartmentId: await unit(plan.task.lead),
        coDepartmentIds: [await unit(plan.task.co)],
      }
      const undated = await clerk.post(`/api/meetings/${meetingId}/items/${itemIds[0]}/decide`, {
        decision: 'adopted',
        text: '原则同意预算调整方案',
        tasks: [task],
      })
      assert.equal(undated.statusCode, 422, undated.body)
      assert.equal(undated.json().error.code, 'DUE_DATE_REQUIRED')
      const decided = await clerk.post(`/api/meetings/${meetingId}/items/${itemIds[0]}/decide`, {
        decision: 'adopted',
        text: '原则同意预算调整方案',
        tasks: [{ ...task, dueDate: '2026-04-30' }],
      })
      assert.equal(decided.statusCode, 200, decided.body)
      const ledgerId = decided.json().supervision[0].id
      await clerk.post(`/api/meetings/${meetingId}/items/${itemIds[1]}/decide`, {
        decision: 'deferred',
        text: '暂缓，待方案完善后再议',
      })
      // The supervision office follows the item up; the lead unit reports on it.
      const supervision = await as(plan.supervisionOffice)
      const item = (await supervision.get(`/api/supervision/items/${ledgerId}`)).json()
      assert.equal(item.item.dueDate, '2026-04-30', JSON.stringify(item))
      assert.equal(item.item.leadDepartmentName, plan.task.lead)
      const lead = await unitHeadUsername(server.handle.db, plan.task.lead)
      const progress = await (
        await as(lead)
      ).post(`/api/supervision/items/${ledgerId}/progress`, { text: '已完成调整方案细化' })
      assert.equal(progress.statusCode, 200, progress.body)

      const closed = await clerk.post(`/api/meetings/${meetingId}/close`)
      assert.equal(closed.statusCode, 200, closed.body)
      const minutes = await clerk.post(`/api/meetings/${meetingId}/minutes`)
      assert.equal(minutes.statusCode, 201, minutes.body)
      const documentId = minutes.json().documentId
      const draft = (await clerk.get(`/api/documents/${documentId}`)).json().document
      assert.deepEqual(draft.plan.reviewChain, plan.minutes.reviewChain)
      assert.deepEqual(draft.plan.signer, plan.minutes.signer)
      await walk(documentId, plan.minutes.steps, '')
      const signed = (await clerk.get(`/api/documents/${documentId}`)).json().document
      assert.equal(signed.state, 'signed')
    })
  })
}
