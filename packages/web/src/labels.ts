import type {
  AdminRole,
  ArticleClass,
  Clearance,
  DepartmentKind,
  Disclosure,
  EnforcementStatus,
  HeldPost,
  JurisdictionLevel,
  Urgency,
  WritingDirection,
} from './api/types.ts'

export const ADMIN_ROLE_LABELS: Record<AdminRole, string> = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全保密管理员',
  auditAdmin: '安全审计员',
}

/** An account is an administrator's, or else a post-holder's. */
export function accountKindLabel(adminRole: AdminRole | null): string {
  return adminRole ? ADMIN_ROLE_LABELS[adminRole] : '任职人员'
}

/** In ascending order; 绝密 is absent because this system must not handle it. */
export const CLEARANCE_LABELS: Record<Clearance, string> = {
  public: '公开',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
}

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  department: '部门',
  township: '乡镇（街道）',
  desk: '办事机构',
}

export const JURISDICTION_LEVEL_LABELS: Record<JurisdictionLevel, string> = {
  county: '县',
  district: '区',
  city: '市',
}

export const ARTICLE_CLASS_LABELS: Record<ArticleClass, string> = {
  operational: '操作性',
  declarative: '宣示性',
}

/** What becomes of an operational article (packages/rules/src/article-coverage). */
export const ENFORCEMENT_LABELS: Record<EnforcementStatus, string> = {
  workflow: '流程执行',
  decisionOnly: '仅决策',
  notForSoftware: '非软件事项',
}

/** Rule kinds of the rules core (packages/rules/src/rulebook/rule-kinds.ts), in Chinese. */
const RULE_KIND_LABELS: Record<string, string> = {
  periodComputation: '期间计算',
  numberWording: '数字用语',
  documentKinds: '公文种类',
  signOff: '审核签发',
  incomingScreening: '收文审核',
  countersign: '会签',
  quorum: '会议人数',
  agendaAdmission: '议题准入',
  minutes: '会议纪要',
  advanceNotice: '提前通知',
  acting: '代理主持',
  leaveApproval: '请假审批',
  absenceConflict: '不得同时外出',
  fundsApproval: '资金审批',
  collectiveDecision: '集体决策',
  circleRead: '圈阅',
  prohibition: '禁止事项',
  sealUse: '用印',
  supervision: '督查督办',
  incidentReport: '突发事件报告',
  publicOpinion: '舆情回应',
  disclosureReply: '信息公开答复',
  deadline: '时限',
  procedure: '程序',
  responsibility: '职责分工',
  limit: '数量限制',
  schedule: '定期事项',
  dutySystem: '值班制度',
  dutySeason: '值班时期',
}

/** A kind the web shell does not know yet is shown by its code rather than hidden. */
export function ruleKindLabel(kind: string): string {
  return RULE_KIND_LABELS[kind] ?? kind
}

/** How a held post is named in selects and lists: acting entries say 代理. */
export function postLabel(post: HeldPost): string {
  return post.actingFor ? `代理：${post.actingFor.title}` : post.title
}

/** Audit actions in words; an action not listed shows its code, so nothing is hidden. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'session.login': '登录',
  'session.loginFailed': '登录失败',
  'session.loginRefused': '锁定期间登录被拒',
  'session.logout': '退出登录',
  'session.logoutEverywhere': '在所有设备上退出',
  'session.switchPost': '切换职务',
  'account.create': '开设账户',
  'account.resetPassword': '重置密码',
  'account.resetPasswordFromConsole': '控制台重置密码',
  'account.unlock': '解除锁定',
  'account.installAdministrator': '安装管理员账户',
  'person.setClearance': '设定密级',
  'organisation.importRoster': '导入人员名册',
  'demo.seed': '创建演示数据',
  'document.exportRegister': '导出收发文登记簿',
}

const DOCUMENT_STATE_LABELS: Record<string, string> = {
  submitted: '待签收',
  registered: '已登记待初审',
  returned: '已退回',
  accepted: '待拟办',
  proposed: '待批示',
  instructed: '待转办',
  referred: '办理中',
  closed: '已办结',
  // 发文 (packages/app/src/documents: draft, review, sign, number, issue, archive).
  reviewing: '核稿中',
  awaitingSignature: '待签发',
  signed: '已签发待编号',
  numbered: '已编号待印发',
  issued: '已印发',
  archived: '已归档',
  withdrawn: '已撤回',
  returnedForRevision: '退回修改',
  voided: '已作废',
}

/** Like rule kinds, a document code the web app does not know yet shows as it is. */
export function documentStateLabel(state: string): string {
  return DOCUMENT_STATE_LABELS[state] ?? state
}

/** Flow events of a document, as its history (流转记录) names them. */
const DOCUMENT_ACTION_LABELS: Record<string, string> = {
  submit: '报送',
  register: '签收登记',
  accept: '初审受理',
  return: '初审退回',
  propose: '拟办呈批',
  instruct: '批示',
  circleRead: '圈阅',
  refer: '转办',
  complete: '承办单位办结',
  close: '办结并答复',
  draft: '拟稿',
  review: '核稿',
  countersign: '会签同意',
  countersignDisagree: '会签有不同意见',
  countersignRemind: '催办逾期会签',
  countersignExplain: '逾期会签书面说明',
  countersignCircular: '通报逾期会签单位',
  sign: '签发',
  number: '登记编号',
  issue: '用印印发',
  archive: '归档',
  acknowledge: '已阅',
  circulate: '传阅',
  attach: '上传附件',
  revise: '修改正文',
  remind: '催办（今日到期）',
  escalate: '逾期催办',
  withdraw: '撤回',
  returnForRevision: '退回修改',
  resubmit: '修改后重新送审',
  void: '作废',
  reassign: '改派',
  receive: '签收',
  remindReceipt: '催收',
}

export function documentActionLabel(action: string): string {
  return DOCUMENT_ACTION_LABELS[action] ?? action
}

const TASK_KIND_LABELS: Record<string, string> = {
  register: '签收',
  screen: '初审',
  propose: '拟办',
  instruct: '批示',
  refer: '转办',
  handle: '办理',
  read: '待阅',
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

export function taskKindLabel(kind: string): string {
  return TASK_KIND_LABELS[kind] ?? kind
}

export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: '平件',
  urgent: '加急',
  extraUrgent: '特急',
}

export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  active: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
}

export const WRITING_DIRECTION_LABELS: Record<WritingDirection, string> = {
  downward: '下行文',
  upward: '上行文',
  parallel: '平行文',
}

/** 收文 comes in from a unit; 发文 goes out in the government's or its office's name. */
export const DOCUMENT_DIRECTION_LABELS: Record<'incoming' | 'outgoing', string> = {
  incoming: '收文',
  outgoing: '发文',
}
