// Structural tests: the DOCX's XML says what GB/T 9704-2012 asks for.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  CHARS_PER_LINE,
  CHAR_PITCH,
  LINES_PER_PAGE,
  LINE_PITCH,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  twipsToMm,
} from './geometry.ts'
import { renderGongwenDocx } from './render.ts'
import type { Signature } from './types.ts'
import {
  attrOf,
  docxParts,
  paragraphWith,
  paragraphs,
  part,
  runs,
  styleById,
  textOf,
} from './test-support/docx-xml.ts'
import { downward, filler, upward } from './test-support/samples.ts'
import { chineseNumeral, formatDate, widthInChars } from './text.ts'

const render = async (layout = downward) => {
  const parts = docxParts(await renderGongwenDocx(layout))
  return {
    parts,
    document: part(parts, 'word/document.xml'),
    styles: part(parts, 'word/styles.xml'),
  }
}

const mm = (twips: string | undefined) => twipsToMm(Number(twips))

describe('page (GB/T 9704-2012 5.1, 5.2.1)', () => {
  it('is A4 with 天头 37 mm, 订口 28 mm and a 156 × 225 mm 版心', async () => {
    const { document } = await render()
    assert.equal(attrOf(document, 'w:pgSz', 'w:w'), '11906')
    assert.equal(attrOf(document, 'w:pgSz', 'w:h'), '16838')
    assert.ok(Math.abs(mm(attrOf(document, 'w:pgSz', 'w:w')) - 210) < 0.05)
    assert.ok(Math.abs(mm(attrOf(document, 'w:pgSz', 'w:h')) - 297) < 0.05)
    const margin = (side: string) => mm(attrOf(document, 'w:pgMar', `w:${side}`))
    assert.ok(Math.abs(margin('top') - 37) < 0.05)
    assert.ok(Math.abs(margin('left') - 28) < 0.05)
    assert.ok(Math.abs(margin('right') - 26) < 0.05)
    assert.ok(Math.abs(margin('bottom') - 35) < 0.05)
    assert.ok(Math.abs(210 - margin('left') - margin('right') - 156) < 0.05)
    assert.ok(Math.abs(297 - margin('top') - margin('bottom') - 225) < 0.05)
  })
})

describe('22 lines × 28 characters (5.2.3)', () => {
  it('declares a line grid whose pitch fits 22 lines in the 版心, not 23', async () => {
    const { document } = await render()
    assert.equal(attrOf(document, 'w:docGrid', 'w:type'), 'lines')
    const pitch = Number(attrOf(document, 'w:docGrid', 'w:linePitch'))
    assert.equal(pitch, LINE_PITCH)
    assert.equal(pitch, 579)
    assert.ok(LINES_PER_PAGE * pitch <= TEXT_HEIGHT && (LINES_PER_PAGE + 1) * pitch > TEXT_HEIGHT)
  })

  it('gives body paragraphs one grid line each and spacing that fits 28 characters, not 29', async () => {
    const { styles } = await render()
    const normal = styleById(styles, 'Normal')
    assert.equal(attrOf(normal, 'w:spacing', 'w:line'), String(LINE_PITCH))
    assert.equal(attrOf(normal, 'w:spacing', 'w:lineRule'), 'exact')
    const body = styleById(styles, 'GwBody')
    const spacing = Number(attrOf(body, 'w:spacing', 'w:val'))
    assert.equal(spacing, -5)
    const advance = 320 + spacing
    assert.ok(CHARS_PER_LINE * advance <= TEXT_WIDTH)
    assert.ok((CHARS_PER_LINE + 1) * advance > TEXT_WIDTH)
    assert.equal(attrOf(body, 'w:ind', 'w:firstLineChars'), '200')
  })
})

describe('fonts and sizes (5.2.2, 7.3.1, 7.3.3)', () => {
  it('sets the body in 3 号仿宋 (16 pt) and the 标题 in 2 号小标宋 (22 pt), centred', async () => {
    const { document, styles } = await render()
    const normal = styleById(styles, 'Normal')
    assert.equal(attrOf(normal, 'w:sz', 'w:val'), '32')
    assert.equal(attrOf(normal, 'w:rFonts', 'w:eastAsia'), '仿宋_GB2312')
    const bodyParagraph = paragraphWith(document, '为进一步加强政务服务')
    assert.equal(attrOf(bodyParagraph, 'w:pStyle', 'w:val'), 'GwBody')
    assert.equal(attrOf(bodyParagraph, 'w:sz', 'w:val'), undefined, 'size comes from the style')

    const title = paragraphWith(document, '关于进一步优化政务服务提升行政效能的通知')
    assert.equal(attrOf(title, 'w:pStyle', 'w:val'), 'GwTitle')
    const titleStyle = styleById(styles, 'GwTitle')
    assert.equal(attrOf(titleStyle, 'w:sz', 'w:val'), '44')
    assert.equal(attrOf(titleStyle, 'w:rFonts', 'w:eastAsia'), '方正小标宋简体')
    assert.equal(attrOf(titleStyle, 'w:jc', 'w:val'), 'center')
    // Lines given as a list break where the caller said.
    assert.equal((title.match(/<w:br\/>/g) ?? []).length, 1)
  })

  it('numbers headings 一、（一）1.（1） in 黑体, 楷体, 仿宋, 仿宋', async () => {
    const { document } = await render()
    const heading = (text: string) => runs(paragraphWith(document, text))[0]
    const h1 = heading('一、总体要求')
    assert.equal(h1?.text, '一、总体要求')
    assert.equal(attrOf(h1?.xml ?? '', 'w:rFonts', 'w:eastAsia'), '黑体')
    assert.equal(heading('二、工作措施')?.text, '二、工作措施')
    const h2 = heading('（一）加强组织领导。')
    assert.equal(attrOf(h2?.xml ?? '', 'w:rFonts', 'w:eastAsia'), '楷体_GB2312')
    assert.equal(
      attrOf(heading('1.明确责任分工。')?.xml ?? '', 'w:rFonts', 'w:eastAsia'),
      '仿宋_GB2312',
    )
    assert.equal(heading('（1）强化督促检查。')?.text, '（1）强化督促检查。')
    // The run-in text after a heading is plain body text.
    const runIn = runs(paragraphWith(document, '（一）加强组织领导。'))[1]
    assert.equal(attrOf(runIn?.xml ?? '', 'w:rFonts', 'w:eastAsia'), undefined)
  })

  it('lets the caller name other fonts', async () => {
    const { styles } = await render({ ...downward, fonts: { fangSong: 'FangSong' } })
    assert.equal(attrOf(styleById(styles, 'Normal'), 'w:rFonts', 'w:eastAsia'), 'FangSong')
  })
})

describe('版头 (7.2)', () => {
  it('prints the 发文机关标志 red in 小标宋, centred, at most 初号 and within the 版心 width', async () => {
    const { document, styles } = await render()
    const mark = paragraphWith(document, '六盘水市钟山区人民政府文件')
    assert.equal(attrOf(mark, 'w:pStyle', 'w:val'), 'GwMark')
    assert.equal(attrOf(styleById(styles, 'GwMark'), 'w:jc', 'w:val'), 'center')
    const run = runs(mark)[0]?.xml ?? ''
    assert.equal(attrOf(run, 'w:color', 'w:val'), 'FF0000')
    assert.equal(attrOf(run, 'w:rFonts', 'w:eastAsia'), '方正小标宋简体')
    const sizePt = Number(attrOf(run, 'w:sz', 'w:val')) / 2
    assert.ok(sizePt <= 42)
    assert.ok(sizePt * widthInChars('六盘水市钟山区人民政府文件') * 20 <= TEXT_WIDTH)
  })

  it('puts 份号, 密级 and 紧急程度 top left, one a line, 密级 and 紧急程度 in 黑体', async () => {
    const { document } = await render()
    const texts = paragraphs(document).slice(0, 3).map(textOf)
    assert.deepEqual(texts, ['000001', '秘密★1年', '特急'])
    const classification = runs(paragraphWith(document, '秘密★1年'))[0]?.xml ?? ''
    assert.equal(attrOf(classification, 'w:rFonts', 'w:eastAsia'), '黑体')
  })

  it('draws the red separator the full 版心 width under the 发文字号', async () => {
    const { document } = await render()
    const all = paragraphs(document)
    const number = all.findIndex((p) => textOf(p) === '钟府发〔2026〕12号')
    const rule = all[number + 1] ?? ''
    assert.match(rule, /<w:bottom [^>]*w:val="single"/)
    assert.equal(attrOf(rule, 'w:bottom', 'w:color'), 'FF0000')
    assert.equal(attrOf(rule, 'w:ind', 'w:left'), undefined, 'no indent: as wide as the 版心')
    assert.equal(attrOf(rule, 'w:ind', 'w:right'), undefined)
    assert.equal(textOf(rule), '')
  })

  it('centres the 发文字号 of a 下行文 and shows no 签发人', async () => {
    const { document } = await render()
    const number = paragraphWith(document, '钟府发〔2026〕12号')
    assert.equal(attrOf(number, 'w:jc', 'w:val'), 'center')
    assert.doesNotMatch(document, /签发人/)
  })

  it('puts a 上行文 发文字号 left (one character in) and 签发人 right on the same line', async () => {
    const { document } = await render(upward)
    const first = paragraphWith(document, '签发人：')
    assert.equal(textOf(first), '\t签发人：张三　李四')
    const last = paragraphWith(document, '钟府呈〔2026〕3号')
    assert.equal(textOf(last), '钟府呈〔2026〕3号\t王五')
    assert.equal(attrOf(last, 'w:jc', 'w:val'), undefined, 'left-aligned')
    assert.equal(attrOf(last, 'w:ind', 'w:left'), '320', 'one 3 号 character in')
    // 签发人 ends one character short of the right edge: tab + text width = 版心 − 1 character.
    const tab = Number(attrOf(first, 'w:tab', 'w:pos')) + 320
    assert.equal(tab + widthInChars('签发人：张三　李四') * 320, TEXT_WIDTH - 320)
    // The third name wraps under the first name.
    const namesAt = Number(attrOf(last, 'w:tab', 'w:pos')) + 320
    assert.equal(namesAt, tab + 4 * 320)
    const names = runs(first).find((r) => r.text === '张三　李四')
    assert.equal(attrOf(names?.xml ?? '', 'w:rFonts', 'w:eastAsia'), '楷体_GB2312')
    const label = runs(first).find((r) => r.text === '签发人：')
    assert.equal(attrOf(label?.xml ?? '', 'w:rFonts', 'w:eastAsia'), '仿宋_GB2312')
  })

  it('stacks joint issuers with the suffix beside them', async () => {
    const { document } = await render({
      ...downward,
      issuerMark: {
        organisations: ['中共六盘水市钟山区委', '六盘水市钟山区人民政府'],
        suffix: '文件',
      },
    })
    const first = paragraphWith(document, '中共六盘水市钟山区委')
    const second = paragraphWith(document, '六盘水市钟山区人民政府')
    assert.match(textOf(first), /\t文件$/)
    assert.equal(textOf(second), '六盘水市钟山区人民政府')
  })
})

describe('主体 (7.3)', () => {
  it('ends the 主送机关 with a full-width colon, flush left', async () => {
    const { document } = await render()
    const recipients = paragraphWith(document, '各乡（镇）人民政府')
    assert.match(textOf(recipients), /区政府各部门：$/)
    assert.equal(attrOf(recipients, 'w:pStyle', 'w:val'), 'GwFlush')
  })

  it('numbers several attachments and aligns them', async () => {
    const { document } = await render()
    const first = paragraphWith(document, '附件：1.钟山区政务服务事项清单')
    const second = paragraphWith(document, '2.钟山区政务服务工作责任分工表')
    const start = (p: string) =>
      Number(attrOf(p, 'w:ind', 'w:left')) - Number(attrOf(p, 'w:ind', 'w:hanging') ?? 0)
    assert.equal(start(first), Math.round(2 * CHAR_PITCH), '左空二字')
    assert.equal(start(second), Math.round(5 * CHAR_PITCH), 'under the first number')
  })

  it('dates the signature in Arabic numerals, 右空四字, the 署名 centred on the date when sealed', async () => {
    const { document } = await render()
    const date = paragraphWith(document, '2026年3月2日')
    assert.equal(textOf(date), '2026年3月2日')
    assert.equal(attrOf(date, 'w:jc', 'w:val'), 'right')
    assert.equal(attrOf(date, 'w:ind', 'w:right'), String(Math.round(4 * CHAR_PITCH)))
    const all = paragraphs(document)
    const signature = all.findIndex((p) => textOf(p) === '六盘水市钟山区人民政府')
    const right = Number(attrOf(all[signature] ?? '', 'w:ind', 'w:right'))
    // 署名 11 characters, date 6: the 署名's centre over the date's.
    const dateCentre = 4 + 6 / 2
    const nameCentre = right / CHAR_PITCH + 11 / 2
    assert.ok(Math.abs(nameCentre - dateCentre) < 0.01)
    // Room for a 42 mm seal above the 署名: three blank lines.
    assert.deepEqual(all.slice(signature - 3, signature).map(textOf), ['', '', ''])
  })

  it('puts an unsealed signature 右空二字 and the date two characters further right', async () => {
    const layout = {
      ...downward,
      signature: { ...(downward.signature as Signature), sealed: false },
    }
    const { document } = await render(layout)
    const all = paragraphs(document)
    const index = all.findIndex((p) => textOf(p) === '六盘水市钟山区人民政府')
    const nameRight = Number(attrOf(all[index] ?? '', 'w:ind', 'w:right')) / CHAR_PITCH
    const dateRight = Number(attrOf(all[index + 1] ?? '', 'w:ind', 'w:right')) / CHAR_PITCH
    assert.ok(Math.abs(nameRight - 2) < 0.01)
    // First characters: 署名 at 2 + 11 from the right edge, date at dateRight + 6 — 2 apart.
    assert.ok(Math.abs(2 + 11 - (dateRight + 6) - 2) < 0.01)
    assert.equal(textOf(all[index - 1] ?? 'x'), '', '正文下空一行')
  })

  it('adds the parentheses of the 附注, two characters in, under the date', async () => {
    const { document } = await render()
    const all = paragraphs(document)
    const note = all.findIndex((p) => textOf(p) === '（此件公开发布）')
    assert.ok(note > 0)
    assert.equal(textOf(all[note - 1] ?? ''), '2026年3月2日')
    assert.equal(attrOf(all[note] ?? '', 'w:ind', 'w:left'), String(Math.round(2 * CHAR_PITCH)))
  })
})

describe('版记 (7.4)', () => {
  it('is a table at the foot of the 版心 with thick outer and thin inner black rules', async () => {
    const { document } = await render()
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)?.[0] ?? ''
    assert.ok(table !== '', '版记 present')
    assert.equal(attrOf(table, 'w:tblpPr', 'w:vertAnchor'), 'margin')
    assert.equal(attrOf(table, 'w:tblpPr', 'w:tblpYSpec'), 'bottom')
    assert.equal(attrOf(table, 'w:tblpPr', 'w:tblpX'), '1587')
    assert.equal(attrOf(table, 'w:tblW', 'w:w'), String(TEXT_WIDTH))
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(table)?.[0] ?? ''
    assert.equal(attrOf(borders, 'w:top', 'w:sz'), '8')
    assert.equal(attrOf(borders, 'w:bottom', 'w:sz'), '8')
    assert.equal(attrOf(borders, 'w:insideH', 'w:sz'), '6')
    assert.equal(attrOf(borders, 'w:top', 'w:color'), '000000')
    assert.equal(attrOf(borders, 'w:left', 'w:val'), 'none')
    const texts = paragraphs(table).map(textOf)
    assert.deepEqual(texts, [
      '抄送：区委办公室，区人大常委会办公室，区政协办公室。',
      '六盘水市钟山区人民政府办公室\t2026年3月2日印发',
    ])
    assert.ok(document.indexOf('<w:tbl>') > document.indexOf('（此件公开发布）'), 'at the end')
  })

  it('sets 版记 in 4 号仿宋, one character in from each side', async () => {
    const { document, styles } = await render()
    assert.equal(attrOf(styleById(styles, 'GwRecord'), 'w:sz', 'w:val'), '28')
    const printer = paragraphWith(document, '印发')
    assert.equal(attrOf(printer, 'w:ind', 'w:left'), '280')
    assert.equal(attrOf(printer, 'w:tab', 'w:val'), 'right')
    assert.equal(attrOf(printer, 'w:tab', 'w:pos'), String(TEXT_WIDTH - 280))
  })

  it('is left out when there is none', async () => {
    const { document } = await render({ ...downward, record: undefined })
    assert.doesNotMatch(document, /<w:tbl>/)
  })
})

describe('页码 (7.5)', () => {
  it('prints — n — in 4 号宋体, odd pages right and even pages left, one character in', async () => {
    const { parts, styles } = await render()
    assert.match(part(parts, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/)
    const footers = [...parts.keys()].filter((p) => /^word\/footer\d+\.xml$/.test(p)).sort()
    assert.equal(footers.length, 2)
    const [odd, even] = footers.map((path) => paragraphs(part(parts, path))[0] ?? '')
    assert.equal(attrOf(odd ?? '', 'w:jc', 'w:val'), 'right')
    assert.equal(attrOf(odd ?? '', 'w:ind', 'w:right'), '280')
    assert.equal(attrOf(even ?? '', 'w:jc', 'w:val'), 'left')
    assert.equal(attrOf(even ?? '', 'w:ind', 'w:left'), '280')
    assert.match(odd ?? '', /— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/)
    const style = styleById(styles, 'GwPageNumber')
    assert.equal(attrOf(style, 'w:sz', 'w:val'), '28')
    assert.equal(attrOf(style, 'w:rFonts', 'w:ascii'), '宋体')
  })
})

describe('purity', () => {
  it('gives the same bytes for the same layout, with no timestamps', async () => {
    const a = await renderGongwenDocx(downward)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const b = await renderGongwenDocx(downward)
    assert.deepEqual(a, b)
    const core = part(docxParts(a), 'docProps/core.xml')
    assert.doesNotMatch(core, /dcterms:created|dcterms:modified/)
    assert.match(core, /<dc:subject>钟府发〔2026〕12号<\/dc:subject>/)
  })
})

describe('text helpers', () => {
  it('writes dates with Arabic numerals and no leading zeros (7.3.5.4)', () => {
    assert.equal(formatDate('2026-03-02'), '2026年3月2日')
    assert.equal(formatDate('2026-12-31'), '2026年12月31日')
    assert.throws(() => formatDate('2026-02-30'), RangeError)
    assert.throws(() => formatDate('2026/3/2'), RangeError)
  })

  it('writes Chinese numerals for headings', () => {
    assert.deepEqual([1, 10, 12, 20, 99].map(chineseNumeral), [
      '一',
      '十',
      '十二',
      '二十',
      '九十九',
    ])
  })

  it('counts half-width characters as half a 字', () => {
    assert.equal(widthInChars('2026年3月2日'), 6)
  })
})

describe('纪要 (GB/T 9704 10.3)', () => {
  it('lists 出席、请假、列席 under the text, aligned after the colon, and carries no signature', async () => {
    const layout = {
      ...downward,
      issuerMark: { organisations: ['区人民政府常务会议'], suffix: '纪要' },
      signature: undefined,
      attendance: [
        { label: '出席', names: ['区长 王建国', '常务副区长 李红梅'] },
        { label: '请假', names: ['副区长（教育） 张志强'] },
        { label: '列席', names: [] },
      ],
    }
    const { document } = await render(layout)
    const all = paragraphs(document)
    const present = all.find((p) => textOf(p).startsWith('出席：'))
    assert.equal(textOf(present ?? ''), '出席：区长 王建国、常务副区长 李红梅')
    // Lines after the first start under the first name: two characters in plus '出席：'.
    const left = Number(attrOf(present ?? '', 'w:ind', 'w:left')) / CHAR_PITCH
    const hanging = Number(attrOf(present ?? '', 'w:ind', 'w:hanging')) / CHAR_PITCH
    assert.ok(Math.abs(left - (2 + widthInChars('出席：'))) < 0.01)
    assert.ok(Math.abs(left - hanging - 2) < 0.01)
    assert.ok(all.some((p) => textOf(p) === '请假：副区长（教育） 张志强'))
    // The label in 黑体, the names in the body's 仿宋 (10.3).
    const [labelRun, namesRun] = [...(present ?? '').matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(
      (match) => match[0],
    )
    assert.equal(attrOf(labelRun ?? '', 'w:rFonts', 'w:eastAsia'), '黑体')
    assert.equal(attrOf(namesRun ?? '', 'w:rFonts', 'w:eastAsia'), undefined)
    // Nothing is kept with the lists: the 正文's last paragraph flows on (no signature to keep
    // it with), so a long list never pulls the text off page 1.
    const last = all.find((p) => textOf(p) === filler(20))
    assert.ok(last !== undefined)
    assert.doesNotMatch(last, /<w:keepNext\/>/)
    // No 主送机关 (a 纪要 has none, or it is blank): no line of only "：" under the title.
    for (const mainRecipients of [undefined, '', '  ']) {
      const { document: without } = await render({ ...layout, mainRecipients })
      assert.ok(
        !paragraphs(without).some((p) => /^\s*[：:]\s*$/.test(textOf(p))),
        `${mainRecipients}`,
      )
    }
    // An empty list is left out; a 纪要 is not signed or sealed.
    assert.ok(!all.some((p) => textOf(p).startsWith('列席')))
    assert.ok(!all.some((p) => textOf(p) === formatDate(downward.signature?.date ?? '')))
  })
})
