import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseRosterFile } from './roster-file.ts'

const ROSTER = `jurisdiction:
  id: testcounty
  name: 测试县人民政府
  level: county
  rulebookVersion: 2021
departments:
  - { name: 县财政局, kind: department }
people:
  - { key: wang, name: 王一 }
posts:
  - role: principal
    title: 县长
    holders: [{ person: wang, from: 2021-05-01 }]
  - role: executiveDeputy
    title: 常务副县长
    portfolio: [{ department: 县财政局, from: 2021-05-01 }]
acting:
  - { post: 县长, actingPost: 常务副县长, from: 2026-03-02, to: 2026-03-06 }
`

describe('roster file', () => {
  it('reads recipient groups (分发组) by unit kind, and refuses a label twice or an unknown kind', () => {
    const groups = (lines: string) =>
      parseRosterFile(`${ROSTER}recipientGroups:\n${lines}`, 'r.yaml')
    const good = groups(
      '  - { label: 各乡（镇）人民政府, kinds: [township] }\n  - { label: 县政府各部门, kinds: [department] }\n',
    )
    assert.deepEqual(good.errors, [])
    assert.deepEqual(good.roster?.recipientGroups, [
      { label: '各乡（镇）人民政府', kinds: ['township'] },
      { label: '县政府各部门', kinds: ['department'] },
    ])
    assert.deepEqual(parseRosterFile(ROSTER, 'r.yaml').roster?.recipientGroups, [])
    const twice = groups(
      '  - { label: 县政府各部门, kinds: [department] }\n  - { label: 县政府各部门, kinds: [desk] }\n',
    )
    assert.equal(twice.errors[0]?.path, 'recipientGroups[1]')
    assert.match(twice.errors[0]?.message ?? '', /分发组重复/)
    const unknown = groups('  - { label: 各村, kinds: [village] }\n')
    assert.equal(unknown.errors.length, 1)
    assert.match(unknown.errors[0]?.path ?? '', /^recipientGroups\[0\]\.kinds/)
  })

  it('reads a roster: YAML dates become civil dates, numbers become version strings', () => {
    const { roster, errors } = parseRosterFile(ROSTER, 'roster.yaml')
    assert.deepEqual(errors, [])
    assert.equal(roster?.jurisdiction.rulebookVersion, '2021')
    assert.deepEqual(roster?.posts[0]?.holders, [{ person: 'wang', from: '2021-05-01' }])
    assert.deepEqual(roster?.posts[1]?.holders, [])
  })

  it('takes a 收文编号 format with {year} and {serial}, and points at one without', () => {
    const good = parseRosterFile(
      `${ROSTER}receiptNumberFormat: 测府收〔{year}〕{serial}号\n`,
      'r.yaml',
    )
    assert.deepEqual(good.errors, [])
    assert.equal(good.roster?.receiptNumberFormat, '测府收〔{year}〕{serial}号')
    const bad = parseRosterFile(`${ROSTER}receiptNumberFormat: 测府收〔2026〕号\n`, 'r.yaml')
    assert.equal(bad.errors.length, 1)
    assert.equal(bad.errors[0]?.path, 'receiptNumberFormat')
    assert.match(bad.errors[0]?.message ?? '', /\{serial\}/)
  })

  it('marks the post heading its unit, and refuses a unit head without a unit', () => {
    const marked = ROSTER.replace(
      '  - role: principal\n    title: 县长\n',
      '  - role: departmentHead\n    title: 县财政局局长\n    department: 县财政局\n    headsUnit: true\n  - role: principal\n    title: 县长\n',
    )
    const { roster } = parseRosterFile(marked, 'roster.yaml')
    assert.equal(roster?.posts[0]?.headsUnit, true)
    assert.equal(roster?.posts[1]?.headsUnit, false)
    const unitless = ROSTER.replace('    title: 县长\n', '    title: 县长\n    headsUnit: true\n')
    const { errors } = parseRosterFile(unitless, 'roster.yaml')
    assert.match(errors[0]?.message ?? '', /不属于任何单位/)
    assert.equal(errors[0]?.path, 'posts[0].headsUnit')
  })

  it('points at the line of each broken reference', () => {
    const broken = ROSTER.replace('person: wang,', 'person: li,')
      .replace('department: 县财政局, from', 'department: 县教育局, from')
      .replace('actingPost: 常务副县长', 'actingPost: 县长')
    const { roster, errors } = parseRosterFile(broken, 'roster.yaml')
    assert.equal(roster, undefined)
    assert.deepEqual(
      errors.map((e) => [e.line, e.path, e.message]),
      [
        [13, 'posts[0].holders[0].person', '名册中没有这个人员：li'],
        [16, 'posts[1].portfolio[0].department', '名册中没有这个单位：县教育局'],
        [18, 'acting[0].actingPost', '职务不能代理自己'],
      ],
    )
  })

  it('refuses unknown fields, bad levels and ranges that run backwards', () => {
    const { errors } = parseRosterFile(
      ROSTER.replace('level: county', 'level: province')
        .replace('name: 王一 }', 'name: 王一, rank: 正处 }')
        .replace('to: 2026-03-06', 'to: 2026-03-01'),
      'roster.yaml',
    )
    assert.deepEqual(
      errors.map((e) => e.path),
      ['jurisdiction.level', 'people[0]'],
    )
    const backwards = parseRosterFile(ROSTER.replace('to: 2026-03-06', 'to: 2026-03-01'), 'r.yaml')
    assert.deepEqual(
      backwards.errors.map((e) => e.message),
      ['代理结束早于开始'],
    )
  })
})
