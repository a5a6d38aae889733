// Sample 公文 for the tests: a downward 通知 with every element, and an upward 请示.
import type { GongwenLayout } from '../types.ts'

/** Plain 汉字 without punctuation, so that every full line holds exactly 28 characters. */
export const FILLER =
  '为进一步加强政务服务工作提升行政效能优化营商环境根据上级有关规定结合本区工作实际现就有关事项通知如下各单位要高度重视认真组织实施切实抓好落实确保各项任务按期完成'

/** A paragraph of n characters cut from the filler, ending with '。'. */
export const filler = (n: number): string => {
  let text = ''
  while (text.length < n - 1) text += FILLER
  return `${text.slice(0, n - 1)}。`
}

export const downward: GongwenLayout = {
  copyNumber: '000001',
  classification: '秘密★1年',
  urgency: '特急',
  issuerMark: { organisations: ['六盘水市钟山区人民政府'], suffix: '文件' },
  documentNumber: '钟府发〔2026〕12号',
  title: ['六盘水市钟山区人民政府', '关于进一步优化政务服务提升行政效能的通知'],
  mainRecipients: '各乡（镇）人民政府、街道办事处，区政府各部门',
  body: [
    { kind: 'paragraph', text: filler(140) },
    { kind: 'heading', level: 1, text: '总体要求' },
    // 28 × 26 characters: fills the rest of page 1 and all of page 2.
    { kind: 'paragraph', text: filler(28 * 26 - 2) },
    { kind: 'heading', level: 2, text: '加强组织领导。', runIn: filler(40) },
    { kind: 'heading', level: 3, text: '明确责任分工。', runIn: filler(12) },
    { kind: 'heading', level: 4, text: '强化督促检查。', runIn: filler(12) },
    { kind: 'heading', level: 1, text: '工作措施' },
    { kind: 'paragraph', text: filler(20) },
  ],
  attachments: ['钟山区政务服务事项清单', '钟山区政务服务工作责任分工表'],
  signature: { organisations: ['六盘水市钟山区人民政府'], date: '2026-03-02' },
  note: '此件公开发布',
  record: {
    copyTo: ['区委办公室', '区人大常委会办公室', '区政协办公室'],
    printer: '六盘水市钟山区人民政府办公室',
    printDate: '2026-03-02',
  },
}

export const upward: GongwenLayout = {
  issuerMark: { organisations: ['六盘水市钟山区人民政府'], suffix: '文件' },
  documentNumber: '钟府呈〔2026〕3号',
  direction: 'upward',
  signers: ['张三', '李四', '王五'],
  title: ['六盘水市钟山区人民政府', '关于申请政务服务中心建设资金的请示'],
  mainRecipients: '六盘水市人民政府',
  body: [{ kind: 'paragraph', text: filler(50) }],
  signature: { organisations: ['六盘水市钟山区人民政府'], date: '2026-03-12' },
  record: { printer: '六盘水市钟山区人民政府办公室', printDate: '2026-03-12' },
}
