import type { DocumentEvent } from '../../api/types.ts'

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

/**
 * What an event's details add to its opinion, in words: the deadline set at registration, the
 * leaders a proposal went to, the units a referral went to. Unknown details are left out; the
 * audit log keeps them all.
 */
export function detailLinesOf(
  event: DocumentEvent,
  departmentNames: ReadonlyMap<string, string>,
): string[] {
  const { details } = event
  const unitsOf = (ids: string[]) => ids.map((id) => departmentNames.get(id) ?? id)
  const lines: string[] = []
  switch (event.action) {
    case 'register': {
      const deadline = stringOf(details.deadline)
      if (deadline) lines.push(`办理时限：${deadline}`)
      break
    }
    case 'propose': {
      const concerned = unitsOf(stringsOf(details.concernedDepartmentIds))
      if (concerned.length > 0) lines.push(`另涉及单位：${concerned.join('、')}`)
      if (details.major === true) lines.push('重大事项')
      const routedTo = stringsOf(details.routedTo)
      if (routedTo.length > 0) lines.push(`呈批：${routedTo.join('、')}`)
      break
    }
    case 'refer': {
      const [lead, ...others] = unitsOf(stringsOf(details.departmentIds))
      if (lead) lines.push(`承办单位：${[`${lead}（主办）`, ...others].join('、')}`)
      const dueDate = stringOf(details.dueDate)
      if (dueDate) lines.push(`办理期限：${dueDate}`)
      break
    }
  }
  return lines
}
