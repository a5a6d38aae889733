import { InvalidInputError } from '../errors.ts'
import type { OrganisationChart } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { RecipientEntry, RecipientGroup, RecipientRole } from './recipient-repository.ts'

/**
 * One 主送/抄送 as the drafter chose it: a unit of the jurisdiction, a group of its units by the
 * group's label, or an outside recipient (上级机关, other organs) by name, dispatched on paper.
 * A plain string is an outside recipient.
 */
export type RecipientChoice = string | { unitId: string } | { group: string } | { outside: string }

/** A unit a document may be addressed to, and whether anyone holds a post in it today. */
export interface RecipientUnit {
  id: string
  name: string
  kind: 'department' | 'township' | 'desk'
  /** Someone holds (or acts for) a post of the unit today: its 签收 lands in their 待办. */
  staffed: boolean
}

/** What the drafting form offers: the groups with their units, then every unit. */
export interface RecipientOptions {
  groups: { label: string; unitIds: string[] }[]
  units: RecipientUnit[]
}

/** The jurisdiction's units on a date, with their staffing, and its recipient groups. */
export async function recipientOptionsOf(
  r: Repositories,
  jurisdictionId: string,
  on: string,
): Promise<RecipientOptions> {
  const [chart, groups] = await Promise.all([
    r.organisation.organisationChart(jurisdictionId, on),
    r.recipients.groupsOf(jurisdictionId),
  ])
  const units = unitsOf(chart)
  return {
    groups: groups.map((group) => ({
      label: group.label,
      unitIds: membersOf(group, units).map((unit) => unit.id),
    })),
    units,
  }
}

function unitsOf(chart: OrganisationChart | undefined): RecipientUnit[] {
  if (!chart) return []
  const staffed = new Set(
    chart.posts
      .filter((post) => post.department !== null && (!post.vacant || post.actedBy !== null))
      .map((post) => post.department),
  )
  return chart.departments.map((department) => ({
    id: department.id,
    name: department.name,
    kind: department.kind,
    staffed: staffed.has(department.name),
  }))
}

function membersOf(group: RecipientGroup, units: readonly RecipientUnit[]) {
  return units.filter((unit) => group.unitKinds.includes(unit.kind))
}

/**
 * The drafter's choices as stored entries and as the lines the document prints (主送 under the
 * title, 抄送 in the 版记): a unit by its name, a group by its label as written, an outside
 * recipient by the name given. A unit of another jurisdiction, an unknown group, or an internal
 * unit or group typed as free text is refused: internal recipients are chosen, so 印发 reaches them.
 */
export async function resolveRecipients(
  r: Repositories,
  jurisdictionId: string,
  on: string,
  choices: { main: readonly RecipientChoice[]; copy: readonly RecipientChoice[] },
): Promise<{ entries: RecipientEntry[]; main: string[]; copy: string[] }> {
  const options = await recipientOptionsOf(r, jurisdictionId, on)
  const units = new Map(options.units.map((unit) => [unit.id, unit]))
  const groups = new Set(options.groups.map((group) => group.label))
  const internalNames = new Set([...options.units.map((unit) => unit.name), ...groups])
  const entries: RecipientEntry[] = []
  const lines = { main: [] as string[], copy: [] as string[] }
  const seen = new Set<string>()
  for (const role of ['main', 'copy'] as const satisfies readonly RecipientRole[])
    choices[role].forEach((choice, index) => {
      const path = `${role === 'main' ? 'mainRecipients' : 'copyRecipients'}.${index}`
      const entry = entryOf(choice, role, path)
      const key = entry.departmentId ?? entry.groupLabel ?? `outside:${entry.outsideName}`
      if (seen.has(key)) return
      seen.add(key)
      entries.push(entry)
      lines[role].push(
        entry.departmentId
          ? (units.get(entry.departmentId) as RecipientUnit).name
          : (entry.groupLabel ?? (entry.outsideName as string)),
      )
    })
  return { entries, ...lines }

  function entryOf(choice: RecipientChoice, role: RecipientRole, path: string): RecipientEntry {
    const none = { role, departmentId: null, groupLabel: null, outsideName: null }
    if (typeof choice === 'object' && 'unitId' in choice) {
      if (!units.has(choice.unitId))
        throw new InvalidInputError(
          'RECIPIENT_NOT_IN_JURISDICTION',
          '主送/抄送单位须是本辖区的单位；其他机关请作为外部收文单位填写名称（纸质分送）',
          [{ path, message: '不是本辖区的单位' }],
        )
      return { ...none, departmentId: choice.unitId }
    }
    if (typeof choice === 'object' && 'group' in choice) {
      if (!groups.has(choice.group))
        throw new InvalidInputError(
          'UNKNOWN_RECIPIENT_GROUP',
          `本辖区没有分发组"${choice.group}"（可选：${[...groups].join('、') || '无'}）`,
          [{ path, message: '没有这个分发组' }],
        )
      return { ...none, groupLabel: choice.group }
    }
    const name = (typeof choice === 'string' ? choice : choice.outside).trim()
    if (!name)
      throw new InvalidInputError('RECIPIENT_EMPTY', '外部收文单位名称不能为空', [
        { path, message: '名称为空' },
      ])
    if (internalNames.has(name))
      throw new InvalidInputError(
        'RECIPIENT_IS_INTERNAL',
        `"${name}"是本辖区的单位或分发组，请从单位列表中选择，印发后才能送达签收`,
        [{ path, message: '请从单位列表中选择' }],
      )
    return { ...none, outsideName: name }
  }
}

/**
 * The units an issued document goes to, each once (主送 before 抄送): a unit entry, and every
 * unit of a group's kinds on the day of 印发.
 */
export function unitsToDeliver(
  entries: readonly RecipientEntry[],
  options: RecipientOptions,
): { departmentId: string; role: RecipientRole }[] {
  const members = new Map(options.groups.map((group) => [group.label, group.unitIds]))
  const delivered = new Map<string, RecipientRole>()
  for (const role of ['main', 'copy'] as const)
    for (const entry of entries.filter((candidate) => candidate.role === role)) {
      const ids = entry.departmentId
        ? [entry.departmentId]
        : entry.groupLabel
          ? (members.get(entry.groupLabel) ?? [])
          : []
      for (const id of ids) if (!delivered.has(id)) delivered.set(id, role)
    }
  return [...delivered].map(([departmentId, role]) => ({ departmentId, role }))
}
