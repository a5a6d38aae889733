import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { assertMeetingDateAllowed, RuleRefusedError } from '@zhengling/app'
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
