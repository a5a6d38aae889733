import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { circularLines } from './issue-supervision-circular.ts'
import { weekEndOf } from './list-supervision-ledger.ts'
import type { SupervisionItem } from './supervision-item.ts'

const item = (overrides: Partial<SupervisionItem>): SupervisionItem =>
  ({
    id: overrides.title ?? 'x',
    leadDepartmentId: 'finance',
    state: 'open',
    dueDate: '2026-03-20',
    daysLate: null,
    title: 'x',
    ...overrides,
  }) as SupervisionItem

describe('circularLines', () => {
  const names = new Map([
    ['finance', '县财政局'],
    ['education', '县教育局'],
  ])

  it('counts each unit’s items closed on time, closed late, and open past due at the period’s end', () => {
    const lines = circularLines(
      [
        item({ title: 'a', state: 'closed', daysLate: 0 }),
        item({ title: 'b', state: 'closed', daysLate: 3 }),
        item({ title: 'c', dueDate: '2026-03-25' }),
        item({ title: 'd', leadDepartmentId: 'education', dueDate: '2026-03-31' }),
        item({ title: 'e', leadDepartmentId: 'education', dueDate: '2026-03-30' }),
      ],
      '2026-03-31',
      names,
    )
    // A unit with overdue items leads; 'd' is due on the last day, so not yet overdue.
    assert.deepEqual(
      lines.map((line) => [line.departmentName, line.onTime, line.late, line.overdue]),
      [
        ['县财政局', 1, 1, 1],
        ['县教育局', 0, 0, 1],
      ],
    )
    assert.deepEqual(lines[0]?.overdueItems, [
      { id: 'c', title: 'c', dueDate: '2026-03-25', daysOverdue: 6 },
    ])
  })
})

describe('weekEndOf', () => {
  it('ends the week on Sunday, and a Sunday is its own week’s end', () => {
    assert.equal(weekEndOf('2026-03-02'), '2026-03-08') // Monday
    assert.equal(weekEndOf('2026-03-07'), '2026-03-08') // Saturday
    assert.equal(weekEndOf('2026-03-08'), '2026-03-08') // Sunday
  })
})
