import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postIdOf } from './test-support/post-id-of.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 12 part 7: a meeting is editable until it opens. Each change is checked as scheduling
// checked it — 二连浩特 七十三 (每月第一周为无会周), the presider the rulebook lets convene it, and
// once the notice went out 四十一's period (议题涉及内容在会议召开前一日发至参会人员) — audited with
// what changed, refused in Chinese with a code once the meeting opened or closed.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })
const as = (username: string) => signInAs(server.app, username)
const CJK = /[\u4e00-\u9fff]/u

async function schedule() {
  const scheduled = await (
    await as('el-secretariat')
  ).post('/api/meetings', {
    meetingType: 'standing',
    startsAt: '2026-03-12T09:00:00+08:00',
    location: '政府常务会议室',
  })
  assert.equal(scheduled.statusCode, 201, scheduled.body)
  return scheduled.json().meeting as { id: string; title: string; presiderPostId: string }
}

describe('修改会议 until it opens', () => {
  it('changes name, time, place and presider, audited with what changed', async () => {
    server.clock = MONDAY
    const meeting = await schedule()
    const office = await as('el-secretariat')
    const executive = await postIdOf(server.handle.db, '常务副市长')
    const edited = await office.post(`/api/meetings/${meeting.id}/edit`, {
      title: '市人民政府第3次常务会议',
      startsAt: '2026-03-13T15:00:00+08:00',
      location: '市政府五楼会议室',
      presiderPostId: executive,
    })
    assert.equal(edited.statusCode, 200, edited.body)
    const view = edited.json()
    assert.equal(view.meeting.title, '市人民政府第3次常务会议')
    assert.equal(Date.parse(view.meeting.startsAt), Date.parse('2026-03-13T15:00:00+08:00'))
    assert.equal(view.meeting.location, '市政府五楼会议室')
    assert.equal(view.meeting.presiderPostId, executive)
    const event = view.events.find((e: { action: string }) => e.action === 'edit')
    assert.ok(event, edited.body)
    assert.match(event.text, /会议时间：2026-03-13 15:00/)
    assert.match(event.text, /主持人：常务副市长/)
    const audit = await server.handle.db
      .selectFrom('audit_records')
      .select(['action', 'subject'])
      .where('action', '=', 'meeting.edit')
      .where('subject', '=', meeting.id)
      .execute()
    assert.equal(audit.length, 1)

    // Only what is sent changes; nothing sent is refused by the contract, the same values by the act.
    const placeOnly = await office.post(`/api/meetings/${meeting.id}/edit`, { location: '三楼' })
    assert.equal(placeOnly.json().meeting.title, '市人民政府第3次常务会议')
    assert.equal(placeOnly.json().meeting.location, '三楼')
    const empty = await office.post(`/api/meetings/${meeting.id}/edit`, {})
    assert.equal(empty.statusCode, 400)
    assert.match(empty.json().error.message, /没有修改任何内容/)
    const same = await office.post(`/api/meetings/${meeting.id}/edit`, { location: '三楼' })
    assert.equal(same.json().error.code, 'NOTHING_CHANGED')
  })

  it("re-checks the rulebook: 无会周, the presider, the past, others' posts", async () => {
    server.clock = MONDAY
    const meeting = await schedule()
    const office = await as('el-secretariat')
    const url = `/api/meetings/${meeting.id}/edit`
    const freeWeek = await office.post(url, { startsAt: '2026-04-02T09:00:00+08:00' })
    assert.equal(freeWeek.json().error?.code, 'MEETING_FREE_WEEK', freeWeek.body)
    assert.ok(freeWeek.json().error.citations.some((c: { article: string }) => c.article))
    const bureau = await postIdOf(server.handle.db, '市人民政府秘书长')
    const presider = await office.post(url, { presiderPostId: bureau })
    assert.equal(presider.json().error?.code, 'PRESIDER_NOT_AUTHORISED', presider.body)
    const past = await office.post(url, { startsAt: '2026-03-01T09:00:00+08:00' })
    assert.equal(past.json().error?.code, 'MEETING_TIME_PAST', past.body)
    const outsider = await (await as('el-departmentHead-finance')).post(url, { location: '财政局' })
    assert.equal(outsider.json().error?.code, 'NOT_RESPONSIBLE', outsider.body)
    const unchanged = (await office.get(`/api/meetings/${meeting.id}`)).json().meeting
    assert.equal(Date.parse(unchanged.startsAt), Date.parse('2026-03-12T09:00:00+08:00'))
    assert.equal(unchanged.location, '政府常务会议室')
  })

  it('after the notice, a new time must still leave the notice period (四十一)', async () => {
    server.clock = MONDAY
    const meeting = await schedule()
    await server.handle.db
      .insertInto('meeting_events')
      .values({
        meeting_id: meeting.id,
        agenda_item_id: null,
        occurred_at: '2026-03-09T02:00:00Z',
        actor_person_id: null,
        actor_post_id: null,
        action: 'sendNotice',
        text: null,
        rule_ids: [],
        details: JSON.stringify({}),
      })
      .execute()
    server.clock = new Date('2026-03-09T03:00:00Z')
    const office = await as('el-secretariat')
    const url = `/api/meetings/${meeting.id}/edit`
    // Sent on 03-09: a meeting on 03-09 itself is too soon; on 03-10 the notice was a day before.
    const tooSoon = await office.post(url, { startsAt: '2026-03-09T16:00:00+08:00' })
    assert.equal(tooSoon.json().error?.code, 'NOTICE_PERIOD_TOO_SHORT', tooSoon.body)
    assert.match(tooSoon.json().error.message, /会议通知已于 2026-03-09 发出/)
    assert.ok(
      tooSoon.json().error.citations.some((c: { article: string }) => c.article === '四十一'),
    )
    const inTime = await office.post(url, { startsAt: '2026-03-10T09:00:00+08:00' })
    assert.equal(inTime.statusCode, 200, inTime.body)
  })

  for (const [state, code] of [
    ['open', 'MEETING_ALREADY_OPEN'],
    ['closed', 'MEETING_CLOSED'],
  ] as const) {
    it(`is refused once the meeting is ${state}, in Chinese with ${code}`, async () => {
      server.clock = MONDAY
      const meeting = await schedule()
      await server.handle.db
        .updateTable('meetings')
        .set({ state, opened_at: '2026-03-12T01:00:00Z' })
        .where('id', '=', meeting.id)
        .execute()
      const refused = await (
        await as('el-secretariat')
      ).post(`/api/meetings/${meeting.id}/edit`, { location: '别处' })
      assert.equal(refused.statusCode, 409, refused.body)
      assert.equal(refused.json().error.code, code)
      assert.match(refused.json().error.message, CJK)
    })
  }
})
