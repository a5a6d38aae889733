import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { runCli } from './main.ts'
import type { Output } from './output.ts'

const NATIONAL = join(import.meta.dirname, '../../rulebooks/national/rulebook.yaml')
const SEED =
  '第一条 为了规范工作，制定本规则。\n第二条 部门会签文件，应在5个工作日内回复,逾期视为同意。\n第三条 本规则自印发之日起施行。\n'

function rulebook(version: string, effectiveFrom: string, days: number, extra = '') {
  return `rulebook: testland
title: 测试县人民政府工作规则
version: "${version}"
effectiveFrom: ${effectiveFrom}
extends: national
jurisdiction: { code: testland, name: 测试县人民政府, level: county, region: 测试省 }
source: { seed: test-seed.txt, title: 测试县人民政府工作规则 }
posts:
  - { id: principal, title: 县长, type: fixed }
rules:
  - id: testland.countersign.reply
    kind: countersign
    title: 会签回复
    article: { number: 第二条, excerpt: "应在5个工作日内回复,逾期视为同意" }
    params: { replyWithin: ${days} workingDays, leadMaySetLimit: false, overdue: deemedNoObjection }
${extra}`
}

/** A rulebook root of its own per test: national rulebook, one jurisdiction, its seed. */
function buildRoot(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'zhengling-cli-'))
  const all: Record<string, string> = {
    'national/rulebook.yaml': readFileSync(NATIONAL, 'utf8'),
    'sources/test-seed.txt': SEED,
    'jurisdictions/testland/rulebook.yaml': rulebook('2024', '2024-01-01', 5),
    'jurisdictions/testland/coverage.yaml': `jurisdiction: testland
seed: test-seed.txt
articles:
  - { number: 第一条, class: declarative, gist: 制定目的 }
  - { number: 第二条, class: operational, gist: 会签5个工作日 }
  - { number: 第三条, class: declarative, gist: 施行日期 }
`,
    'jurisdictions/testland/cases/countersign.yaml': `jurisdiction: testland
cases:
  - name: 会签5个工作日
    decision: countersign-deadline
    input: { requestedOn: 2026-03-02 }
    expect: { outcome: { due: 2026-03-09 }, cites: [第二条] }
`,
    ...files,
  }
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

function run(argv: string[], root: string) {
  const out: string[] = []
  const err: string[] = []
  const output: Output = { out: (line = '') => out.push(line), err: (line = '') => err.push(line) }
  const code = runCli(argv, output, root)
  if (typeof code !== 'number') throw new Error('rulebook commands answer synchronously')
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('zhengling rules', () => {
  it('explain answers with the article and the excerpt', () => {
    const root = buildRoot()
    writeFileSync(join(root, 'input.json'), JSON.stringify({ requestedOn: '2026-03-02' }))
    const result = run(
      ['rules', 'explain', 'testland', 'countersign-deadline', join(root, 'input.json')],
      root,
    )
    assert.equal(result.code, 0, result.err)
    assert.match(result.out, /截止 2026-03-09/)
    assert.match(result.out, /《测试县人民政府工作规则》第二条/)
    assert.match(result.out, /第二百零一条/)
  })

  it('explain --json is machine-readable and carries citations', () => {
    const root = buildRoot()
    writeFileSync(join(root, 'input.json'), JSON.stringify({ requestedOn: '2026-12-30' }))
    const result = run(
      ['rules', 'explain', 'testland', 'countersign-deadline', join(root, 'input.json'), '--json'],
      root,
    )
    const parsed = JSON.parse(result.out)
    assert.equal(parsed.citations[0].article, '第二条')
    assert.equal(parsed.warnings[0].code, 'CALENDAR_YEAR_MISSING')
  })

  it('bad input gets a Chinese message and an exit code, never a stack trace', () => {
    const root = buildRoot()
    writeFileSync(join(root, 'broken.json'), '{ requestedOn: ')
    const broken = run(
      ['rules', 'explain', 'testland', 'countersign-deadline', join(root, 'broken.json')],
      root,
    )
    assert.equal(broken.code, 2)
    assert.match(broken.err, /不是有效的 JSON/)
    assert.doesNotMatch(broken.err, /\n\s+at /)
    const unknown = run(
      ['rules', 'explain', 'atlantis', 'countersign-deadline', join(root, 'broken.json')],
      root,
    )
    assert.equal(unknown.code, 2)
    assert.match(unknown.err, /未知辖区：atlantis/)
  })

  it('lint reports a typo with file, line and field', () => {
    const root = buildRoot()
    const file = join(root, 'typo.yaml')
    writeFileSync(
      file,
      rulebook('2024', '2024-01-01', 5).replace(
        'overdue: deemedNoObjection',
        'overdue: deemedNoObjection, overdu: 1',
      ),
    )
    const result = run(['rules', 'lint', file], root)
    assert.equal(result.code, 1)
    assert.match(result.err, /typo\.yaml:15:\d+ {2}rules\[0\]\.params：未知字段：overdu/)
  })

  it('lint rejects an unknown post and a misquoted excerpt', () => {
    const root = buildRoot()
    const file = join(root, 'bad.yaml')
    const text = rulebook('2024', '2024-01-01', 5).replace('逾期视为同意', '逾期视为反对')
      .concat(`  - id: testland.acting.head
    kind: acting
    title: 代理
    article: { number: 第二条, excerpt: 部门会签文件 }
    params: { absent: principal, order: [viceCountyHead] }
`)
    writeFileSync(file, text)
    const result = run(['rules', 'lint', file], root)
    assert.equal(result.code, 1, result.err)
    assert.match(result.err, /未定义的职务：viceCountyHead/)
    assert.match(result.err, /摘录在 test-seed\.txt 中找不到原文/)
  })

  it('test runs cases and prints the tally; a wrong expectation fails', () => {
    const root = buildRoot()
    assert.match(run(['rules', 'test'], root).out, /1 passed, 0 failed/)
    const own = join(root, 'county-cases.yaml')
    writeFileSync(
      own,
      `jurisdiction: testland
cases:
  - name: 写错的期望
    decision: countersign-deadline
    input: { requestedOn: 2026-03-02 }
    expect: { outcome: { due: 2026-03-06 } }
`,
    )
    const result = run(['rules', 'test', own], root)
    assert.equal(result.code, 1)
    assert.match(result.err, /county-cases\.yaml:3 写错的期望/)
    assert.match(result.out, /0 passed, 1 failed/)
  })

  it('coverage passes when every operational article has a tested rule, and fails otherwise', () => {
    assert.equal(run(['rules', 'coverage', 'testland'], buildRoot()).code, 0)
    // Unscoped, the national rules count too: this test root has no case citing them.
    assert.match(
      run(['rules', 'coverage'], buildRoot()).err,
      /national@2026\.1 national\.document\.kinds/,
    )
    const untested = buildRoot({
      'jurisdictions/testland/cases/countersign.yaml':
        'jurisdiction: testland\ncases:\n  - { name: 无关, decision: document-kind-check, input: { documentKind: 函 }, expect: { outcome: { valid: true } } }\n',
    })
    const result = run(['rules', 'coverage'], untested)
    assert.equal(result.code, 1)
    assert.match(result.err, /testland 第二条：规则尚无通过的用例/)
    assert.match(result.err, /testland@2024 testland\.countersign\.reply：规则尚无通过的用例引用/)
  })

  it('coverage tells operational articles a workflow enforces from decisions only and non-software ones', () => {
    const root = buildRoot({
      'jurisdictions/testland/coverage.yaml': `jurisdiction: testland
seed: test-seed.txt
articles:
  - { number: 第一条, class: operational, gist: 制定目的, notForSoftware: 无可检查的行为 }
  - { number: 第二条, class: operational, gist: 会签5个工作日 }
  - { number: 第三条, class: declarative, gist: 施行日期 }
`,
    })
    const table = run(['rules', 'coverage', 'testland'], root)
    assert.equal(table.code, 0, table.err)
    assert.match(table.out, /条文数\s+操作性\s+宣示性\s+流程执行\s+仅决策\s+非软件/)
    // 第二条's countersign rule is asked by drafting (countersign-deadline): 流程执行.
    assert.match(table.out, /testland\s+3\s+2\s+1\s+1\s+0\s+1\s/)
    const json = JSON.parse(run(['rules', 'coverage', 'testland', '--json'], root).out)
    type Row = { number: string; workflowRules: string[]; status: string | null }
    const byNumber = new Map<string, Row>(json[0].articles.map((a: Row) => [a.number, a]))
    assert.deepEqual(byNumber.get('第二条')?.workflowRules, ['testland.countersign.reply'])
    assert.equal(byNumber.get('第二条')?.status, 'workflow')
    assert.equal(byNumber.get('第一条')?.status, 'notForSoftware')
    assert.equal(byNumber.get('第三条')?.status, null)
    // A rule no workflow asks leaves its article a decision only.
    const decisionOnly = buildRoot({
      'jurisdictions/testland/rulebook.yaml': rulebook('2024', '2024-01-01', 5).replace(
        / {2}- id: testland\.countersign\.reply[\s\S]*$/,
        `  - id: testland.limit.days
    kind: limit
    title: 回复时限
    article: { number: 第二条, excerpt: "应在5个工作日内回复" }
    params: { subject: { code: replyDays, label: 回复天数 }, max: 5, inclusive: true, unit: 工作日 }
`,
      ),
      'jurisdictions/testland/cases/countersign.yaml': `jurisdiction: testland
cases:
  - name: 5日以内
    decision: limit-check
    input: { subject: replyDays, value: 5 }
    expect: { outcome: { within: true }, rules: [testland.limit.days] }
`,
    })
    const only = JSON.parse(run(['rules', 'coverage', 'testland', '--json'], decisionOnly).out)
    assert.equal(only[0].totals.decisionOnly, 1)
    assert.equal(only[0].totals.workflow, 0)
  })

  it('picks the rulebook version in force on the date, and says when none was', () => {
    const root = buildRoot({
      'jurisdictions/testland/rulebook-2026.yaml': rulebook('2026', '2026-06-01', 3),
    })
    writeFileSync(join(root, 'input.json'), JSON.stringify({ requestedOn: '2026-03-02' }))
    const args = [
      'rules',
      'explain',
      'testland',
      'countersign-deadline',
      join(root, 'input.json'),
      '--json',
    ]
    assert.equal(
      JSON.parse(run([...args, '--as-of', '2026-05-31'], root).out).outcome.due,
      '2026-03-09',
    )
    assert.equal(
      JSON.parse(run([...args, '--as-of', '2026-06-01'], root).out).outcome.due,
      '2026-03-05',
    )
    const cases = join(root, 'version-cases.yaml')
    writeFileSync(
      cases,
      `jurisdiction: testland
cases:
  - { name: 施行前, decision: countersign-deadline, asOf: 2023-12-31, input: { requestedOn: 2023-12-29 }, expect: { error: NO_VERSION_IN_FORCE } }
  - { name: 施行前但期望结果, decision: countersign-deadline, asOf: 2023-12-31, input: { requestedOn: 2023-12-29 }, expect: { outcome: { due: 2024-01-05 } } }
`,
    )
    assert.match(run(['rules', 'test', cases], root).out, /1 passed, 1 failed/)
    const before = run([...args, '--as-of', '2023-01-01'], root)
    assert.equal(before.code, 2)
    assert.match(before.err, /没有已编入的工作规则版本/)
  })

  it('diff shows where two rulebooks differ', () => {
    const root = buildRoot({
      'jurisdictions/otherland/rulebook.yaml': rulebook('2024', '2024-01-01', 3)
        .replaceAll('testland', 'otherland')
        .replace('测试县', '另一县'),
    })
    const result = run(['rules', 'diff', 'testland', 'otherland'], root)
    assert.equal(result.code, 0, result.err)
    assert.match(result.out, /testland\s+第二条 会签回复：replyWithin=5个工作日/)
    assert.match(result.out, /otherland\s+第二条 会签回复：replyWithin=3个工作日/)
  })
})

describe('zhengling rules catalogue', () => {
  it('--check fails on a stale catalogue and passes once regenerated', () => {
    const root = buildRoot()
    const file = join(root, 'catalogue.md')
    writeFileSync(file, 'old')
    assert.equal(run(['rules', 'catalogue', '--out', file, '--check'], root).code, 1)
    assert.equal(run(['rules', 'catalogue', '--out', file], root).code, 0)
    assert.match(readFileSync(file, 'utf8'), /`testland\.countersign\.reply` \| countersign/)
    assert.equal(run(['rules', 'catalogue', '--out', file, '--check'], root).code, 0)
  })
})

describe('calendar data files', () => {
  it('a national file completes a year (no warning); a regional file applies only where listed', () => {
    const national2027 = `calendar: national-2027-test
scope: national
covers: [2027]
source: { title: 测试用2027年节假日安排 }
days:
  - { date: 2027-01-01, kind: holiday, name: 元旦 }
`
    const regional = `calendar: testland-festival
scope: regional
region: 测试自治州
source: { title: 测试自治州人民政府关于民族节日放假的通知, reference: 测府发〔2026〕1号 }
days:
  - { date: 2026-03-03, kind: holiday, name: 测试节 }
`
    const root = buildRoot({
      'calendars/national-2027.yaml': national2027,
      'calendars/testland-festival.yaml': regional,
      'jurisdictions/testland/rulebook.yaml': rulebook('2024', '2024-01-01', 5)
        .replace('calendars: []', '')
        .replace('posts:', 'calendars: [testland-festival]\nposts:'),
      'jurisdictions/otherland/rulebook.yaml': rulebook('2024', '2024-01-01', 5).replaceAll(
        'testland',
        'otherland',
      ),
    })
    writeFileSync(join(root, 'march.json'), JSON.stringify({ requestedOn: '2026-03-02' }))
    writeFileSync(join(root, 'december.json'), JSON.stringify({ requestedOn: '2026-12-30' }))
    const due = (code: string, input: string) =>
      JSON.parse(
        run(['rules', 'explain', code, 'countersign-deadline', join(root, input), '--json'], root)
          .out,
      )
    // 03-03 is a regional holiday in testland only: its 5 working days end a day later.
    assert.equal(due('testland', 'march.json').outcome.due, '2026-03-10')
    assert.equal(due('otherland', 'march.json').outcome.due, '2026-03-09')
    // 2027 is now covered: no CALENDAR_YEAR_MISSING warning, and 2027-01-01 is a holiday.
    const december = due('otherland', 'december.json')
    assert.deepEqual(december.warnings, [])
    assert.equal(december.outcome.due, '2027-01-07')
  })

  it('a rulebook naming a calendar that does not exist is an error', () => {
    const root = buildRoot({
      'jurisdictions/testland/rulebook.yaml': rulebook('2024', '2024-01-01', 5).replace(
        'posts:',
        'calendars: [nowhere]\nposts:',
      ),
    })
    const result = run(['rules', 'list'], root)
    assert.equal(result.code, 1)
    assert.match(result.err, /找不到日历数据：nowhere/)
  })
})
