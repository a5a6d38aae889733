import ExcelJS from 'exceljs'
import { shanghaiDateOf } from '@zhengling/rules'
import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import { actorOf } from '../documents/act-on-document.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { type LedgerFilter, listSupervisionLedger } from './list-supervision-ledger.ts'

type Row = Awaited<ReturnType<typeof listSupervisionLedger>>['items'][number] & { progress: string }

const COLUMNS: {
  header: string
  width: number
  value: (row: Row, index: number) => string | number
}[] = [
  { header: '序号', width: 6, value: (_row, index) => index + 1 },
  { header: '督办事项', width: 40, value: (row) => row.title },
  { header: '具体要求', width: 40, value: (row) => row.requirement },
  { header: '来源', width: 16, value: (row) => row.sourceLabel },
  { header: '牵头单位', width: 18, value: (row) => row.leadDepartmentName },
  { header: '配合单位', width: 24, value: (row) => row.coDepartmentNames.join('、') },
  { header: '责任人', width: 10, value: (row) => row.responsiblePerson },
  { header: '交办日期', width: 12, value: (row) => row.assignedOn },
  { header: '办理时限', width: 12, value: (row) => row.dueDate },
  { header: '办理进展', width: 40, value: (row) => row.progress },
  { header: '办理状态', width: 14, value: (row) => (row.overdue ? '逾期未办结' : row.stateLabel) },
  { header: '办结日期', width: 12, value: (row) => row.closedOn ?? '' },
  { header: '备注', width: 16, value: (row) => (row.daysLate ? `超期${row.daysLate}天办结` : '') },
]

/**
 * The ledger as the office keeps it in Excel (督查台账): one row per item, the columns offices
 * use, dates as text so no spreadsheet reinterprets them. Each export is audited.
 */
export async function exportSupervisionLedger(
  deps: { inTransaction: InTransaction; now: () => Date; rules: RulesPort; hasher: Hasher },
  session: SessionRecord,
  filter: Omit<LedgerFilter, 'limit' | 'offset'>,
): Promise<Buffer> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    const page = await listSupervisionLedger(r, deps, session, {
      ...filter,
      limit: 10_000,
      offset: 0,
    })
    const progress = await r.supervision.latestProgress(page.items.map((item) => item.id))
    const rows: Row[] = page.items.map((item) => ({
      ...item,
      progress: progress.get(item.id)?.text ?? '',
    }))
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('督查台账', { views: [{ state: 'frozen', ySplit: 2 }] })
    sheet.columns = COLUMNS.map((column) => ({ width: column.width }))
    sheet.mergeCells(1, 1, 1, COLUMNS.length)
    sheet.getCell(1, 1).value = `督查事项台账（截至${shanghaiDateOf(now.getTime())}）`
    sheet.getCell(1, 1).font = { bold: true, size: 14 }
    sheet.getCell(1, 1).alignment = { horizontal: 'center' }
    sheet.addRow(COLUMNS.map((column) => column.header)).font = { bold: true }
    rows.forEach((row, index) => {
      const added = sheet.addRow(COLUMNS.map((column) => column.value(row, index)))
      added.alignment = { wrapText: true, vertical: 'top' }
    })
    await r.audit.append(
      auditEntry({
        jurisdictionId: viewer.jurisdictionId,
        occurredAt: now.toISOString(),
        actorPersonId: session.personId,
        actorPostId: post.postId,
        action: 'supervision.exportLedger',
        details: { rows: rows.length, filter },
      }),
      deps.hasher,
    )
    return Buffer.from(await workbook.xlsx.writeBuffer())
  })
}
