import type { DocumentEvent } from '../../api/types.ts'
import { DISCLOSURE_LABELS } from '../../labels.ts'

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

/**
 * What an event's details add to its opinion, in words: the deadline set at registration, the
 * leaders a proposal went to, the units a referral went to; for 发文 the 会签 reply date, the
 * next step, the units deemed to agree, the number and the disclosure. Unknown details are left
 * out; the audit log keeps them all.
 */
export function detailLinesOf(
  event: DocumentEvent,
  departmentNames: ReadonlyMap<string, string>,
): string[] {
  const { details } = event
  const unitsOf = (ids: string[]) => ids.map((id) => departmentNames.get(id) ?? id)
  const lines: string[] = []
  switch (event.action) {
    case 'submit':
      if (stringsOf(details.categories).includes('normativeDocument'))
        lines.push('报送单位注明：规范性文件')
      break
    case 'register': {
      const deadline = stringOf(details.deadline)
      if (deadline) lines.push(`办理时限：${deadline}`)
      if (Array.isArray(details.categories))
        lines.push(
          stringsOf(details.categories).includes('normativeDocument')
            ? '登记为规范性文件（初审审查其内容）'
            : '登记为非规范性文件',
        )
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
    case 'draft': {
      const due = stringOf(details.countersignDue)
      if (due) lines.push(`会签回复期限：${due}`)
      break
    }
    case 'countersign':
    case 'countersignDisagree': {
      const unit = unitsOf(stringsOf([details.departmentId]))
      if (unit.length > 0) lines.push(`会签单位：${unit.join('、')}`)
      if (details.returnedToDrafter === true) lines.push('已退回拟稿单位修改')
      break
    }
    case 'returnForRevision':
      lines.push(details.step === 'sign' ? '签发人退回拟稿单位修改' : '已退回拟稿单位修改')
      break
    case 'countersignRemind': {
      const due = stringOf(details.reminderDueDate)
      if (due) lines.push(`提醒后应于 ${due} 前反馈`)
      break
    }
    case 'resubmit': {
      const next = stringsOf(details.next)
      if (next.length > 0)
        lines.push(`${details.nextKind === 'sign' ? '送签发' : '送核稿'}：${next.join('、')}`)
      const again = unitsOf(stringsOf(details.countersignAgain))
      if (again.length > 0) lines.push(`重新会签：${again.join('、')}`)
      break
    }
    case 'reassign': {
      const from = stringOf(details.from)
      const to = stringOf(details.to)
      if (from && to) lines.push(`改派：${from} → ${to}`)
      break
    }
    case 'review': {
      const next = stringsOf(details.next)
      if (next.length > 0)
        lines.push(`${details.nextKind === 'sign' ? '送签发' : '送核稿'}：${next.join('、')}`)
      break
    }
    case 'sign': {
      const deemed = unitsOf(stringsOf(details.deemedNoObjection))
      if (deemed.length > 0) lines.push(`会签逾期未回复，视为无不同意见：${deemed.join('、')}`)
      const explained = unitsOf(stringsOf(details.explainedLate))
      if (explained.length > 0) lines.push(`会签逾期未回复，已书面说明：${explained.join('、')}`)
      const circulated = unitsOf(stringsOf(details.circulatedLate))
      if (circulated.length > 0) lines.push(`会签逾期未回复，已通报：${circulated.join('、')}`)
      break
    }
    case 'number': {
      const documentNumber = stringOf(details.documentNumber)
      if (documentNumber) lines.push(`发文字号：${documentNumber}`)
      break
    }
    case 'issue': {
      const disclosure = stringOf(details.disclosure)
      const label = DISCLOSURE_LABELS[disclosure as keyof typeof DISCLOSURE_LABELS] ?? disclosure
      if (label) lines.push(`公开属性：${label}`)
      const reason = stringOf(details.disclosureReason)
      if (reason) lines.push(`不予公开理由：${reason}`)
      break
    }
  }
  return lines
}
