/**
 * The demo's 请销假 (issue 15): in each demo jurisdiction a leader away on a trip now, a request
 * waiting for its approver, and a trip over but not closed by 销假 (逾期未销假). Days count from the
 * seed day (0 = the day the demo is seeded), so the demo looks the same whenever it starts.
 *
 * The approver, mode and rules are what the rulebook answers for that post, category and dates
 * (leave-approval, issue 15 contract C1), written out because the seed runs without the rulebooks;
 * packages/http/src/whereabouts-enumerated.test.ts holds every entry to the rulebook's answer.
 */
export interface DemoAbsence {
  /** Roster key of the person away (also their demo sign-in name). */
  person: string
  /** Title of the post whose holder is away, as in the roster. */
  post: string
  /** Rulebook category code (C1). */
  category: 'businessTrip' | 'abroad' | 'vacation' | 'study' | 'personalLeave' | 'leaveArea'
  /** First and last day away, in days from the seed day. */
  from: number
  to: number
  destination: string
  reason: string
  contact: string
  /** pending: waiting for the approver; approved / filed: in force. */
  status: 'pending' | 'approved' | 'filed'
  mode: 'approval' | 'filing'
  /** Title of the approver's post (an approval), as in the roster. */
  approver?: string
  /** The leave rules followed. */
  ruleIds: string[]
  /** Title of the post the requester names to stand in (在家主持工作的负责人), if any. */
  standIn?: string
  /**
   * Who acts for the post while away, as acting duty computes it from the rules (written with the
   * absence, as its act would): the rule and the note every act done in the post records.
   */
  acting?: { post: string; source: 'rule' | 'standIn'; ruleId: string; note: string }
}

export const DEMO_ABSENCES: Record<string, readonly DemoAbsence[]> = {
  zhongshan: [
    {
      person: 'zs-deputy-2',
      post: '副区长（教育）',
      category: 'businessTrip',
      from: -1,
      to: 3,
      destination: '贵州省贵阳市',
      reason: '参加全省教育工作会议',
      contact: '13885800102',
      status: 'approved',
      mode: 'approval',
      approver: '区长',
      ruleIds: ['zhongshan.leave.deputies-outside-district', 'zhongshan.leave.members-general'],
    },
    {
      person: 'zs-deputy-4',
      post: '副区长（法治）',
      category: 'study',
      from: 6,
      to: 10,
      destination: '贵州省委党校',
      reason: '参加法治政府建设专题培训',
      contact: '13885800104',
      status: 'pending',
      mode: 'approval',
      approver: '区长',
      ruleIds: ['zhongshan.leave.deputies-outside-district', 'zhongshan.leave.members-general'],
    },
    {
      person: 'zs-deputy-3',
      post: '副区长（城建）',
      category: 'businessTrip',
      from: -6,
      to: -2,
      destination: '四川省成都市',
      reason: '考察城市更新项目',
      contact: '13885800103',
      status: 'approved',
      mode: 'approval',
      approver: '区长',
      ruleIds: ['zhongshan.leave.deputies-outside-district', 'zhongshan.leave.members-general'],
    },
  ],
  toksun: [
    {
      person: 'tks-deputy-2',
      post: '副县长（教育、乡镇）',
      category: 'businessTrip',
      from: -1,
      to: 3,
      destination: '新疆维吾尔自治区乌鲁木齐市',
      reason: '参加自治区义务教育工作会议',
      contact: '13899500102',
      status: 'filed',
      mode: 'filing',
      ruleIds: ['toksun.leave.deputies', 'toksun.leave.members-general'],
    },
    {
      person: 'tks-departmentHead-finance',
      post: '县财政局局长',
      category: 'leaveArea',
      from: 7,
      to: 9,
      destination: '新疆维吾尔自治区乌鲁木齐市',
      reason: '到自治区财政厅汇报转移支付项目',
      contact: '13899500201',
      status: 'pending',
      mode: 'approval',
      // 按程序 (托克逊 七十六): the approving body is the government, the office registers it.
      approver: '县政府办公室主任',
      ruleIds: ['toksun.leave.unit-heads'],
    },
    {
      person: 'tks-executiveDeputy',
      post: '常务副县长',
      category: 'businessTrip',
      from: -5,
      to: -2,
      destination: '新疆维吾尔自治区吐鲁番市',
      reason: '参加全市财政工作会议',
      contact: '13899500101',
      status: 'filed',
      mode: 'filing',
      ruleIds: ['toksun.leave.deputies', 'toksun.leave.members-general'],
    },
  ],
  muli: [
    {
      person: 'ml-deputy-2',
      post: '副县长（教育）',
      category: 'businessTrip',
      from: -1,
      to: 3,
      destination: '四川省西昌市',
      reason: '参加全州教育工作会议',
      contact: '13908140102',
      status: 'filed',
      mode: 'filing',
      ruleIds: ['muli.leave.deputies-office-director', 'muli.leave.leaders-whereabouts'],
    },
    {
      person: 'ml-townshipHead-qiaowa',
      post: '乔瓦镇镇长',
      category: 'leaveArea',
      from: 5,
      to: 8,
      destination: '四川省成都市',
      reason: '洽谈乡村旅游招商项目',
      contact: '13908140201',
      status: 'pending',
      mode: 'approval',
      approver: '县长',
      ruleIds: ['muli.leave.unit-heads'],
    },
    {
      person: 'ml-departmentHead-housing',
      post: '县住房和城乡建设局局长',
      category: 'leaveArea',
      from: -7,
      to: -3,
      destination: '四川省西昌市',
      reason: '办理农房建设项目审批',
      contact: '13908140301',
      status: 'approved',
      mode: 'approval',
      approver: '县长',
      ruleIds: ['muli.leave.unit-heads'],
    },
  ],
  yanjin: [
    {
      person: 'yj-deputy-2',
      post: '副县长（教育、卫生健康）',
      category: 'businessTrip',
      from: -1,
      to: 3,
      destination: '河南省郑州市',
      reason: '参加全省卫生健康工作会议',
      contact: '13937300102',
      status: 'filed',
      mode: 'filing',
      ruleIds: ['yanjin.leave.leaders', 'yanjin.leave.members-general'],
      // 延津 五 工作互补: the partner the deputy names acts while away.
      standIn: '副县长（城建、街道）',
      acting: {
        post: '副县长（城建、街道）',
        source: 'standIn',
        ruleId: 'yanjin.acting.stand-in-partner',
        note: '代行副县长（教育、卫生健康）职责 — 五',
      },
    },
    {
      person: 'yj-departmentHead-education',
      post: '县教育局局长',
      category: 'businessTrip',
      from: 8,
      to: 10,
      destination: '河南省郑州市',
      reason: '参加全省基础教育工作会议',
      contact: '13937300201',
      status: 'pending',
      mode: 'approval',
      // 按规定 (延津 四十三): the approving body is the government, the office registers it.
      approver: '县政府办公室主任',
      ruleIds: ['yanjin.leave.unit-heads'],
    },
    {
      person: 'yj-deputy-5',
      post: '副县长（法治）',
      category: 'businessTrip',
      from: -6,
      to: -2,
      destination: '北京市',
      reason: '参加法治政府建设示范创建培训',
      contact: '13937300105',
      status: 'filed',
      mode: 'filing',
      ruleIds: ['yanjin.leave.leaders', 'yanjin.leave.members-general'],
    },
  ],
  erlianhaote: [
    {
      person: 'el-deputy-2',
      post: '副市长（口岸、外事、合作区）',
      category: 'businessTrip',
      from: -1,
      to: 3,
      destination: '内蒙古自治区呼和浩特市',
      reason: '参加全区口岸工作会议',
      contact: '13947900102',
      status: 'approved',
      mode: 'approval',
      approver: '市长',
      ruleIds: ['erlianhaote.leave.leaders'],
    },
    {
      // 超过半个月 (二连浩特 七十四): 20 days go to the 市长, not the 分管市长.
      person: 'el-departmentHead-education',
      post: '市教育局局长',
      category: 'study',
      from: 7,
      to: 26,
      destination: '内蒙古自治区党委党校',
      reason: '参加中青年干部培训班',
      contact: '13947900201',
      status: 'pending',
      mode: 'approval',
      approver: '市长',
      ruleIds: ['erlianhaote.leave.department-heads-long', 'national.wording.inclusive-numbers'],
    },
    {
      person: 'el-departmentHead-housing',
      post: '市住房和城乡建设局局长',
      category: 'businessTrip',
      from: -6,
      to: -2,
      destination: '内蒙古自治区锡林浩特市',
      reason: '参加全盟城镇老旧小区改造推进会',
      contact: '13947900202',
      status: 'approved',
      mode: 'approval',
      approver: '副市长（城建、街道）',
      ruleIds: ['erlianhaote.leave.department-heads'],
    },
  ],
}
