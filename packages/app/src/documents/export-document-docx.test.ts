import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bodyBlocksOf, mainRecipientsLine, minutesMarkOf } from './export-document-docx.ts'

describe('the 主送机关 line from its entries (GB/T 9704 7.3.2)', () => {
  it('joins units with 、, and entries one of which lists organs with ，', () => {
    assert.equal(mainRecipientsLine(['荷城街道', '大河镇']), '荷城街道、大河镇')
    assert.equal(
      mainRecipientsLine(['各乡（镇）人民政府、街道办事处', '区政府各部门']),
      '各乡（镇）人民政府、街道办事处，区政府各部门',
    )
    assert.equal(mainRecipientsLine(['县政府各部门']), '县政府各部门')
  })
})

describe('the 纪要标志 names the organ in full (GB/T 9704 10.3)', () => {
  // Every demo jurisdiction's organ with each way its rulebook names a meeting.
  const cases: [string, string, string][] = [
    ['木里藏族自治县人民政府', '县政府常务会议', '木里藏族自治县人民政府常务会议'],
    ['木里藏族自治县人民政府', '县政府党组会议', '木里藏族自治县人民政府党组会议'],
    ['托克逊县人民政府', '县长办公会议', '托克逊县人民政府县长办公会议'],
    ['延津县人民政府', '局际联席会议', '延津县人民政府局际联席会议'],
    ['六盘水市钟山区人民政府', '区人民政府常务会议', '六盘水市钟山区人民政府常务会议'],
    ['六盘水市钟山区人民政府', '区人民政府区长办公会议', '六盘水市钟山区人民政府区长办公会议'],
    ['二连浩特市人民政府', '市人民政府全体会议', '二连浩特市人民政府全体会议'],
    ['二连浩特市人民政府', '市长办公会议', '二连浩特市人民政府市长办公会议'],
    ['二连浩特市人民政府', '二连浩特市人民政府专题会议', '二连浩特市人民政府专题会议'],
  ]
  for (const [organ, meeting, mark] of cases)
    it(`${organ} · ${meeting} → ${mark}纪要`, () => {
      assert.equal(minutesMarkOf(organ, meeting), mark)
    })
})

describe('the 正文 keeps its headings for the GB/T 9704 fonts (7.3.3)', () => {
  it('makes the next 一、 a 黑体 heading and the next （一） a 楷体 heading with its run-in text', () => {
    const blocks = bodyBlocksOf(
      [
        '现将有关事项通知如下。',
        '一、关于乔瓦镇中心校扩建的议题',
        '会议原则通过。',
        '（一）加强组织领导。各单位要高度重视。',
        '（二）明确责任分工',
        '二、做好校园安全检查。',
        '四、不是下一个编号，是正文。',
        '三、这一段以编号开头。但句号之后还有很长的正文，不是标题，而是正文段落。',
      ].join('\n'),
    )
    assert.deepEqual(blocks, [
      { kind: 'paragraph', text: '现将有关事项通知如下。' },
      { kind: 'heading', level: 1, text: '关于乔瓦镇中心校扩建的议题' },
      { kind: 'paragraph', text: '会议原则通过。' },
      { kind: 'heading', level: 2, text: '加强组织领导。', runIn: '各单位要高度重视。' },
      { kind: 'heading', level: 2, text: '明确责任分工' },
      { kind: 'heading', level: 1, text: '做好校园安全检查。' },
      { kind: 'paragraph', text: '四、不是下一个编号，是正文。' },
      {
        kind: 'paragraph',
        text: '三、这一段以编号开头。但句号之后还有很长的正文，不是标题，而是正文段落。',
      },
    ])
  })
})
