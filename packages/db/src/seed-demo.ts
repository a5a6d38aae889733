import { randomUUID } from 'node:crypto'
import { createScryptHasher, type PasswordHasher, sm3Hasher } from '@zhengling/app'
import { addDays, type LocalDate, shanghaiDateOf } from '@zhengling/rules'
import type { Kysely } from 'kysely'
import { createAuditRepository } from './audit-repository.ts'
import type { Database } from './schema.ts'

/** Demo accounts and their password, printed when the demo starts. Never used outside the demo. */
export const DEMO_PASSWORD = 'Zhongshan-Demo-2026'

const DEPARTMENTS: [string, 'department' | 'township' | 'desk'][] = [
  ['区人民政府办公室', 'desk'],
  ['区发展和改革局', 'department'],
  ['区财政局', 'department'],
  ['区教育局', 'department'],
  ['区司法局', 'department'],
  ['区住房和城乡建设局', 'department'],
  ['荷城街道', 'township'],
  ['大河镇', 'township'],
]

// Posts of 钟山区 as its rulebook names them; fictional holders. [role, title, department, portfolio]
const POSTS: [string, string, string | null, string[]][] = [
  ['principal', '区长', null, []],
  ['executiveDeputy', '常务副区长', null, ['区财政局', '区发展和改革局']],
  ['deputy', '副区长（教育）', null, ['区教育局']],
  ['deputy', '副区长（城建）', null, ['区住房和城乡建设局', '荷城街道', '大河镇']],
  ['deputy', '副区长（法治）', null, ['区司法局']],
  ['officeDirector', '区人民政府办公室主任', '区人民政府办公室', []],
  ['deputyOfficeDirector', '区人民政府办公室副主任', '区人民政府办公室', []],
  ['secretariat', '区人民政府办公室秘书股股长', '区人民政府办公室', []],
  ['supervisionOffice', '区人民政府督查室主任', '区人民政府办公室', []],
  ['departmentHead', '区财政局局长', '区财政局', []],
  ['departmentHead', '区教育局局长', '区教育局', []],
  ['townshipHead', '荷城街道办事处主任', '荷城街道', []],
]

const PEOPLE = [
  '王建国',
  '李红梅',
  '张志强',
  '刘晓燕',
  '陈立新',
  '杨帆',
  '赵敏',
  '周海',
  '赵敏', // 办公室副主任兼督查室主任: one person, two posts
  '吴静',
  '郑涛',
  '孙丽',
]

function demoUsername(role: string, index: number): string {
  return `zs-${role}${role === 'deputy' || role === 'departmentHead' ? `-${index}` : ''}`
}

const ADMIN_TITLES = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全保密管理员',
  auditAdmin: '安全审计员',
} as const

/** The demo's sign-in names with what each is, as printed when the demo server starts. */
export function demoAccounts(): string[] {
  const seen = new Set<string>()
  const holders = POSTS.flatMap(([role, title], index) => {
    const name = PEOPLE[index] ?? `职员${index}`
    if (seen.has(name)) return []
    seen.add(name)
    const second = POSTS.filter((_, other) => other !== index && PEOPLE[other] === name)
    const titles = [title, ...second.map(([, otherTitle]) => otherTitle)].join('、')
    return [`${demoUsername(role, index)}（${name}，${titles}）`]
  })
  return [...holders, ...Object.entries(ADMIN_TITLES).map(([role, title]) => `${role}（${title}）`)]
}

/**
 * Seeds the demo jurisdiction 钟山区 (rulebook zhongshan 2022): departments and townships, posts
 * with fictional holders, portfolios, one account per post-holder role plus the three
 * administrators. Idempotent: does nothing when the jurisdiction exists. One transaction, audited.
 */
export async function seedDemoJurisdiction(
  db: Kysely<Database>,
  options: { now: () => Date; passwords?: PasswordHasher } = { now: () => new Date() },
): Promise<{ created: boolean; accounts: string[] }> {
  const passwords = options.passwords ?? createScryptHasher()
  const existing = await db
    .selectFrom('jurisdictions')
    .select('id')
    .where('id', '=', 'zhongshan')
    .executeTakeFirst()
  if (existing) return { created: false, accounts: [] }
  const passwordHash = await passwords.hash(DEMO_PASSWORD)
  const today = shanghaiDateOf(options.now().getTime())
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('jurisdictions')
      .values({
        id: 'zhongshan',
        name: '六盘水市钟山区人民政府',
        level: 'district',
        rulebook_version: '2022',
      })
      .execute()
    const departmentIds = new Map<string, string>()
    for (const [name, kind] of DEPARTMENTS) {
      const id = randomUUID()
      departmentIds.set(name, id)
      await trx
        .insertInto('departments')
        .values({ id, jurisdiction_id: 'zhongshan', name, kind })
        .execute()
    }
    const personIds = new Map<string, string>()
    const postIds = new Map<string, string>()
    for (const [index, [role, title, department, portfolio]] of POSTS.entries()) {
      const postId = randomUUID()
      const name = PEOPLE[index] ?? `职员${index}`
      const concurrent = personIds.get(name)
      const personId = concurrent ?? randomUUID()
      personIds.set(name, personId)
      postIds.set(role, postIds.get(role) ?? postId)
      await trx
        .insertInto('posts')
        .values({
          id: postId,
          jurisdiction_id: 'zhongshan',
          role,
          title,
          department_id: department ? (departmentIds.get(department) ?? null) : null,
        })
        .execute()
      if (!concurrent)
        await trx
          .insertInto('people')
          .values({ id: personId, jurisdiction_id: 'zhongshan', name })
          .execute()
      await trx
        .insertInto('post_holdings')
        .values({
          id: randomUUID(),
          post_id: postId,
          person_id: personId,
          from_date: '2022-03-11',
          to_date: null,
        })
        .execute()
      for (const name of portfolio) {
        const departmentId = departmentIds.get(name)
        if (departmentId)
          await trx
            .insertInto('portfolios')
            .values({
              post_id: postId,
              department_id: departmentId,
              from_date: '2022-03-11',
              to_date: null,
            })
            .execute()
      }
      // A person holding a second post signs in once and switches post.
      if (concurrent) continue
      const username = demoUsername(role, index)
      await trx
        .insertInto('accounts')
        .values({
          id: randomUUID(),
          username,
          password_hash: passwordHash,
          person_id: personId,
          admin_role: null,
        })
        .execute()
    }
    // The head is away this week: the executive deputy presides (第六条), so 代理 shows in the demo.
    await trx
      .insertInto('acting_assignments')
      .values({
        id: randomUUID(),
        post_id: postIds.get('principal') as string,
        acting_post_id: postIds.get('executiveDeputy') as string,
        from_date: today,
        to_date: addDays(today as LocalDate, 6),
        rule_id: 'zhongshan.acting.principal',
      })
      .execute()
    for (const role of ['systemAdmin', 'securityAdmin', 'auditAdmin'] as const) {
      await trx
        .insertInto('accounts')
        .values({
          id: randomUUID(),
          username: role,
          password_hash: passwordHash,
          person_id: null,
          admin_role: role,
        })
        .execute()
    }
    await createAuditRepository(trx).append(
      {
        jurisdictionId: 'zhongshan',
        occurredAt: options.now().toISOString(),
        actorPersonId: null,
        actorPostId: null,
        action: 'demo.seed',
        subject: 'zhongshan',
        beforeDigest: null,
        afterDigest: null,
        ruleIds: [],
        details: { departments: DEPARTMENTS.length, posts: POSTS.length, seededOn: today },
      },
      sm3Hasher,
    )
    return { created: true, accounts: demoAccounts() }
  })
}
