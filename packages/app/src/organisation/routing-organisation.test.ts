import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { HeldPost, OrganisationChart } from './organisation-repository.ts'
import { loadRoutingOrganisation, staffedPostsOfUnit } from './routing-organisation.ts'

const chartPost = (
  postId: string,
  holders: number,
  actedBy: string | null = null,
): OrganisationChart['posts'][number] => ({
  postId,
  role: 'x',
  title: postId,
  department: null,
  holders: Array.from({ length: holders }, (_, i) => ({
    personId: `${postId}-${i}`,
    name: '某',
    from: '2026-01-01',
    to: null,
  })),
  vacant: holders === 0,
  portfolio: [],
  actedBy: actedBy
    ? { postId: actedBy, title: actedBy, from: '2026-03-01', to: '2026-03-07', ruleId: null }
    : null,
})

const unitPost = (postId: string, departmentId: string | null = null): HeldPost => ({
  postId,
  title: postId,
  role: 'x',
  departmentId,
  unitRulebookPost: null,
  headsUnit: false,
  actingFor: null,
})

describe('loadRoutingOrganisation', () => {
  it('a post is staffed when held, or acted for by a held post; never by a vacant one', async () => {
    const directory = {
      unitPosts: async () => [
        unitPost('head'),
        unitPost('exec'),
        unitPost('vacant-acted', 'unit-a'),
        unitPost('vacant-alone', 'unit-b'),
        unitPost('acted-by-vacant', 'unit-b'),
      ],
      organisationChart: async (): Promise<OrganisationChart> => ({
        jurisdiction: { id: 'x', name: 'x', level: 'county', rulebookVersion: '1' },
        on: '2026-03-02',
        departments: [
          { id: 'unit-a', name: '甲局', kind: 'department', overseers: [] },
          { id: 'unit-b', name: '乙局', kind: 'department', overseers: [] },
        ],
        posts: [
          chartPost('head', 1),
          chartPost('exec', 1),
          chartPost('vacant-acted', 0, 'exec'),
          chartPost('vacant-alone', 0),
          chartPost('acted-by-vacant', 0, 'vacant-alone'),
        ],
        actingAssignments: [],
      }),
    }
    const organisation = await loadRoutingOrganisation(directory, 'x', '2026-03-02')
    assert.deepEqual([...organisation.staffed].sort(), ['exec', 'head', 'vacant-acted'])
    assert.deepEqual(
      staffedPostsOfUnit(organisation, 'unit-a').map((p) => p.postId),
      ['vacant-acted'],
    )
    // Nobody in 乙局 can answer a 会签 or take a 转办.
    assert.deepEqual(staffedPostsOfUnit(organisation, 'unit-b'), [])
  })
})
