/**
 * Acting assignments typed into a demo roster by hand (source 'roster'), as an office may import
 * them before it files absences: 钟山区's executive deputy acts for the 区长 during the week the
 * demo is seeded (第六条), which the document and meeting walks sign under. Days count from the
 * seed day (0 = the day the demo is seeded), like the demo absences.
 */
export interface DemoRosterActing {
  /** Title of the post acted for, as in the roster. */
  post: string
  /** Title of the post acting for it. */
  actingPost: string
  from: number
  to: number
  ruleId: string
}

export const DEMO_ROSTER_ACTING: Record<string, readonly DemoRosterActing[]> = {
  zhongshan: [
    {
      post: '区长',
      actingPost: '常务副区长',
      from: 0,
      to: 6,
      ruleId: 'zhongshan.acting.principal',
    },
  ],
}
