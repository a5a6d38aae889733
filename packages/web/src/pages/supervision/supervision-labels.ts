import type { LedgerState, SupervisionSource } from '../../api/supervision.ts'

/** Sources of 立项督办, as the server names them (木里 第七十九条, 第八十一条). */
export const SOURCE_LABELS: Record<SupervisionSource, string> = {
  higherDeployment: '上级重大决策部署',
  workReport: '《政府工作报告》安排部署事项',
  deputySuggestion: '人大代表建议',
  cppccProposal: '政协提案',
  leaderInstruction: '领导批示件',
  fieldRequest: '领导调研、现场办公交办事项',
  issuedDocument: '政府及办公室发文贯彻落实',
  meetingDecision: '会议议定事项',
}

export const SOURCE_OPTIONS = Object.entries(SOURCE_LABELS).map(([value, label]) => ({
  value,
  label,
}))

/** The ledger's filter by standing: 在办 counts every item not yet closed, overdue or not. */
export const LEDGER_STATE_LABELS: Record<LedgerState, string> = {
  open: '在办',
  dueSoon: '本周到期',
  overdue: '逾期',
  closed: '已办结',
}

const ACTION_LABELS: Record<string, string> = {
  create: '立项督办',
  progress: '报送进展',
  requestExtension: '申请延期',
  grantExtension: '批准延期',
  refuseExtension: '不批准延期',
  requestClosure: '报办结',
  returnClosure: '办结审核退回',
  close: '审核办结',
  remind: '催办',
  overdue: '逾期督办',
  circulated: '通报',
  attachEvidence: '上传佐证材料',
}

/** An act the web app does not know yet shows its code rather than nothing. */
export function supervisionActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action
}

const STATE_COLORS: Record<string, string> = {
  open: 'blue',
  closeRequested: 'gold',
  closed: 'green',
}

export function stateColorOf(state: string): string {
  return STATE_COLORS[state] ?? 'default'
}

/** What the holder of a ledger item is doing (当前办理), by the server's code. */
const HOLDING_LABELS: Record<string, string> = {
  carryOut: '牵头办理',
  decideExtension: '审批延期',
  reviewClosure: '办结审核',
}

export const supervisionHoldingLabel = (kind: string) => HOLDING_LABELS[kind] ?? kind
