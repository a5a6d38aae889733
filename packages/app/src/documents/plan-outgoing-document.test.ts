import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RoutingOrganisation } from '../organisation/routing-organisation.ts'
import { portfolioRelationsOf, resolveSignOff } from './plan-outgoing-document.ts'

const post = (postId: string, role: string, unit: string | null = null, heads = false) =>
  ({
    postId,
    title: postId,
    role,
    departmentId: unit,
    unitRulebookPost: unit === 'office' ? 'governmentOffice' : null,
    headsUnit: heads,
    actingFor: null,
  }) satisfies HeldPost

const organisation = (staffed: string[]): RoutingOrganisation => ({
  jurisdictionId: 'x',
  on: '2026-03-02',
  posts: [
    post('head', 'principal'),
    post('exec', 'executiveDeputy'),
    post('edu-deputy', 'deputy'),
    post('director', 'officeDirector', 'office', true),
    post('deputy-director', 'deputyOfficeDirector', 'office'),
    post('edu-head', 'departmentHead', 'edu', true),
    post('finance-head', 'departmentHead', 'finance', true),
  ],
  staffed: new Set(staffed),
  units: [
    { id: 'office', name: '办公室', kind: 'desk', overseerPostIds: [] },
    { id: 'edu', name: '教育局', kind: 'department', overseerPostIds: ['edu-deputy'] },
    { id: 'finance', name: '财政局', kind: 'department', overseerPostIds: ['exec'] },
  ],
})
const ALL = [
  'head',
  'exec',
  'edu-deputy',
  'director',
  'deputy-director',
  'edu-head',
  'finance-head',
]
const drafter = (unit: string | null, postId = 'p') => ({
  postId,
  title: postId,
  departmentId: unit,
})

describe('resolveSignOff', () => {
  const chain = {
    reviewChain: ['involvedDepartmentHead', 'officeDirector', 'portfolioDeputy'],
    signer: ['principal'],
  }

  it('asks a post once when it holds two roles of the chain (the office drafting, 第三十二条)', () => {
    const org = organisation(ALL)
    const relations = portfolioRelationsOf(org, {
      drafter: drafter('office'),
      countersignDepartmentIds: ['edu'],
    })
    assert.equal(relations.basis, 'countersignUnit')
    const plan = resolveSignOff(org, chain, relations)
    assert.deepEqual(plan.unresolved, [])
    assert.deepEqual(plan.steps, [
      { roles: ['involvedDepartmentHead', 'officeDirector'], postIds: ['director'] },
      { roles: ['portfolioDeputy'], postIds: ['edu-deputy'] },
    ])
    assert.deepEqual(plan.signing, { roles: ['principal'], postIds: ['head'] })
  })

  it('a signer asked to review signs once, the signing standing for the review', () => {
    const org = organisation(ALL)
    const relations = portfolioRelationsOf(org, {
      drafter: drafter('office'),
      countersignDepartmentIds: [],
      portfolioDeputyPostId: 'exec',
    })
    const plan = resolveSignOff(
      org,
      {
        reviewChain: ['portfolioDeputyOfficeDirector', 'involvedDepartmentHead', 'portfolioDeputy'],
        signer: ['officeDirector'],
      },
      relations,
    )
    assert.deepEqual(plan.steps, [
      { roles: ['portfolioDeputyOfficeDirector'], postIds: ['deputy-director'] },
      { roles: ['portfolioDeputy'], postIds: ['exec'] },
    ])
    assert.deepEqual(plan.signing, {
      roles: ['involvedDepartmentHead', 'officeDirector'],
      postIds: ['director'],
    })
  })

  it('of signers "A or B" where A reviewed, B signs', () => {
    const org = organisation(ALL)
    const relations = portfolioRelationsOf(org, {
      drafter: drafter('finance'),
      countersignDepartmentIds: [],
    })
    const plan = resolveSignOff(
      org,
      { reviewChain: ['portfolioDeputy'], signer: ['principal', 'executiveDeputy'] },
      relations,
    )
    assert.deepEqual(plan.steps, [{ roles: ['portfolioDeputy'], postIds: ['exec'] }])
    assert.deepEqual(plan.signing.postIds, ['head'])
  })

  it('a choice step (分管副市长或秘书长) goes to either; a vacant post is no one to ask', () => {
    const org = organisation(ALL.filter((id) => id !== 'exec'))
    const relations = portfolioRelationsOf(org, {
      drafter: drafter('finance'),
      countersignDepartmentIds: [],
    })
    const plan = resolveSignOff(
      org,
      { reviewChain: [{ anyOf: ['portfolioDeputy', 'officeDirector'] }], signer: ['principal'] },
      relations,
    )
    assert.deepEqual(plan.steps, [
      { roles: ['portfolioDeputy|officeDirector'], postIds: ['director'] },
    ])
    const vacant = resolveSignOff(
      org,
      { reviewChain: ['portfolioDeputy'], signer: ['principal'] },
      relations,
    )
    assert.deepEqual(vacant.unresolved, [{ kind: 'review', roles: ['portfolioDeputy'] }])
  })

  it('分管副职: the drafting unit’s, a deputy drafting in person, a named one, else nobody', () => {
    const org = organisation(ALL)
    const of = (unit: string | null, postId?: string, named?: string) =>
      portfolioRelationsOf(org, {
        drafter: drafter(unit, postId),
        countersignDepartmentIds: ['edu'],
        portfolioDeputyPostId: named,
      })
    assert.deepEqual(of('finance').overseers, ['exec'])
    assert.deepEqual(of('finance').involved, ['edu-deputy'])
    assert.equal(of(null, 'edu-deputy').basis, 'drafter')
    assert.deepEqual(of('office', 'director', 'exec').overseers, ['exec'])
    assert.deepEqual(of('office', 'director', 'exec').involved, ['edu-deputy'])
    assert.throws(() => of('office', 'director', 'edu-head'), { code: 'NOT_A_DEPUTY' })
    assert.throws(() => of('finance', 'p', 'edu-deputy'), { code: 'PORTFOLIO_DEPUTY_FIXED' })
    const alone = portfolioRelationsOf(org, {
      drafter: drafter('office'),
      countersignDepartmentIds: [],
    })
    assert.deepEqual([alone.overseers, alone.basis], [[], 'none'])
  })
})
