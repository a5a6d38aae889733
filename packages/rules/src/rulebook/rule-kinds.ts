import { z } from 'zod'
import { periodSchema } from '../periods/period.ts'
import { dateConditionSchema } from './conditions.ts'

/**
 * The parameters each kind of rule carries. A rule's `kind` picks one of these shapes;
 * unknown fields are errors, so a typo in a rulebook never passes silently.
 * Post references are checked against the rulebook's posts after parsing.
 */
const post = z.string().min(1)
const posts = z.array(post)
/** A step one of several posts may take: "分管副市长或秘书长审核". */
const postOrAlternatives = z.union([post, z.strictObject({ anyOf: posts.min(2) })])
/**
 * A 核稿 step: as above, or one every post the id resolves to takes, each in turn of the others:
 * "经有关副县长会签" where two 有关副县长 are involved means both (托克逊 六十四).
 */
const chainStep = z.union([
  post,
  z.strictObject({ anyOf: posts.min(2) }),
  z.strictObject({ each: post }),
])
const code = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]*$/, '代码只能由字母、数字和连字符组成，并以小写字母开头')
const labelled = z.strictObject({ code, label: z.string().min(1) })

/**
 * A step an agenda item needs, with the rulebook posts that record it as done (recordedBy, any
 * of them): 报县长审批同意 by the head, 合法性审查 by the legal office. Relational posts resolve
 * per item: submittingUnit (the unit that put it forward, the default), portfolioDeputy (the
 * deputies overseeing that unit), presider (the meeting's).
 */
const agendaStep = z.strictObject({
  code,
  label: z.string().min(1),
  recordedBy: posts.min(1).default(['submittingUnit']),
})

/** How a report must be sent to satisfy a timed step: 电话速报 phone, 书面上报 written. */
const stepChannel = z.enum(['phone', 'written', 'any']).default('any')
/** A day of the year without the year: 05-01. */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '月日应为 MM-DD（如 05-01）')

/** An amount of money in yuan with its bound: "200万元以上" is { amount: 2000000, inclusive: true }. */
const bound = z.strictObject({ amount: z.number().nonnegative(), inclusive: z.boolean() })

export const ruleParams = {
  /** 《民法典》 第二百零一条至第二百零三条: how periods run. */
  periodComputation: z.strictObject({
    startDayExcluded: z.boolean().optional(),
    monthEndWhenNoCorrespondingDay: z.boolean().optional(),
    extendWhenLastDayIsRestDay: z.boolean().optional(),
  }),
  /** 《民法典》 第一千二百五十九条: which words include the stated number. */
  numberWording: z.strictObject({ inclusive: z.array(z.string()), exclusive: z.array(z.string()) }),
  /** 公文种类 (《党政机关公文处理工作条例》 第八条). */
  documentKinds: z.strictObject({ kinds: z.array(z.string()).min(1) }),
  /** Who reviews and who signs an outgoing document. */
  signOff: z.strictObject({
    drafter: posts.optional(),
    reviewChain: z.array(chainStep),
    signer: posts.min(1),
    /** Further wording the document must carry, e.g. 经区人民政府研究. */
    note: z.string().optional(),
  }),
  /** Reasons an incoming document is refused or returned. */
  incomingScreening: z.strictObject({
    refuseWhen: z.array(labelled).min(1),
    outcome: z.enum(['refuse', 'return']),
    handledBy: posts.optional(),
  }),
  /** Reply period for a consultation/countersign request and what silence means. */
  countersign: z.strictObject({
    replyWithin: periodSchema,
    /** The lead department may set its own limit (除主办部门另有时限要求外). */
    leadMaySetLimit: z.boolean(),
    /**
     * What a lapsed reply period means, each a way on to the signer: deemedNoObjection: silence
     * counts as agreement (钟山 第二十九条); remindFirst: a desk reminds and sets the period of
     * the reminder, and `afterReminder` says what a second silence means (延津 三十);
     * explainOrCircular: the late department explains in writing, or else `circulatedBy`
     * circulates it (通报) — either settles the lateness, and the document goes on without the
     * reply, which the department still owes (二连浩特 五十一: the article makes lateness the
     * department's accountability, not a bar to the document).
     */
    overdue: z.enum(['deemedNoObjection', 'remindFirst', 'explainOrCircular']),
    reminder: posts.optional(),
    /** When `explainOrCircular`: who circulates a department that did not explain. */
    circulatedBy: posts.optional(),
    /** When `remindFirst`: how long the reminded department then has. */
    afterReminderWithin: periodSchema.optional(),
    /** When `remindFirst`: what a second silence, after the reminder, means (延津 三十). */
    afterReminder: z.enum(['deemedNoObjection']).optional(),
    /** Who reports the overdue reply to the reminder desk (征求意见单位). */
    reportedBy: posts.optional(),
  }),
  /** Attendance a meeting needs to be held, or to decide. */
  quorum: z.strictObject({
    numerator: z.number().int().positive(),
    denominator: z.number().int().positive(),
    /** 过半数/超过半数 → moreThan; 半数以上 → atLeast (民法典 第一千二百五十九条). */
    comparison: z.enum(['moreThan', 'atLeast']),
    of: z.enum(['members', 'votingMembers']).default('members'),
  }),
  /** Which items a meeting admits to its agenda. */
  agendaAdmission: z
    .strictObject({
      /** 原则上每次不超过N个: full once N items are already on the agenda. */
      maxItems: z.number().int().positive().optional(),
      /** Characteristics that keep an item off the agenda (不列入议题). */
      excluded: z.array(labelled).default([]),
      /** Steps every item needs before submission. */
      requiredBefore: z.array(agendaStep).default([]),
      /**
       * Steps an item needs only when it has a characteristic: 议题涉及其他部门、单位的 →
       * 充分协商 (钟山 第四十四条). The condition is one of the item's characteristics.
       */
      requiredWhen: z
        .array(z.strictObject({ condition: labelled, steps: z.array(agendaStep).min(1) }))
        .default([]),
      /**
       * When the agenda is full (maxItems reached), the steps that still let an item in:
       * 向办公室说明情况 + 报区长同意 (钟山 第四十五条). Empty: a full agenda refuses the item.
       */
      overCapRequires: z.array(agendaStep).default([]),
      submitBefore: periodSchema.optional(),
      /** Who approves the meeting's agenda (报县长审批同意, 由区长审定). */
      decidedBy: posts.optional(),
    })
    .refine((params) => params.overCapRequires.length === 0 || params.maxItems !== undefined, {
      message: 'overCapRequires 须与 maxItems 同时使用（议题达到上限后才需完成的步骤）',
      path: ['overCapRequires'],
    }),
  /** Minutes: who drafts, reviews and signs them, and by when. */
  minutes: z
    .strictObject({
      drafter: posts.optional(),
      reviewChain: z.array(postOrAlternatives).default([]),
      /** Empty when the text gives only the period (木里 第十八条). */
      signer: posts.default([]),
      dueWithin: periodSchema.optional(),
      /**
       * false: minutes are, by default, not issued (原则上不编发会议纪要, 托克逊 五十五); they are
       * issued only when one of `issueWhen` holds (确需编发), and then along this rule.
       */
      issuedByDefault: z.boolean().default(true),
      issueWhen: z.array(labelled).default([]),
    })
    .refine((params) => params.issuedByDefault || params.issueWhen.length > 0, {
      message: 'issuedByDefault 为 false 时须写 issueWhen（确需编发的情形）',
      path: ['issueWhen'],
    }),
  /** Advance notice or material circulation before a meeting or event. */
  advanceNotice: z.strictObject({
    act: labelled,
    before: periodSchema,
    by: posts.optional(),
    /**
     * 原则上提前10天 (钟山 第四十九条): the lead time is the default, not a bar; a late act is
     * accepted with the departure said and recorded rather than refused.
     */
    inPrinciple: z.boolean().default(false),
  }),
  /**
   * Who presides or acts when a post-holder is away, in order of precedence. `rankedDeputy` in
   * `order` is the deputies in roster order (依次, 二连浩特 八); a relational post such as
   * `designatedDeputy` (受区长委托的副区长, 钟山 第六条) is named by `decidedBy`.
   */
  acting: z.strictObject({
    absent: post,
    order: posts.min(1),
    decidedBy: posts.optional(),
    /**
     * The absence categories that bring the rule into play (县长离延出差、出访和学习期间, 延津 五:
     * not 休假). Absent: any absence of the post-holder.
     */
    during: z.array(code).min(1).optional(),
  }),
  /** Who approves leave for a post, by length of absence. */
  leaveApproval: z
    .strictObject({
      /** Applies when the absence is longer than (`moreThan`) or at least (`atLeast`) this many days. */
      days: z
        .strictObject({
          count: z.number().int().nonnegative(),
          comparison: z.enum(['moreThan', 'atLeast']),
        })
        .optional(),
      /**
       * approval: someone must agree (请示、请假、报告同意、审批). filing: the article asks only that
       * the absence be reported (报告、报备): filed, it is in force at once and has no approver.
       */
      mode: z.enum(['approval', 'filing']).default('approval'),
      /** Who approves: any one of them (向市长或主持会议的常务副市长请假). Empty for a filing. */
      approver: posts.default([]),
      /**
       * Who agrees before the approver, each in turn (经分管副县长同意后报县长, 经市长审核同意后报
       * 自治区政府审批); also the desk the request goes through (向办公室主任请假，经报请县长批准).
       */
      via: posts.default([]),
      /** Where the request is filed (备案) or, for a filing, to whom it is reported (报告县长). */
      fileWith: posts.default([]),
      /** Whom the office informs of the absence (由县政府办公室通报其他领导同志). */
      inform: posts.default([]),
      /** To whom the traveller reports back on return (销假). */
      reportBackTo: posts.default([]),
      /** 销假 comes with a report on the trip (返回后应向市长销假并报告有关情况, 二连浩特 七十四). */
      returnReport: z.boolean().default(false),
      /** The request must name who attends in one's place (钟山 第四十七条 “并明确代会人员”). */
      substituteRequired: z.boolean().default(false),
      /** How long before departure it must be filed (原则上提前3天, 钟山 第七十四条), the day of departure not counted. */
      advance: periodSchema.optional(),
      /** 原则上: the lead time is the default, not a bar; a late request is accepted and marked late. */
      inPrinciple: z.boolean().default(false),
    })
    .refine((params) => params.mode === 'filing' || params.approver.length > 0, {
      message: '审批（mode: approval）须写 approver（审批人）',
      path: ['approver'],
    })
    .refine((params) => params.mode === 'approval' || params.approver.length === 0, {
      message: '报备（mode: filing）没有审批人：报告对象写在 fileWith',
      path: ['approver'],
    })
    .refine((params) => params.mode === 'approval' || params.fileWith.length > 0, {
      message: '报备（mode: filing）须写 fileWith（向谁报告、报备）',
      path: ['fileWith'],
    }),
  /** Posts that must not be away at the same time. */
  absenceConflict: z.strictObject({
    posts: posts.min(2),
    atMostAway: z.number().int().nonnegative(),
    /** 一般不同时外出 (木里 第一百零八条): the default, not a ban; the answer says so. */
    inPrinciple: z.boolean().default(false),
  }),
  /** Funds approval tiers by amount (yuan). */
  fundsApproval: z.strictObject({
    tiers: z
      .array(
        z.strictObject({ above: bound.optional(), upTo: bound.optional(), approver: posts.min(1) }),
      )
      .min(1),
  }),
  /** Matters that must be decided by a meeting (usually the standing meeting). */
  collectiveDecision: z.strictObject({
    /** One meeting, or a list of which any one suffices ("全体会议或常务会议"). */
    meeting: z.union([z.string(), z.array(z.string()).min(2)]),
    matters: z
      .array(
        z.strictObject({
          code,
          label: z.string().min(1),
          amountFrom: bound.optional(),
          /** A head count: "两位以上副市长" is { count: 2, inclusive: true }. */
          countFrom: z
            .strictObject({ count: z.number().int().nonnegative(), inclusive: z.boolean() })
            .optional(),
          /**
           * A share joined to the other bounds by 且 (同时超合同价款15%以上, 木里 第十五条(十)):
           * 0.15 inclusive. Every bound a matter gives must be reached.
           */
          ratioFrom: z
            .strictObject({ ratio: z.number().nonnegative(), inclusive: z.boolean() })
            .optional(),
        }),
      )
      .min(1),
  }),
  /** What 圈阅 (circling one's name) means on a document kind: read, or agree. */
  circleRead: z.strictObject({
    meanings: z
      .array(
        z.strictObject({
          documentKinds: z.array(z.string()).min(1),
          means: z.enum(['read', 'agree']),
        }),
      )
      .min(1),
  }),
  /** An act that is not allowed, unless the named posts approve it (when any are named). */
  prohibition: z.strictObject({
    act: labelled,
    /**
     * 原则上不… / 一般不…: the default is not to do it, and the exceptions (`unlessApprovedBy`,
     * `unlessWhen`) are the ordinary way out, not a loophole in a ban. Said so in the answer.
     */
    inPrinciple: z.boolean().default(false),
    unlessApprovedBy: posts.default([]),
    /** Circumstances that lift the ban without anyone's approval (外事活动, 特殊情况, 上级要求). */
    unlessWhen: z.array(labelled).default([]),
  }),
  /** Approval chain for using a seal. */
  sealUse: z.strictObject({
    seals: z.array(labelled).min(1),
    approvalChain: posts.min(1),
    keeper: posts.optional(),
    refuseWhen: z.array(labelled).default([]),
  }),
  /** Supervision item due dates by source (领导批示件, 会议议定事项…). */
  supervision: z.strictObject({
    source: labelled,
    within: periodSchema,
    feedbackTo: posts.optional(),
    progressEvery: periodSchema.optional(),
  }),
  /**
   * Incident reporting deadlines. Each step says the channel a report must go by to satisfy it
   * (电话速报 → phone, 书面上报 → written; 'any' when the article names none), and the rule lists
   * the elements (要素) a report carries: from the article when it lists them, otherwise the
   * deployment's list with `elementsNote` saying so (木里 第八十九条 asks 要素完整 without a list).
   */
  incidentReport: z.strictObject({
    category: labelled,
    steps: z
      .array(
        z.strictObject({
          act: labelled,
          within: periodSchema,
          to: posts.optional(),
          channel: stepChannel,
        }),
      )
      .min(1),
    elements: z.array(labelled).default([]),
    elementsNote: z.string().optional(),
  }),
  /** Response deadlines to public opinion (舆情回应). */
  publicOpinion: z.strictObject({
    category: labelled,
    steps: z
      .array(
        z.strictObject({
          act: labelled,
          within: periodSchema,
          to: posts.optional(),
          channel: stepChannel,
        }),
      )
      .min(1),
  }),
  /**
   * Who keeps 24-hour duty (值班) and whether a leader is on call (领导带班): 木里 第八十八条
   * (year round for the 总值班室 and others, the flood season and the fire season for others),
   * 钟山 第五十七条, 托克逊 七十六. `season` is `yearRound` or the code of a `dutySeason` rule.
   * `leaders`: the posts the article names to lead the duty (主要负责同志), empty when it names none.
   */
  dutySystem: z.strictObject({
    units: posts.min(1),
    season: code,
    leaderOnCall: z.boolean(),
    leaders: posts.default([]),
    hoursPerDay: z.number().int().positive().max(24).default(24),
    dayTypes: z
      .array(z.enum(['workday', 'restday', 'holiday']))
      .min(1)
      .default(['workday', 'restday', 'holiday']),
  }),
  /**
   * The dates of a duty season (汛期, 森林草原防火期) each year, 'MM-DD' to 'MM-DD' inclusive
   * (lastDay < firstDay: the season runs over the new year). Not `from`/`to`: `to` names posts. Set by the province or the county under
   * the law the article cites; where the seed gives no dates the rule's `note` says whose they are.
   */
  dutySeason: z.strictObject({
    season: labelled,
    firstDay: monthDay,
    lastDay: monthDay,
  }),
  /** Reply deadline for a disclosure request (政府信息公开条例 第三十三条). */
  disclosureReply: z.strictObject({
    within: periodSchema,
    extension: periodSchema,
    extensionApprover: posts.optional(),
  }),
  /** A period that runs from an event: "收文之日起…3个工作日", "会后…". */
  deadline: z.strictObject({
    event: labelled,
    within: periodSchema,
    actor: posts.optional(),
    act: z.string().optional(),
  }),
  /** A required sequence of steps before a matter can proceed. */
  procedure: z.strictObject({
    matter: labelled,
    steps: z.array(labelled).min(1),
    ordered: z.boolean().default(true),
  }),
  /** Who leads, approves, presides over, reviews or handles a matter. */
  responsibility: z.strictObject({
    matter: labelled,
    role: z.enum([
      'leads',
      'approves',
      'signs',
      'presides',
      'reviews',
      'handles',
      'attends',
      'convenes',
      'decides',
    ]),
    posts: posts.min(1),
  }),
  /**
   * An act done on set days, read off the date by the rules core: 每年6月份报告半年工作总结
   * (二连浩特 二十二) is `{ months: [6] }`; 每月第一周星期一上午9:00-12:00 (木里 第九十三条) is
   * `{ daysOfMonth: { from: 1, to: 7 }, weekdays: [1] }` with `hours`.
   */
  schedule: z.strictObject({
    act: labelled,
    on: dateConditionSchema,
    hours: z
      .strictObject({
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时刻应为 HH:MM'),
        end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时刻应为 HH:MM'),
      })
      .optional(),
    by: posts.optional(),
  }),
  /** A numeric cap or floor: items per meeting, minutes per speech, times per year. */
  limit: z.strictObject({
    subject: labelled,
    max: z.number().nonnegative().optional(),
    min: z.number().nonnegative().optional(),
    /** 以内/以下/以上 include the number; 不超过 includes it too; 超过/不满 exclude it. */
    inclusive: z.boolean(),
    unit: z.string().min(1),
    /**
     * A frequency: the window the cap or floor counts in (每月 `1 month`, 每季度 `3 months`,
     * 每半年 `6 months`, 每年 `1 year`, 每两周 `2 weeks`). Month and year windows are calendar
     * windows from 1 January; week windows run back from the date asked.
     */
    per: periodSchema.optional(),
    /** 原则上每年不超过一次 (木里 第十九条): the default, not a bar; the answer says so. */
    inPrinciple: z.boolean().default(false),
  }),
} as const

export type RuleKind = keyof typeof ruleParams
export const RULE_KINDS = Object.keys(ruleParams) as RuleKind[]
export type RuleParams<K extends RuleKind> = z.output<(typeof ruleParams)[K]>
