import type {
  AdminRole,
  ArticleClass,
  Clearance,
  DepartmentKind,
  HeldPost,
  JurisdictionLevel,
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
}
