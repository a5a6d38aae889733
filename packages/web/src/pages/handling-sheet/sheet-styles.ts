/**
 * The sheet on screen and on A4 paper: black rules, a red heading as on the printed forms,
 * Song/FangSong faces where the machine has them; in print only the sheet (no toolbar), on A4
 * with margins, colours kept.
 */
export const SHEET_CSS = `
.handling-sheet-page { max-width: 210mm; margin: 0 auto; padding: 16px; box-sizing: border-box; }
.handling-sheet { background: #fff; color: #000;
  font-family: 'FangSong', 'FangSong_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif; }
.handling-sheet-heading { text-align: center; color: #c00; font-size: 24px; letter-spacing: 2px;
  margin: 8px 0 16px; font-weight: bold; line-height: 1.4;
  font-family: 'FZXiaoBiaoSong-B05S', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC', serif; }
.handling-sheet-table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 15px; }
.handling-sheet-table th, .handling-sheet-table td { border: 1px solid #000; padding: 6px 8px;
  vertical-align: top; word-break: break-all; overflow-wrap: anywhere; line-height: 1.6; }
.handling-sheet-table th { font-weight: bold; text-align: center; vertical-align: middle; }
.handling-sheet-entry + .handling-sheet-entry { margin-top: 10px; }
.handling-sheet-entry p { margin: 0; white-space: pre-wrap; }
.handling-sheet-signature { text-align: right; font-size: 13px; }
.handling-sheet-signature span { margin-left: 12px; white-space: nowrap; }
@media (max-width: 600px) {
  .handling-sheet-page { padding: 8px; }
  .handling-sheet-heading { font-size: 19px; letter-spacing: 0; }
  .handling-sheet-table { font-size: 14px; }
}
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { background: #fff; }
  .no-print { display: none !important; }
  /* The width A4 leaves inside the margins (210 - 2 × 18 mm), whatever the window was. */
  .handling-sheet-page { width: 174mm; max-width: 174mm; margin: 0; padding: 0; }
  .handling-sheet-heading { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .handling-sheet-table tr { break-inside: avoid; }
}
`
