import type { SecrecyLevel } from '../access/secrecy.ts'

/** A post as routing sees it: its rulebook role, title, and who holds it on the date asked. */
export interface PostOnDate {
  postId: string
  role: string
  title: string
  holders: { personId: string; name: string }[]
}

/** What routing needs to know about the organisation on a given civil date. */
export interface OrganisationRepository {
  /** The deputies' posts whose portfolio covers the department ("who oversees the finance bureau"). */
  overseersOf(departmentId: string, on: string): Promise<PostOnDate[]>
  /** Every post of the jurisdiction with its holders on the date, in title order. */
  postsOf(jurisdictionId: string, on: string): Promise<PostOnDate[]>
  /** The jurisdiction a person belongs to. */
  jurisdictionOf(personId: string): Promise<string | undefined>
  /** The post and its holders; no holders means the post is vacant that day. */
  post(postId: string, on: string): Promise<PostOnDate | undefined>
  /** The post acting for `postId` on the date, if an acting assignment covers it. */
  actingFor(postId: string, on: string): Promise<PostOnDate | undefined>
}

/** A post a person may act in today: one they hold, or one they act for (代理). */
export interface HeldPost {
  postId: string
  title: string
  role: string
  /** The unit the post belongs to (a department head's bureau), if any. */
  departmentId: string | null
  /** The rulebook's id for that unit when rules name it (governmentOffice…). */
  unitRulebookPost: string | null
  /** The post heads its unit (主要负责人), as the roster says. */
  headsUnit: boolean
  /**
   * The absent post's id and title when this entry is an acting assignment; with the rule it
   * follows, the note every act shows (代行区长职责 — 第六条) and the actor's own acting post.
   */
  actingFor: {
    postId: string
    title: string
    ruleId?: string | null
    note?: string | null
    byTitle?: string | null
  } | null
}

export interface JurisdictionSummary {
  id: string
  name: string
  level: 'county' | 'district' | 'city'
  rulebookVersion: string
}

/** The organisation of one jurisdiction on a civil date, as the organisation view shows it. */
export interface OrganisationChart {
  jurisdiction: JurisdictionSummary
  on: string
  departments: {
    id: string
    name: string
    kind: 'department' | 'township' | 'desk'
    overseers: { postId: string; title: string }[]
  }[]
  posts: {
    postId: string
    role: string
    title: string
    department: string | null
    holders: { personId: string; name: string; from: string; to: string | null }[]
    vacant: boolean
    portfolio: { departmentId: string; name: string }[]
    actedBy: {
      postId: string
      title: string
      from: string
      to: string
      ruleId: string | null
      /** roster: typed in; rule, designation, standIn: computed from an absence (issue 15). */
      source?: 'roster' | 'rule' | 'designation' | 'standIn'
      /** 代行区长职责 — 第六条 (computed rows). */
      note?: string | null
    } | null
  }[]
  actingAssignments: {
    id: string
    postId: string
    postTitle: string
    actingPostId: string
    actingPostTitle: string
    from: string
    to: string
    ruleId: string | null
    source?: 'roster' | 'rule' | 'designation' | 'standIn'
    note?: string | null
  }[]
}

export type DocumentIssuer = 'government' | 'office' | 'partyGroup' | 'officePartyGroup'

/** Read models of the organisation for people and screens (not for routing decisions). */
export interface OrganisationDirectory {
  /** Posts the person holds on the date, then posts those posts act for that day. */
  heldPosts(personId: string, on: string): Promise<HeldPost[]>
  /** All jurisdictions, or only those listed. */
  jurisdictions(ids?: readonly string[]): Promise<JurisdictionSummary[]>
  organisationChart(jurisdictionId: string, on: string): Promise<OrganisationChart | undefined>
  personName(personId: string): Promise<string | undefined>
  /** Every post of the jurisdiction with its unit, as tasks are addressed (holders aside). */
  unitPosts(jurisdictionId: string): Promise<HeldPost[]>
  /** Numbering prefixes the jurisdiction keeps as its own settings (not those of its rulebook). */
  documentPrefixes(
    jurisdictionId: string,
  ): Promise<{ prefix: string; issuer: DocumentIssuer; label: string }[]>
  /** The highest secrecy level the person may read. */
  clearanceOf(personId: string): Promise<SecrecyLevel | undefined>
}
