/**
 * What the server accepts, stated in the forms before submission (counters): the same figures as
 * LIMITS in packages/http/src/routes/contract-fields.ts — limits.test.ts keeps them equal.
 */
export const LIMITS = {
  /** 标题、会议名称、议题名称、督办事项: characters. */
  title: 100,
  /** 正文: characters. */
  body: 200_000,
} as const
