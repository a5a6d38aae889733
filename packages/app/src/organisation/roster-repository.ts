/** Upserts by the roster's natural keys; each answers the row's id and whether it was new. */
export interface RosterRepository {
  upsertJurisdiction(jurisdiction: {
    id: string
    name: string
    level: 'county' | 'district' | 'city'
    rulebookVersion: string
  }): Promise<{ created: boolean }>
  upsertDepartment(
    jurisdictionId: string,
    department: {
      name: string
      kind: 'department' | 'township' | 'desk'
      rulebookPost?: string
      newId: string
    },
  ): Promise<{ id: string; created: boolean }>
  upsertPerson(
    jurisdictionId: string,
    person: { key: string; name: string; newId: string },
  ): Promise<{ id: string; created: boolean }>
  upsertPost(
    jurisdictionId: string,
    post: {
      title: string
      role: string
      departmentId: string | null
      headsUnit: boolean
      newId: string
    },
  ): Promise<{ id: string; created: boolean }>
  /** Keyed by post, person and start date; a later import may set or change the end date. */
  upsertHolding(holding: {
    postId: string
    personId: string
    from: string
    to: string | null
    newId: string
  }): Promise<{ created: boolean }>
  upsertPortfolio(portfolio: {
    postId: string
    departmentId: string
    from: string
    to: string | null
  }): Promise<{ created: boolean }>
  upsertDocumentPrefix(
    jurisdictionId: string,
    prefix: {
      prefix: string
      issuer: 'government' | 'office' | 'partyGroup' | 'officePartyGroup'
      label: string
    },
  ): Promise<{ created: boolean }>
  /**
   * The posts' order as the roster lists them (排列次序: 二连浩特 八 其他副市长依次), replaced for
   * the posts given: one statement.
   */
  rankPosts(postIdsInOrder: readonly string[]): Promise<void>
  upsertActing(acting: {
    postId: string
    actingPostId: string
    from: string
    to: string
    ruleId: string | null
    newId: string
  }): Promise<{ created: boolean }>
  /** The jurisdiction's 收文编号 format ({year}, {serial}), set or replaced. */
  setReceiptNumberFormat(jurisdictionId: string, template: string): Promise<{ created: boolean }>
  /** A group of units a document may be addressed to as one (分发组), keyed by its label. */
  upsertRecipientGroup(
    jurisdictionId: string,
    group: { label: string; kinds: string[]; position: number },
  ): Promise<{ created: boolean }>
}
