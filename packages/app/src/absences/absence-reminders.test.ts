import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ABSENCE_DECISION_REMINDER,
  ABSENCE_RETURN_REMINDER,
  absenceRemindersOf,
  ACTING_GAP_REMINDER,
  type AbsenceTimerFacts,
} from './absence-reminders.ts'

const base: AbsenceTimerFacts = {
  id: 'a1',
  jurisdictionId: 'zhongshan',
  status: 'pending',
  mode: 'approval',
  fromDate: '2026-03-10',
  toDate: '2026-03-12',
  at: '2026-03-02T02:00:00.000Z', // 10:00 in Shanghai, Monday
}
const morning = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString()
const timersOf = (facts: Partial<AbsenceTimerFacts>) =>
  absenceRemindersOf({ ...base, ...facts }).map((t) => [t.kind, t.runAt, t.dedupeKey])

describe('the timers an absence act writes', () => {
  it('remind the approver of a pending request the next morning and the morning before departure', () => {
    assert.deepEqual(timersOf({}), [
      [ABSENCE_DECISION_REMINDER, morning('2026-03-03'), `${ABSENCE_DECISION_REMINDER}:a1:filed`],
      [
        ABSENCE_DECISION_REMINDER,
        morning('2026-03-09'),
        `${ABSENCE_DECISION_REMINDER}:a1:2026-03-10`,
      ],
    ])
  })

  // Filed at 00:30 Shanghai (16:30 UTC the day before): the next morning is the same civil date + 1.
  for (const [at, fromDate, expected] of [
    ['2026-03-01T16:30:00.000Z', '2026-03-10', ['2026-03-03', '2026-03-09']],
    // Departure the day after tomorrow: the eve is the next morning, one reminder.
    ['2026-03-02T02:00:00.000Z', '2026-03-04', ['2026-03-03']],
    // Departure tomorrow or today: only the next morning.
    ['2026-03-02T02:00:00.000Z', '2026-03-03', ['2026-03-03']],
    ['2026-03-02T02:00:00.000Z', '2026-03-02', ['2026-03-03']],
  ] as const)
    it(`pending, filed ${at}, leaving ${fromDate}: reminders on ${expected.join(', ')}`, () => {
      assert.deepEqual(
        timersOf({ at, fromDate, toDate: '2026-03-20' }).map(([, runAt]) => runAt),
        expected.map(morning),
      )
    })

  for (const status of ['approved', 'filed'])
    it(`${status}: 销假 reminder the morning after the last day, acting-gap check at once and on the eve`, () => {
      assert.deepEqual(timersOf({ status, at: '2026-03-05T01:00:00.000Z' }), [
        [
          ABSENCE_RETURN_REMINDER,
          morning('2026-03-13'),
          `${ABSENCE_RETURN_REMINDER}:a1:2026-03-12`,
        ],
        [
          ACTING_GAP_REMINDER,
          '2026-03-05T01:00:00.000Z',
          `${ACTING_GAP_REMINDER}:a1:2026-03-10..2026-03-12`,
        ],
        [
          ACTING_GAP_REMINDER,
          morning('2026-03-09'),
          `${ACTING_GAP_REMINDER}:a1:2026-03-10..2026-03-12:eve`,
        ],
      ])
    })

  for (const status of ['refused', 'withdrawn', 'returned'])
    it(`${status}: no timer`, () => assert.deepEqual(timersOf({ status }), []))

  it('check acting gaps only at once when departure is the next day or sooner', () => {
    assert.deepEqual(
      timersOf({ status: 'approved', fromDate: '2026-03-03', at: '2026-03-02T02:00:00.000Z' }).map(
        ([kind]) => kind,
      ),
      [ABSENCE_RETURN_REMINDER, ACTING_GAP_REMINDER],
    )
  })

  it('carry the absence and its jurisdiction, for the handler to read it as it is then', () => {
    for (const timer of absenceRemindersOf({ ...base, status: 'approved' })) {
      assert.equal(timer.jurisdictionId, 'zhongshan')
      assert.deepEqual(timer.payload, { absenceId: 'a1' })
    }
  })
})
