import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contextFor, loadCachedLibrary } from '@zhengling/rulebooks'
import type { ResolvedRulebook } from '../rulebook/resolve-rulebook.ts'
import {
  type ActingPost,
  actingDutyOn,
  actingDutyOver,
  actingSpansOf,
  type AwayPost,
  datesFromTo,
} from './acting-duty.ts'

const library = loadCachedLibrary()
const ON = '2026-12-07'
const COUNTIES = ['erlianhaote', 'muli', 'toksun', 'yanjin', 'zhongshan'] as const

function rulebookOf(jurisdiction: string): ResolvedRulebook {
  const resolved = contextFor(library, jurisdiction, ON)
  if (!resolved.ok) throw new Error(resolved.message)
  return resolved.context.rulebook
}

// A leadership as every demo roster has it, in roster order (the chart's order).
const post = (postId: string, role: string, unitRulebookPost: string | null = null) => ({
  postId,
  role,
  title: postId,
  unitRulebookPost,
  held: true,
})
const POSTS: ActingPost[] = [
  post('head', 'principal'),
  post('exec', 'executiveDeputy'),
  post('deputy1', 'deputy'),
  post('deputy2', 'deputy'),
  post('deputy3', 'deputy'),
  post('office', 'officeDirector', 'governmentOffice'),
  post('finance', 'departmentHead'),
  post('financeDeputy', 'departmentDeputy'),
  post('township', 'townshipHead'),
  post('townshipDeputy', 'townshipDeputy'),
]

const away = (
  postId: string,
  standInPostId: string | null = null,
  category: string | null = 'businessTrip',
): AwayPost => ({
  postId,
  absenceId: `absence-${postId}`,
  standInPostId,
  category,
})

function duty(
  jurisdiction: string,
  awayPosts: AwayPost[],
  options: { designations?: { postId: string; actingPostId: string }[]; posts?: ActingPost[] } = {},
) {
  return actingDutyOn({
    rulebook: rulebookOf(jurisdiction),
    date: ON,
    posts: options.posts ?? POSTS,
    away: awayPosts,
    designations: (options.designations ?? []).map((d, i) => ({ id: `designation-${i}`, ...d })),
  })
}

/** Who acts for `postId` that day (or 'GAP', or 'nobody' when neither is answered). */
function actingFor(day: ReturnType<typeof duty>, postId: string) {
  const assignment = day.assignments.find((a) => a.postId === postId)
  if (assignment) return assignment.actingPostId
  return day.gaps.some((g) => g.postId === postId) ? 'GAP' : 'nobody'
}

// The articles as the issue reads them: the head's stand-in, and what happens when both the head
// and the executive deputy are away (钟山 第六条: the deputy the head designates; 二连浩特 八: the
// other deputies in order; 木里 第七条, 托克逊 五, 延津 五: not provided for → the office names one).
const HEAD_ARTICLE: Record<(typeof COUNTIES)[number], string> = {
  erlianhaote: '八',
  muli: '第七条',
  toksun: '五',
  yanjin: '五',
  zhongshan: '第六条',
}
const BOTH_AWAY: Record<(typeof COUNTIES)[number], string> = {
  erlianhaote: 'deputy1',
  muli: 'GAP',
  toksun: 'GAP',
  yanjin: 'GAP',
  zhongshan: 'GAP',
}

describe('acting duty over the five rulebooks', () => {
  for (const county of COUNTIES) {
    it(`${county}: the head away → the executive deputy acts, citing ${HEAD_ARTICLE[county]}`, () => {
      const day = duty(county, [away('head')])
      assert.equal(actingFor(day, 'head'), 'exec')
      const [assignment] = day.assignments
      assert.equal(assignment?.source, 'rule')
      assert.deepEqual(
        assignment?.citations.map((c) => c.article),
        [HEAD_ARTICLE[county]],
      )
      assert.equal(assignment?.note, `代行head职责 — ${HEAD_ARTICLE[county]}`)
      assert.deepEqual(day.gaps, [])
    })

    it(`${county}: nobody away → nobody acts for anyone`, () => {
      const day = duty(county, [])
      assert.deepEqual(day, { date: ON, assignments: [], gaps: [] })
    })

    it(`${county}: head and executive deputy both away → ${BOTH_AWAY[county]}`, () => {
      const day = duty(county, [away('head'), away('exec')])
      assert.equal(actingFor(day, 'head'), BOTH_AWAY[county])
      const gap = day.gaps.find((g) => g.postId === 'head')
      if (gap) {
        assert.deepEqual(
          gap.citations.map((c) => c.article),
          [HEAD_ARTICLE[county]],
        )
        assert.match(gap.summary, /须由办公室明确/)
      }
    })

    it(`${county}: both away with a designation → the designated deputy acts`, () => {
      const day = duty(county, [away('head'), away('exec')], {
        designations: [{ postId: 'head', actingPostId: 'deputy2' }],
      })
      // 二连浩特 八 names the order itself (依次): the first ranked deputy, not the designation.
      assert.equal(actingFor(day, 'head'), county === 'erlianhaote' ? 'deputy1' : 'deputy2')
      const assignment = day.assignments.find((a) => a.postId === 'head')
      assert.equal(assignment?.source, county === 'erlianhaote' ? 'rule' : 'designation')
      assert.deepEqual(
        assignment?.citations.map((c) => c.article),
        [HEAD_ARTICLE[county]],
      )
    })

    it(`${county}: a designated deputy who is away too does not act`, () => {
      const day = duty(county, [away('head'), away('exec'), away('deputy2')], {
        designations: [{ postId: 'head', actingPostId: 'deputy2' }],
      })
      assert.equal(actingFor(day, 'head'), county === 'erlianhaote' ? 'deputy1' : 'GAP')
    })

    it(`${county}: a vacant executive deputy cannot act`, () => {
      const posts = POSTS.map((p) => (p.postId === 'exec' ? { ...p, held: false } : p))
      const day = duty(county, [away('head')], { posts })
      assert.equal(actingFor(day, 'head'), BOTH_AWAY[county])
    })

    it(`${county}: the head's stand-in named on the request does not override the rule`, () => {
      const day = duty(county, [away('head', 'deputy3')])
      assert.equal(actingFor(day, 'head'), 'exec')
    })
  }

  it('二连浩特 八: 依次 — the ranked deputies in roster order, skipping those away', () => {
    assert.equal(actingFor(duty('erlianhaote', [away('head'), away('exec')]), 'head'), 'deputy1')
    assert.equal(
      actingFor(duty('erlianhaote', [away('head'), away('exec'), away('deputy1')]), 'head'),
      'deputy2',
    )
    const all = [away('head'), away('exec'), away('deputy1'), away('deputy2'), away('deputy3')]
    assert.equal(actingFor(duty('erlianhaote', all), 'head'), 'GAP')
  })

  it('延津 五: a deputy away → the stand-in partner the request names, citing 五', () => {
    const day = duty('yanjin', [away('deputy1', 'deputy2')])
    assert.equal(actingFor(day, 'deputy1'), 'deputy2')
    assert.equal(day.assignments[0]?.source, 'standIn')
    assert.deepEqual(
      day.assignments[0]?.citations.map((c) => c.article),
      ['五'],
    )
    // Both partners away: the article is silent, the office must name someone.
    assert.equal(
      actingFor(duty('yanjin', [away('deputy1', 'deputy2'), away('deputy2')]), 'deputy1'),
      'GAP',
    )
    assert.equal(actingFor(duty('yanjin', [away('deputy1')]), 'deputy1'), 'GAP')
  })

  it('木里 第二十九条: a department or township head away → 主持工作的负责人 the request names', () => {
    for (const [head, deputy] of [
      ['finance', 'financeDeputy'],
      ['township', 'townshipDeputy'],
    ] as const) {
      const day = duty('muli', [away(head, deputy)])
      assert.equal(actingFor(day, head), deputy)
      assert.deepEqual(
        day.assignments[0]?.citations.map((c) => c.article),
        ['第二十九条'],
      )
      assert.equal(actingFor(duty('muli', [away(head)]), head), 'GAP')
    }
  })

  // 钟山 第六条 因公出区 and 延津 五 离延出差、出访和学习: the rule follows those absences only
  // (during); 木里, 托克逊, 二连浩特 say 外出 — any absence.
  for (const county of COUNTIES) {
    const only = county === 'zhongshan' || county === 'yanjin'
    for (const category of ['businessTrip', 'abroad', 'study', 'vacation', 'personalLeave']) {
      const applies = !only || ['businessTrip', 'abroad', 'study'].includes(category)
      it(`${county}: the head away on ${category} → ${applies ? 'the rule' : 'the named stand-in, no article'}`, () => {
        const day = duty(county, [away('head', 'deputy3', category)])
        assert.equal(actingFor(day, 'head'), applies ? 'exec' : 'deputy3')
        assert.equal(day.assignments[0]?.source, applies ? 'rule' : 'standIn')
      })
    }
  }

  it('an unknown category brings every rule into play', () => {
    assert.equal(actingFor(duty('zhongshan', [away('head', null, null)]), 'head'), 'exec')
  })

  it('钟山: a deputy away with no acting rule → the named stand-in, without an article', () => {
    const day = duty('zhongshan', [away('deputy1', 'deputy2')])
    assert.equal(actingFor(day, 'deputy1'), 'deputy2')
    assert.equal(day.assignments[0]?.source, 'standIn')
    assert.deepEqual(day.assignments[0]?.citations, [])
    assert.equal(day.assignments[0]?.note, '代行deputy1职责（请假人指定）')
    assert.equal(actingFor(duty('zhongshan', [away('deputy1')]), 'deputy1'), 'nobody')
  })
})

describe('acting duty over days', () => {
  it('days between two dates, both ends included, across a month end', () => {
    assert.deepEqual(datesFromTo('2026-02-27', '2026-03-02'), [
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
    assert.deepEqual(datesFromTo('2026-03-02', '2026-03-01'), [])
  })

  it('overlapping absences: consecutive days merge into spans, a day both are away with no designation is a gap', () => {
    const rulebook = rulebookOf('zhongshan')
    const days = actingDutyOver({
      rulebookOn: () => rulebook,
      from: '2026-12-01',
      to: '2026-12-10',
      posts: POSTS,
      away: [
        { ...away('head'), from: '2026-12-02', to: '2026-12-06' },
        { ...away('exec'), from: '2026-12-05', to: '2026-12-08' },
      ],
      designations: [
        { id: 'd', postId: 'head', actingPostId: 'deputy3', from: '2026-12-06', to: '2026-12-06' },
      ],
    })
    assert.equal(days.length, 10)
    const spans = actingSpansOf(days).map((s) => [s.postId, s.actingPostId, s.source, s.from, s.to])
    assert.deepEqual(spans, [
      ['head', 'exec', 'rule', '2026-12-02', '2026-12-04'],
      ['head', 'deputy3', 'designation', '2026-12-06', '2026-12-06'],
    ])
    // 12-05: both away, no designation that day → a gap the office must fill.
    assert.deepEqual(
      days.filter((d) => d.gaps.length).map((d) => d.date),
      ['2026-12-05'],
    )
  })
})
