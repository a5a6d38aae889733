/**
 * What each document task asks of its assignee, in Chinese, stated once: the workbench's tag and
 * the message's title (待签收：《…》) name a task alike.
 */
export const DOCUMENT_TASK_LABELS: Record<string, string> = {
  register: '签收',
  screen: '初审',
  propose: '拟办',
  instruct: '批示',
  refer: '转办',
  handle: '办理',
  read: '阅知',
  revise: '退回修改',
  redraft: '修改后重新送审',
  review: '核稿',
  countersign: '会签',
  sign: '签发',
  number: '登记编号',
  issue: '用印印发',
  archive: '归档',
  receipt: '签收（分送）',
}

/** A task kind in Chinese; a kind added later without a label reads as 办理, never as its code. */
export function documentTaskLabel(kind: string): string {
  return DOCUMENT_TASK_LABELS[kind] ?? '办理'
}
