import type { ReactNode } from 'react'
import type { HandlingSheet } from '../../api/leader-desk.ts'

type Field = HandlingSheet['fields'][number]

/** Minimum heights of the boxes, in millimetres on paper: the leader's 批示 gets the most room. */
const BOX_HEIGHTS: Record<string, number> = {
  instruction: 60,
  signature: 40,
  proposal: 35,
  result: 30,
  countersign: 25,
  review: 30,
}

/** The particulars two to a row (four columns), a wide one (the title) across the sheet. */
function fieldRows(fields: readonly Field[], perRow: 1 | 2): Field[][] {
  const rows: Field[][] = []
  let pending: Field[] = []
  for (const field of fields) {
    if (field.wide || perRow === 1) {
      if (pending.length) rows.push(pending)
      pending = []
      rows.push([field])
      continue
    }
    pending.push(field)
    if (pending.length === 2) {
      rows.push(pending)
      pending = []
    }
  }
  if (pending.length) rows.push(pending)
  return rows
}

/**
 * The sheet as a bordered table like the paper 处理笺: the organ's heading, the particulars,
 * then one box per step with every opinion, who wrote it and the day. `narrow` puts one
 * particular per row (a phone).
 */
export function SheetTable({ sheet, narrow }: { sheet: HandlingSheet; narrow: boolean }) {
  const columns = narrow ? 2 : 4
  return (
    <article className="handling-sheet" aria-label={sheet.heading}>
      <h1 className="handling-sheet-heading">{sheet.heading}</h1>
      <table className="handling-sheet-table">
        <colgroup>
          {narrow ? (
            <>
              <col style={{ width: '28%' }} />
              <col />
            </>
          ) : (
            <>
              <col style={{ width: '14%' }} />
              <col style={{ width: '36%' }} />
              <col style={{ width: '14%' }} />
              <col style={{ width: '36%' }} />
            </>
          )}
        </colgroup>
        <tbody>
          {fieldRows(sheet.fields, narrow ? 1 : 2).map((row) => (
            <tr key={row.map((field) => field.key).join(':')}>
              {row.map((field) => (
                <Cells
                  key={field.key}
                  label={field.label}
                  span={row.length === 1 ? columns - 1 : 1}
                >
                  {field.value}
                </Cells>
              ))}
            </tr>
          ))}
          {sheet.boxes.map((box) => (
            <tr key={box.key} className="handling-sheet-box">
              <th scope="row">{box.label}</th>
              <td colSpan={columns - 1} style={{ height: `${BOX_HEIGHTS[box.key] ?? 20}mm` }}>
                {box.entries.map((entry, index) => (
                  <div key={`${entry.on}:${index}`} className="handling-sheet-entry">
                    <p>{entry.text}</p>
                    <p className="handling-sheet-signature">
                      {entry.by ?? ''}
                      <span>{entry.on}</span>
                    </p>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  )
}

function Cells({ label, span, children }: { label: string; span: number; children: ReactNode }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td colSpan={span}>{children}</td>
    </>
  )
}
