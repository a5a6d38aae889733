import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildBaseRulebook, buildRulebook, rule } from '../test-support/build-context.ts'
import { matchScore, pickMostSpecific } from './conditions.ts'
import { resolveRulebook, rulesOfKind, selectVersion } from './resolve-rulebook.ts'
import { rulebookSchema } from './schema.ts'
import { verifyExcerpts } from './verify-excerpts.ts'
import { issuesToErrors, parseYamlSource } from './yaml-source.ts'

const HEADER = `rulebook: testland
title: 测试县人民政府工作规则
version: "2024"
effectiveFrom: 2024-01-01
extends: national
source: { seed: test-seed.txt, title: 测试 }
rules:
  - id: testland.countersign.reply
    kind: countersign
    title: 会签
    article: { number: 第九条, excerpt: 3个工作日内回复 }
    params:
`

function errorsOf(text: string) {
  const source = parseYamlSource(text, 'testland.yaml')
  assert.deepEqual(source.syntaxErrors, [])
  const parsed = rulebookSchema.safeParse(source.value)
  assert.equal(parsed.success, false)
  return issuesToErrors(source, parsed.success ? [] : parsed.error.issues)
}

describe('rulebook schema errors point at the line', () => {
  it('a misspelt field', () => {
    const errors = errorsOf(
      `${HEADER}      replyWithin: 3 workingDays\n      leadMaySetLimit: true\n      overdue: deemedNoObjection\n      overdu: remindFirst\n`,
    )
    assert.equal(errors.length, 1)
    assert.equal(errors[0]?.line, 16)
    assert.equal(errors[0]?.path, 'rules[0].params')
    assert.match(errors[0]?.message ?? '', /未知字段：overdu/)
  })

  it('a period that is not a period', () => {
    const errors = errorsOf(
      `${HEADER}      replyWithin: three days\n      leadMaySetLimit: true\n      overdue: deemedNoObjection\n`,
    )
    assert.equal(errors[0]?.line, 13)
    assert.match(errors[0]?.message ?? '', /期间写法无效/)
  })

  it('an unknown rule kind lists the known ones', () => {
    const errors = errorsOf(
      `${HEADER.replace('kind: countersign', 'kind: countersing')}      x: 1\n`,
    )
    assert.equal(errors[0]?.line, 9)
    assert.match(errors[0]?.message ?? '', /未知的规则类型.*countersign/)
  })

  it('a value outside its enum', () => {
    const errors = errorsOf(
      `${HEADER}      replyWithin: 3 workingDays\n      leadMaySetLimit: true\n      overdue: ignore\n`,
    )
    assert.match(errors[0]?.message ?? '', /deemedNoObjection/)
  })

  it('YAML syntax errors carry a line', () => {
    const source = parseYamlSource('rulebook: x\n  bad: [\n', 'bad.yaml')
    assert.ok(source.syntaxErrors.length > 0)
    assert.ok((source.syntaxErrors[0]?.line ?? 0) >= 1)
  })
})

describe('resolveRulebook', () => {
  it('rejects an unknown post with the path to it', () => {
    const book = buildRulebook({
      rules: [rule('acting', 'acting', { absent: 'principal', order: ['viceMayor'] })],
    })
    const { errors } = resolveRulebook(book, buildBaseRulebook())
    assert.deepEqual(errors, [
      {
        path: ['rules', 0, 'params', 'order', 0],
        message: '未定义的职务：viceMayor（请在 posts 中定义，或检查拼写）',
      },
    ])
  })

  it('rejects an unknown meeting and a duplicate rule id', () => {
    const quorum = rule(
      'q',
      'quorum',
      { numerator: 1, denominator: 2, comparison: 'moreThan' },
      { when: { meetings: ['standing'] } },
    )
    const { errors } = resolveRulebook(
      buildRulebook({ rules: [quorum, quorum] }),
      buildBaseRulebook(),
    )
    assert.deepEqual(
      errors.map((e) => e.message),
      ['规则编号重复：testland.q', '未定义的会议：standing', '未定义的会议：standing'],
    )
  })

  it('checks that the posts a class post includes exist, and that inclusion has no cycle', () => {
    const { errors } = resolveRulebook(
      buildRulebook({
        posts: [
          {
            id: 'deputy',
            title: '副县长',
            type: 'group',
            includes: ['executiveDeputy', 'viceMayor'],
          },
          { id: 'leaderA', title: '甲', type: 'group', includes: ['leaderB'] },
          { id: 'leaderB', title: '乙', type: 'group', includes: ['leaderA'] },
        ],
      }),
      buildBaseRulebook(),
    )
    assert.deepEqual(errors, [
      {
        path: ['posts', 0, 'includes', 1],
        message: '未定义的职务：viceMayor（请在 posts 中定义，或检查拼写）',
      },
      { path: ['posts', 1, 'includes'], message: '职务包含关系成环：leaderA' },
      { path: ['posts', 2, 'includes'], message: '职务包含关系成环：leaderB' },
    ])
  })

  it('rejects over-cap steps on a rule without a cap', () => {
    assert.throws(
      () =>
        buildRulebook({
          rules: [
            rule('cap', 'agendaAdmission', {
              overCapRequires: [{ code: 'principalConsent', label: '报区长同意' }],
            }),
          ],
        }),
      /overCapRequires 须与 maxItems 同时使用/,
    )
  })

  it('an override replaces the base rule; others are inherited', () => {
    const own = rule(
      'period',
      'periodComputation',
      { startDayExcluded: false },
      { overrides: 'national.period.start' },
    )
    const { rulebook, errors } = resolveRulebook(
      buildRulebook({ rules: [own] }),
      buildBaseRulebook(),
    )
    assert.deepEqual(errors, [])
    const ids = rulebook.rules.map((r) => r.id)
    assert.ok(!ids.includes('national.period.start'))
    assert.ok(ids.includes('national.period.extension'))
    assert.equal(rulebook.rules.find((r) => r.id === 'testland.period')?.source, 'test-seed.txt')
  })

  it('an override must name an existing base rule of the same kind', () => {
    const wrongKind = rule(
      'x',
      'limit',
      { subject: { code: 'a', label: 'a' }, max: 1, inclusive: true, unit: '个' },
      { overrides: 'national.period.start' },
    )
    const missing = rule(
      'y',
      'limit',
      { subject: { code: 'a', label: 'a' }, max: 1, inclusive: true, unit: '个' },
      { overrides: 'national.nothing' },
    )
    const { errors } = resolveRulebook(
      buildRulebook({ rules: [wrongKind, missing] }),
      buildBaseRulebook(),
    )
    assert.equal(errors.length, 2)
  })

  it('a jurisdiction post title replaces the generic one', () => {
    const { rulebook } = resolveRulebook(
      buildRulebook({ posts: [{ id: 'principal', title: '县长', type: 'fixed' }] }),
      buildBaseRulebook(),
    )
    assert.equal(rulebook.posts.get('principal')?.title, '县长')
  })

  it('filters rules by their own effective dates', () => {
    const old = rule(
      'old',
      'limit',
      { subject: { code: 'a', label: 'a' }, max: 1, inclusive: true, unit: '个' },
      { effectiveTo: '2024-06-30' },
    )
    const { rulebook } = resolveRulebook(buildRulebook({ rules: [old] }), buildBaseRulebook())
    assert.equal(rulesOfKind(rulebook, 'limit', '2024-06-30').length, 1)
    assert.equal(rulesOfKind(rulebook, 'limit', '2024-07-01').length, 0)
  })
})

describe('selectVersion', () => {
  const versions = [
    { version: '2020', effectiveFrom: '2020-08-16' },
    { version: '2023', effectiveFrom: '2023-07-10' },
  ]
  it('picks the latest version that had started', () => {
    assert.equal(selectVersion(versions, '2023-07-09')?.version, '2020')
    assert.equal(selectVersion(versions, '2023-07-10')?.version, '2023')
    assert.equal(selectVersion(versions, '2019-01-01'), undefined)
  })
})

describe('conditions', () => {
  it('a failed condition excludes the rule; more matches win', () => {
    assert.equal(matchScore({ issuer: ['office'] }, { issuer: 'government' }), -1)
    assert.equal(
      matchScore(
        { issuer: ['government'], important: true },
        { issuer: 'government', important: true },
      ),
      2,
    )
    const general = { id: 'general', when: { issuer: ['government'] } }
    const important = { id: 'important', when: { issuer: ['government'], important: true } }
    assert.equal(
      pickMostSpecific([general, important], { issuer: 'government', important: true })?.id,
      'important',
    )
    assert.equal(pickMostSpecific([general, important], { issuer: 'government' })?.id, 'general')
  })
})

describe('verifyExcerpts', () => {
  it('accepts an excerpt that differs only in whitespace and rejects an altered one', () => {
    const seed = '第九条 部门之间会签文件时,一般应在3个工作日内\n回复。'
    const ok = buildRulebook({
      rules: [
        rule('a', 'limit', {
          subject: { code: 'a', label: 'a' },
          max: 1,
          inclusive: true,
          unit: '个',
        }),
      ],
    })
    ok.rules[0] = {
      ...ok.rules[0],
      article: { number: '第九条', excerpt: '一般应在3个工作日内回复' },
    } as (typeof ok.rules)[number]
    assert.deepEqual(verifyExcerpts(ok, new Map([['test-seed.txt', seed]])), [])
    ok.rules[0] = {
      ...ok.rules[0],
      article: { number: '第九条', excerpt: '一般应在5个工作日内回复' },
    } as (typeof ok.rules)[number]
    const problems = verifyExcerpts(ok, new Map([['test-seed.txt', seed]]))
    assert.equal(problems.length, 1)
    assert.deepEqual(problems[0]?.path, ['rules', 0, 'article', 'excerpt'])
  })
})

describe('error messages say what is wrong', () => {
  it('a wrong type is not reported as missing', () => {
    const errors = errorsOf(
      HEADER.replace('version: "2024"', 'version: 2024') +
        '      replyWithin: 3 workingDays\n      leadMaySetLimit: true\n      overdue: deemedNoObjection\n',
    )
    assert.deepEqual(
      errors.map((e) => [e.path, e.message]),
      [['version', '类型错误：应为文本，实为数字']],
    )
  })

  it('a missing date is reported as missing', () => {
    const errors = errorsOf(
      HEADER.replace('effectiveFrom: 2024-01-01\n', '') +
        '      replyWithin: 3 workingDays\n      leadMaySetLimit: true\n      overdue: deemedNoObjection\n',
    )
    assert.deepEqual(
      errors.map((e) => [e.path, e.message]),
      [['effectiveFrom', '缺少必填字段']],
    )
  })
})
