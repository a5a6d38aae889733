import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  assertMeetingDateAllowed,
  type HeldPost,
  type MeetingRecord,
  noticeTimingOf,
  participantsFor,
  quorumOf,
  RuleRefusedError,
} from '@zhengling/app'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'

// Checks the application asks the real rulebooks, not a copy of their numbers.
const rules = () => createRulesPort(testLibrary())

describe('meeting dates against the rulebooks', () => {
  it('keeps 二连浩特’s first week of each month free of meetings (七十三), and only there', () => {
    assert.throws(
      () => assertMeetingDateAllowed(rules(), 'erlianhaote', '2026-04-07'),
      (error: unknown) =>
        error instanceof RuleRefusedError &&
        error.code === 'MEETING_FREE_WEEK' &&
        error.citations.some((citation) => citation.article === '七十三'),
    )
    assert.doesNotThrow(() => assertMeetingDateAllowed(rules(), 'erlianhaote', '2026-04-08'))
    // 钟山 has no meeting-free week.
    assert.doesNotThrow(() => assertMeetingDateAllowed(rules(), 'zhongshan', '2026-04-01'))
  })
})

const heldPost = (postId: string, role: string, extra: Partial<HeldPost> = {}): HeldPost => ({
  postId,
  title: postId,
  role,
  departmentId: null,
  unitRulebookPost: null,
  headsUnit: false,
  actingFor: null,
  ...extra,
})

describe('meeting composition and quorum from the rulebooks', () => {
  const roster = [
    heldPost('head', 'principal'),
    heldPost('executive', 'executiveDeputy'),
    heldPost('deputy-a', 'deputy'),
    heldPost('deputy-b', 'deputy'),
    heldPost('deputy-c', 'deputy'),
    heldPost('director', 'officeDirector', { departmentId: 'office', headsUnit: true }),
    heldPost('bureau', 'departmentHead', { departmentId: 'finance', headsUnit: true }),
  ]

  it('makes the executive deputy a member where the rulebook lists 副县长 (木里 第十五条)', () => {
    const rulebook = rules().rulebook('muli', '2026-03-12')
    const standing = rulebook?.meetings.get('standing')
    assert.ok(rulebook && standing)
    const { members } = participantsFor(rulebook, standing, roster)
    assert.deepEqual(members.map((member) => member.postId).sort(), [
      'deputy-a',
      'deputy-b',
      'deputy-c',
      'director',
      'executive',
      'head',
    ])
  })

  it('counts members present, not substitutes, against 木里 党组会议’s 超过三分之二 (第十六条)', () => {
    const meeting = { jurisdictionId: 'muli', meetingType: 'partyGroup' } as MeetingRecord
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((postId) => ({
      postId,
      role: 'member' as const,
    }))
    const withAttendee = [...six, { postId: 'substitute-of-e', role: 'attendee' as const }]
    const present = (ids: string[]) => new Set(ids)
    // 4 of 6 is not more than two thirds, even with a substitute sitting in for a fifth.
    const four = quorumOf(
      rules(),
      meeting,
      withAttendee,
      present(['a', 'b', 'c', 'd', 'substitute-of-e']),
    )
    assert.equal(four.quorate, false)
    assert.equal(four.present, 4)
    assert.equal(four.minimum, 5)
    assert.ok(four.citations.some((citation) => citation.article === '第十六条'))
    assert.equal(quorumOf(rules(), meeting, six, present(['a', 'b', 'c', 'd', 'e'])).quorate, true)
  })

  it('has no quorum to check where the rulebook sets none (钟山 全体会议)', () => {
    const meeting = { jurisdictionId: 'zhongshan', meetingType: 'plenary' } as MeetingRecord
    const check = quorumOf(rules(), meeting, [{ postId: 'a', role: 'member' }], new Set())
    assert.equal(check.quorate, null)
  })
})

describe('when the meeting notice is due', () => {
  it('wants 二连浩特’s items’ materials out a day before (四十一), and asks nothing of 钟山', () => {
    const standing = (jurisdictionId: string) =>
      ({
        jurisdictionId,
        meetingType: 'standing',
        startsAt: '2026-04-10T01:00:00Z',
      }) as MeetingRecord
    const onTime = noticeTimingOf(rules(), standing('erlianhaote'), '2026-04-09')
    assert.equal(onTime.latest, '2026-04-09')
    assert.equal(onTime.onTime, true)
    assert.ok(onTime.citations.some((citation) => citation.article === '四十一'))
    assert.equal(noticeTimingOf(rules(), standing('erlianhaote'), '2026-04-10').onTime, false)
    assert.deepEqual(noticeTimingOf(rules(), standing('zhongshan'), '2026-04-10'), {
      latest: null,
      onTime: null,
      summary: null,
      citations: [],
    })
  })
})
