import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import { buildRegisterWorkbook } from './register-workbook.ts'

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  assert.equal(workbook.worksheets.length, 1)
  return workbook.worksheets[0] as ExcelJS.Worksheet
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as unknown[]).slice(1)

describe('the register workbook', () => {
  it('lays out the 收文登记簿: bold frozen header, Chinese columns, dates as text', async () => {
    const bytes = await buildRegisterWorkbook({
      direction: 'incoming',
      total: 1,
      rows: [
        {
          id: '00000000-0000-0000-0000-000000000001',
          receiptNumber: '钟府收〔2026〕12号',
          receivedOn: '2026-03-02',
          sender: '荷城街道',
          senderReference: '荷街呈〔2026〕3号',
          title: '关于申请拨付荷城街道老旧小区改造资金的请示',
          kind: '请示',
          secrecy: 'internal',
          urgency: 'urgent',
          dueDate: '2026-03-05',
          handlingUnits: ['区财政局', '荷城街道'],
          state: 'referred',
          closedOn: null,
        },
      ],
    })
    const sheet = await readBack(bytes)
    assert.equal(sheet.name, '收文登记簿')
    assert.deepEqual(rowValues(sheet, 1), [
      '序号',
      '收文编号',
      '收文日期',
      '来文单位',
      '来文文号',
      '标题',
      '文种',
      '密级',
      '紧急程度',
      '办理时限',
      '承办单位',
      '状态',
      '办结日期',
    ])
    assert.equal(sheet.getRow(1).font?.bold, true)
    assert.equal(sheet.views[0]?.state, 'frozen')
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1)
    assert.equal(sheet.getColumn(6).width, 48)
    // Dates stay text (yyyy-mm-dd), codes are in words, the lead unit comes first.
    const line = sheet.getRow(2)
    assert.equal(line.getCell(3).value, '2026-03-02')
    assert.equal(line.getCell(3).type, ExcelJS.ValueType.String)
    assert.equal(line.getCell(3).numFmt, '@')
    assert.deepEqual(rowValues(sheet, 2), [
      '1',
      '钟府收〔2026〕12号',
      '2026-03-02',
      '荷城街道',
      '荷街呈〔2026〕3号',
      '关于申请拨付荷城街道老旧小区改造资金的请示',
      '请示',
      '内部',
      '加急',
      '2026-03-05',
      '区财政局、荷城街道',
      '办理中',
      '',
    ])
    assert.equal(sheet.rowCount, 2)
  })

  it('lays out the 发文登记簿 with the number, the signer and the disclosure class', async () => {
    const bytes = await buildRegisterWorkbook({
      direction: 'outgoing',
      total: 1,
      rows: [
        {
          id: '00000000-0000-0000-0000-000000000002',
          documentNumber: '钟府发〔2026〕1号',
          title: '关于做好2026年财政预算执行工作的通知',
          kind: '通知',
          draftingUnit: '区财政局',
          draftedOn: '2026-03-02',
          signer: '王建国',
          signedOn: '2026-03-06',
          issuedOn: '2026-03-06',
          disclosure: 'active',
          secrecy: 'public',
          state: 'issued',
        },
      ],
    })
    const sheet = await readBack(bytes)
    assert.equal(sheet.name, '发文登记簿')
    const header = rowValues(sheet, 1)
    for (const column of ['发文字号', '标题', '文种', '拟稿单位', '签发人', '签发日期', '印发日期'])
      assert.ok(header.includes(column), column)
    assert.ok(header.includes('公开属性') && header.includes('状态'))
    const line = Object.fromEntries(header.map((name, at) => [name, rowValues(sheet, 2)[at]]))
    assert.equal(line['发文字号'], '钟府发〔2026〕1号')
    assert.equal(line['签发人'], '王建国')
    assert.equal(line['签发日期'], '2026-03-06')
    assert.equal(line['公开属性'], '主动公开')
    assert.equal(line['状态'], '已印发')
  })

  it('writes a header alone when nothing matches', async () => {
    const sheet = await readBack(
      await buildRegisterWorkbook({ direction: 'incoming', total: 0, rows: [] }),
    )
    assert.equal(sheet.rowCount, 1)
    assert.equal(sheet.getRow(1).getCell(2).value, '收文编号')
  })
})
