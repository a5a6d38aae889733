import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { postsForStep } from './posts-for-step.ts'

const post = (overrides: Partial<HeldPost> & Pick<HeldPost, 'postId' | 'role'>): HeldPost => ({
  title: overrides.postId,
  departmentId: null,
  unitRulebookPost: null,
  headsUnit: false,
  actingFor: null,
  ...overrides,
})

const POSTS = [
  post({
    postId: 'head-finance',
    role: 'departmentHead',
    departmentId: 'finance',
    headsUnit: true,
  }),
  post({ postId: 'deputy-head-finance', role: 'departmentHead', departmentId: 'finance' }),
  post({
    postId: 'head-education',
    role: 'departmentHead',
    departmentId: 'education',
    headsUnit: true,
  }),
  post({ postId: 'deputy-2', role: 'deputy' }),
  post({ postId: 'deputy-3', role: 'deputy' }),
]

describe('postsForStep', () => {
  it('the drafting unit’s 主要负责人 is the post the roster marks as heading that unit', () => {
    const relations = { unitId: 'finance', overseerPostIds: [] }
    assert.deepEqual(
      postsForStep(POSTS, 'involvedDepartmentHead', relations).map((p) => p.postId),
      ['head-finance'],
    )
    // A unit without a marked head has nobody to route to (the draft is refused, NO_REVIEWER).
    assert.deepEqual(postsForStep(POSTS, 'leadDepartmentHead', { ...relations, unitId: 'x' }), [])
  })

  it('分管 and 有关 deputies are the overseers of the drafting and the countersigning units', () => {
    const relations = {
      unitId: 'finance',
      overseerPostIds: ['deputy-2'],
      involvedOverseerPostIds: ['deputy-3'],
    }
    assert.deepEqual(
      postsForStep(POSTS, 'portfolioDeputy', relations).map((p) => p.postId),
      ['deputy-2'],
    )
    assert.deepEqual(
      postsForStep(POSTS, 'involvedDeputy', relations).map((p) => p.postId),
      ['deputy-3'],
    )
  })
})
