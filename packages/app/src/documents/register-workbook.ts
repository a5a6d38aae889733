import ExcelJS from 'exceljs'
import { SECRECY_LABELS, type SecrecyLevel } from '../access/secrecy.ts'
import type { DocumentDirection } from './document.ts'
import type {
  IncomingRegisterRow,
  OutgoingRegisterRow,
  RegisterPage,
} from './list-document-register.ts'
import { STATE_LABELS } from './act-on-document.ts'

/** States of both flows in words, as the register prints them; an unknown code prints as is. */
export const REGISTER_STATE_LABELS: Record<string, string> = STATE_LABELS

const URGENCY_LABELS: Record<string, string> = {
  normal: '平件',
  urgent: '加急',
  extraUrgent: '特急',
}

const DISCLOSURE_LABELS: Record<string, string> = {
  active: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
}

export const registerSheetName = (direction: DocumentDirection) =>
  direction === 'incoming' ? '收文登记簿' : '发文登记簿'

interface Column<R> {
  header: string
  width: number
  value: (row: R) => string
}

const text = (value: string | null | undefined) => value ?? ''
const label = (labels: Record<string, string>, code: string | null) =>
  code === null ? '' : (labels[code] ?? code)
const secrecy = (code: string) => SECRECY_LABELS[code as SecrecyLevel] ?? code

const INCOMING_COLUMNS: Column<IncomingRegisterRow>[] = [
  { header: '序号', width: 6, value: () => '' },
  { header: '收文编号', width: 18, value: (row) => text(row.receiptNumber) },
  { header: '收文日期', width: 12, value: (row) => row.receivedOn },
  { header: '来文单位', width: 20, value: (row) => text(row.sender) },
  { header: '来文文号', width: 20, value: (row) => text(row.senderReference) },
  { header: '标题', width: 48, value: (row) => row.title },
  { header: '文种', width: 8, value: (row) => row.kind },
  { header: '密级', width: 8, value: (row) => secrecy(row.secrecy) },
  { header: '紧急程度', width: 10, value: (row) => label(URGENCY_LABELS, row.urgency) },
  { header: '办理时限', width: 12, value: (row) => text(row.dueDate) },
  { header: '承办单位', width: 28, value: (row) => row.handlingUnits.join('、') },
  { header: '状态', width: 14, value: (row) => label(REGISTER_STATE_LABELS, row.state) },
  { header: '办结日期', width: 12, value: (row) => text(row.closedOn) },
]

const OUTGOING_COLUMNS: Column<OutgoingRegisterRow>[] = [
  { header: '序号', width: 6, value: () => '' },
  { header: '发文字号', width: 20, value: (row) => text(row.documentNumber) },
  { header: '标题', width: 48, value: (row) => row.title },
  { header: '文种', width: 8, value: (row) => row.kind },
  { header: '拟稿单位', width: 20, value: (row) => text(row.draftingUnit) },
  { header: '拟稿日期', width: 12, value: (row) => row.draftedOn },
  { header: '签发人', width: 10, value: (row) => text(row.signer) },
  { header: '签发日期', width: 12, value: (row) => text(row.signedOn) },
  { header: '印发日期', width: 12, value: (row) => text(row.issuedOn) },
  { header: '密级', width: 8, value: (row) => secrecy(row.secrecy) },
  { header: '公开属性', width: 12, value: (row) => label(DISCLOSURE_LABELS, row.disclosure) },
  { header: '状态', width: 14, value: (row) => label(REGISTER_STATE_LABELS, row.state) },
]

/**
 * One sheet named 收文登记簿 or 发文登记簿: a bold header row frozen above the lines, Chinese
 * column names, widths set. Every cell is text — dates as yyyy-mm-dd, so a spreadsheet never
 * turns them into serial numbers or another locale's format.
 */
export async function buildRegisterWorkbook(page: RegisterPage): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '政令'
  const name = registerSheetName(page.direction)
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const addRows = <R>(columns: Column<R>[], rows: R[]) => {
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }))
    rows.forEach((row, index) =>
      sheet.addRow(columns.map((column, at) => (at === 0 ? String(index + 1) : column.value(row)))),
    )
  }
  if (page.direction === 'incoming') addRows(INCOMING_COLUMNS, page.rows)
  else addRows(OUTGOING_COLUMNS, page.rows)
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center' }
  sheet.eachRow((row, number) => {
    if (number > 1) row.alignment = { vertical: 'top', wrapText: true }
    // Text format (@): nothing typed or pasted later is reinterpreted as a date or number.
    row.eachCell((cell) => {
      cell.numFmt = '@'
    })
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
