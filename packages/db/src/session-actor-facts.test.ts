import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  authenticateSession,
  createScryptHasher,
  describeSession,
  readableJurisdictions,
  type SessionRecord,
  sha256,
  viewerOfSession,
} from '@zhengling/app'
import { createIdentityRepository } from './identity-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createOrganisationDirectory } from './organisation-directory.ts'
import { createOrganisationRepository } from './organisation-repository.ts'
import { seedDemoJurisdiction } from './seed-demo.ts'
import { countStatements } from './statement-counter.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

// Issue 14: the request's actor (session, posts held or acted for today, units, clearance) is
// read once, in the session's own statement, and every use case answers from it.

let handle: DatabaseHandle
const NOW = new Date('2026-03-02T01:00:00Z')
const TODAY = '2026-03-02'
before(async () => {
  handle = await openTestDatabase()
  await seedDemoJurisdiction(handle.db, { now: () => NOW, passwords: createScryptHasher(2 ** 12) })
})
after(() => handle.close())

const organisation = () => ({
  ...createOrganisationRepository(handle.db),
  ...createOrganisationDirectory(handle.db),
})

/** A session opened now for the account, its token and its stored id. */
async function openSession(accountId: string, currentPostId: string | null = null) {
  const token = randomUUID()
  await createIdentityRepository(handle.db).createSession({
    id: sha256(token),
    accountId,
    csrfHash: sha256('csrf'),
    currentPostId,
    now: NOW.toISOString(),
    expiresAt: new Date(NOW.getTime() + 8 * 3600_000).toISOString(),
  })
  return { token, id: sha256(token) }
}

/** An organisation that fails the test when asked: the facts must come with the session. */
const notAsked = new Proxy(
  {},
  {
    get: (_target, name) => () => {
      throw new Error(`organisation.${String(name)} asked again`)
    },
  },
) as ReturnType<typeof organisation>

async function accounts() {
  return handle.db
    .selectFrom('accounts')
    .select(['id', 'username', 'person_id'])
    .orderBy('username')
    .execute()
}

describe('the actor read with the session', () => {
  it('carries, for every account, the facts the organisation answers one by one', async () => {
    const all = await accounts()
    assert.ok(all.length >= 10)
    // One person acts for another post (代理) today and tomorrow, and holds it too tomorrow:
    // acting for a post one holds adds nothing, so the acting entry shows today only.
    const [holder, other] = await handle.db
      .selectFrom('post_holdings')
      .select(['person_id', 'post_id'])
      .orderBy('post_id')
      .limit(2)
      .execute()
    assert.ok(holder && other)
    await handle.db
      .insertInto('acting_assignments')
      .values({
        id: randomUUID(),
        post_id: other.post_id,
        acting_post_id: holder.post_id,
        from_date: TODAY,
        to_date: '2026-03-03',
        rule_id: null,
      })
      .execute()
    await handle.db
      .insertInto('post_holdings')
      .values({
        id: randomUUID(),
        post_id: other.post_id,
        person_id: holder.person_id,
        from_date: '2026-03-03',
        to_date: '2026-03-03',
      })
      .execute()
    const org = organisation()
    const actingForOther: Record<string, boolean> = {}
    for (const on of [TODAY, '2026-03-03', '2000-01-01']) {
      for (const account of all) {
        const { id } = await openSession(account.id)
        const session = await createIdentityRepository(handle.db).sessionById(id, on)
        const facts = session?.actorFacts
        assert.ok(facts, account.username)
        if (!account.person_id) {
          assert.deepEqual(facts, {
            on,
            jurisdictionId: null,
            jurisdictionName: null,
            personName: null,
            clearance: null,
            posts: [],
          })
          continue
        }
        const jurisdictionId = (await org.jurisdictionOf(account.person_id)) ?? null
        const [jurisdiction] = await org.jurisdictions(jurisdictionId ? [jurisdictionId] : [])
        const posts = await org.heldPosts(account.person_id, on)
        if (account.person_id === holder.person_id)
          actingForOther[on] = facts.posts.some((post) => post.actingFor?.postId === other.post_id)
        assert.deepEqual(
          facts,
          {
            on,
            jurisdictionId,
            jurisdictionName: jurisdiction?.name ?? null,
            personName: (await org.personName(account.person_id)) ?? null,
            clearance: (await org.clearanceOf(account.person_id)) ?? null,
            posts,
          },
          `${account.username} on ${on}`,
        )
      }
    }
    assert.deepEqual(
      actingForOther,
      { [TODAY]: true, '2026-03-03': false, '2000-01-01': false },
      'the acting post is among the facts on its days, unless held',
    )
    // Without a date the session is read alone, as before.
    const { id } = await openSession(all[0]!.id)
    assert.equal((await createIdentityRepository(handle.db).sessionById(id))?.actorFacts, undefined)
  })

  it('answers the viewer, the session and the readable jurisdictions in one statement', async () => {
    const all = (await accounts()).filter((account) => account.person_id)
    for (const account of all) {
      const held = await organisation().heldPosts(account.person_id as string, TODAY)
      const { token } = await openSession(account.id, held[0]?.postId ?? null)
      const counter = countStatements(handle.db, { keepSql: true })
      const session = await authenticateSession(
        { identity: createIdentityRepository(handle.db), now: () => NOW },
        token,
      )
      const deps = { organisation: notAsked, now: () => NOW }
      const viewer = await viewerOfSession(notAsked, session, NOW).catch((error: Error) => error)
      const described = await describeSession(deps, session)
      const readable = await readableJurisdictions(notAsked, session)
      counter.stop()
      assert.equal(counter.count, 1, `${account.username}: ${counter.statements.join('\n')}`)
      // The same answers as a session that carries no facts and asks the organisation.
      const bare: SessionRecord = { ...session, actorFacts: undefined }
      const deps2 = { organisation: organisation(), now: () => NOW }
      assert.deepEqual(
        viewer,
        await viewerOfSession(organisation(), bare, NOW).catch((error: Error) => error),
      )
      assert.deepEqual(described, await describeSession(deps2, bare))
      assert.deepEqual(readable, await readableJurisdictions(organisation(), bare))
    }
  })

  it('reads the organisation again when the facts are of another day', async () => {
    const [account] = (await accounts()).filter((candidate) => candidate.person_id)
    const { id } = await openSession(account!.id)
    const yesterday = await createIdentityRepository(handle.db).sessionById(id, '2026-03-01')
    assert.ok(yesterday)
    const counter = countStatements(handle.db)
    const viewer = await viewerOfSession(organisation(), yesterday, NOW)
    counter.stop()
    assert.ok(counter.count >= 3)
    assert.deepEqual(
      viewer.posts,
      await organisation().heldPosts(account!.person_id as string, TODAY),
    )
  })
})
