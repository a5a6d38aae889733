import assert from 'node:assert/strict'
import { it } from 'node:test'
import { LIMITS as SERVER } from '../../http/src/routes/contract-fields.ts'
import { LIMITS } from './limits.ts'

it("the forms state the server's limits", () => {
  assert.equal(LIMITS.title, SERVER.title)
  assert.equal(LIMITS.body, SERVER.body)
})
