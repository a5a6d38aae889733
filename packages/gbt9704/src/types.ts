// The input of the GB/T 9704-2012 renderer: one 公文 with every element the standard lays out,
// already written (text is used as given, apart from the numbering of headings and the
// punctuation the standard adds, such as the colon after 主送机关 or the parentheses of 附注).

/** A calendar date as the project writes it elsewhere (ISO 8601, 'YYYY-MM-DD'). */
export type LocalDate = string

/**
 * Which way the document goes. Only an upward document (上行文, to a superior organ) changes the
 * layout: its 发文字号 sits left and its 签发人 right on one line (GB/T 9704-2012 7.2.5, 7.2.6).
 */
export type Direction = 'upward' | 'parallel' | 'downward'

/** 紧急程度 (7.2.3). */
export type Urgency = '特急' | '加急'

/**
 * 发文机关标志 (7.2.4): the issuing organ's full name or standard short name, followed by 文件 or
 * not. Joint documents list every issuer, the lead organ first; the suffix then stands to the right
 * of the names, centred on them vertically.
 */
export interface IssuerMark {
  /** Lead organ first, e.g. ['六盘水市钟山区人民政府']. At least one. */
  organisations: readonly string[]
  /** Usually '文件'; omit for a mark of the name alone (7.2.4 allows both). */
  suffix?: string
  /**
   * Font size in points. Default: the largest size up to 初号 (42 pt) at which the longest line
   * fits the 156 mm 版心 width (7.2.4 leaves the size to the issuer, '醒目、美观、庄重').
   */
  sizePt?: number
}

/**
 * One block of the 正文 (7.3.3). Headings are numbered by the renderer: level 1 '一、' (黑体),
 * level 2 '（一）' (楷体), level 3 '1.' and level 4 '（1）' (仿宋). A heading's number restarts
 * under each heading of a higher level.
 */
export type BodyBlock =
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'heading'
      level: 1 | 2 | 3 | 4
      /** The heading without its number, e.g. '总体要求' or '加强组织领导。'. */
      text: string
      /** Body text run on in the same paragraph after the heading, in 仿宋. */
      runIn?: string
    }

/** 发文机关署名、成文日期和印章 (7.3.5). */
export interface Signature {
  /** 发文机关署名, the lead organ first; joint documents list several. */
  organisations: readonly string[]
  /** 成文日期, written with Arabic numerals as 7.3.5.4 requires, e.g. '2026-03-02' → 2026年3月2日. */
  date: LocalDate
  /**
   * Whether the document is sealed (7.3.5.1, default) or not (7.3.5.2). A sealed document leaves
   * room for the seal above the signature; no seal image is drawn.
   */
  sealed?: boolean
  /** The seal's diameter in mm, to reserve its room (default 42 mm). */
  sealDiameterMm?: number
}

/** 版记 (7.4): set at the foot of the last page, between black rules. */
export interface RecordBlock {
  /** 抄送机关 (7.4.2), in order; joined with '，' and closed with '。'. */
  copyTo?: readonly string[]
  /** 印发机关 (7.4.3). */
  printer: string
  /** 印发日期 (7.4.3), e.g. '2026-03-02' → 2026年3月2日印发. */
  printDate: LocalDate
}

/**
 * Font family names written into the DOCX. They are named, not embedded: the reader's machine
 * supplies them (or substitutes; see the README).
 */
export interface GongwenFonts {
  /** 仿宋: body, 发文字号, 版记. */
  fangSong: string
  /** 小标宋: 发文机关标志 and 标题. */
  xiaoBiaoSong: string
  /** 黑体: level-1 headings, 密级, 紧急程度. */
  heiTi: string
  /** 楷体: level-2 headings, 签发人 names. */
  kaiTi: string
  /** 宋体: page numbers (7.5). */
  song: string
}

/** Everything {@link renderGongwenDocx} lays out, in the order the standard's 7.1 lists it. */
export interface GongwenLayout {
  // 版头 (7.2)
  /** 份号 (7.2.1), usually six digits, e.g. '000001'. */
  copyNumber?: string
  /** 密级和保密期限 (7.2.2), e.g. '秘密★1年'. */
  classification?: string
  /** 紧急程度 (7.2.3). */
  urgency?: Urgency
  /** 发文机关标志 (7.2.4). */
  issuerMark: IssuerMark
  /** 发文字号 (7.2.5), e.g. '钟府发〔2026〕12号'. */
  documentNumber: string
  /** Default 'downward'. */
  direction?: Direction
  /** 签发人 (7.2.6): names in the issuers' order; used only when direction is 'upward'. */
  signers?: readonly string[]

  // 主体 (7.3)
  /** 标题 (7.3.1). A list gives the lines as they should break (梯形或菱形); a string wraps freely. */
  title: string | readonly string[]
  /** 主送机关 (7.3.2), punctuated as it should read; the closing '：' is added when missing. */
  mainRecipients?: string
  /** 正文 (7.3.3). */
  body: readonly BodyBlock[]
  /** 附件说明 (7.3.4): the attachments' names, without numbers or closing punctuation. */
  attachments?: readonly string[]
  /**
   * 出席、请假、列席 of a 纪要 (10.3): each list under the 正文, "出席：" then the units and names,
   * lines after the first aligned under the first name.
   */
  attendance?: readonly { label: string; names: readonly string[] }[]
  /** 发文机关署名、成文日期和印章 (7.3.5); a 纪要 has none (10.3). */
  signature?: Signature
  /** 附注 (7.3.6), e.g. '此件公开发布'; parentheses are added when missing. */
  note?: string

  // 版记 (7.4)
  record?: RecordBlock

  /** Font names; defaults in {@link DEFAULT_FONTS}. */
  fonts?: Partial<GongwenFonts>
}
