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
