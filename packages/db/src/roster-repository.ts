import type { RosterRepository } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

/** Roster upserts by natural key: names within a jurisdiction, person keys, start dates. */
export function createRosterRepository(db: Kysely<Database>): RosterRepository {
  return {
    async upsertJurisdiction(jurisdiction) {
      const existing = await db
        .selectFrom('jurisdictions')
        .select('id')
        .where('id', '=', jurisdiction.id)
        .executeTakeFirst()
      const values = {
        name: jurisdiction.name,
        level: jurisdiction.level,
        rulebook_version: jurisdiction.rulebookVersion,
      }
      if (existing) {
        await db
          .updateTable('jurisdictions')
          .set(values)
          .where('id', '=', jurisdiction.id)
          .execute()
        return { created: false }
      }
      await db
        .insertInto('jurisdictions')
        .values({ id: jurisdiction.id, ...values })
        .execute()
      return { created: true }
    },

    async upsertDocumentPrefix(jurisdictionId, prefix) {
      const existing = await db
        .selectFrom('document_prefixes')
        .select('prefix')
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('prefix', '=', prefix.prefix)
        .executeTakeFirst()
      if (existing) {
        await db
          .updateTable('document_prefixes')
          .set({ issuer: prefix.issuer, label: prefix.label })
          .where('jurisdiction_id', '=', jurisdictionId)
          .where('prefix', '=', prefix.prefix)
          .execute()
        return { created: false }
      }
      await db
        .insertInto('document_prefixes')
        .values({ jurisdiction_id: jurisdictionId, ...prefix })
        .execute()
      return { created: true }
    },

    async setReceiptNumberFormat(jurisdictionId, template) {
      const existing = await db
        .selectFrom('receipt_number_formats')
        .select('template')
        .where('jurisdiction_id', '=', jurisdictionId)
        .executeTakeFirst()
      await db
        .insertInto('receipt_number_formats')
        .values({ jurisdiction_id: jurisdictionId, template })
        .onConflict((conflict) => conflict.column('jurisdiction_id').doUpdateSet({ template }))
        .execute()
      return { created: !existing }
    },

    async upsertRecipientGroup(jurisdictionId, group) {
      const result = await db
        .insertInto('recipient_groups')
        .values({
          jurisdiction_id: jurisdictionId,
          label: group.label,
          unit_kinds: group.kinds,
          position: group.position,
        })
        .onConflict((oc) =>
          oc
            .columns(['jurisdiction_id', 'label'])
            .doUpdateSet({ unit_kinds: group.kinds, position: group.position }),
        )
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .executeTakeFirstOrThrow()
      return { created: result.inserted }
    },

    async upsertDepartment(jurisdictionId, department) {
      const existing = await db
        .selectFrom('departments')
        .select('id')
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('name', '=', department.name)
        .executeTakeFirst()
      if (existing) {
        await db
          .updateTable('departments')
          .set({ kind: department.kind, rulebook_post: department.rulebookPost ?? null })
          .where('id', '=', existing.id)
          .execute()
        return { id: existing.id, created: false }
      }
      await db
        .insertInto('departments')
        .values({
          id: department.newId,
          jurisdiction_id: jurisdictionId,
          name: department.name,
          kind: department.kind,
          rulebook_post: department.rulebookPost ?? null,
        })
        .execute()
      return { id: department.newId, created: true }
    },

    async upsertPerson(jurisdictionId, person) {
      const existing = await db
        .selectFrom('people')
        .select('id')
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('roster_key', '=', person.key)
        .executeTakeFirst()
      if (existing) {
        await db
          .updateTable('people')
          .set({ name: person.name })
          .where('id', '=', existing.id)
          .execute()
        return { id: existing.id, created: false }
      }
      await db
        .insertInto('people')
        .values({
          id: person.newId,
          jurisdiction_id: jurisdictionId,
          name: person.name,
          roster_key: person.key,
        })
        .execute()
      return { id: person.newId, created: true }
    },

    async upsertPost(jurisdictionId, post) {
      const existing = await db
        .selectFrom('posts')
        .select('id')
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('title', '=', post.title)
        .executeTakeFirst()
      const values = {
        role: post.role,
        department_id: post.departmentId,
        heads_unit: post.headsUnit,
      }
      if (existing) {
        await db.updateTable('posts').set(values).where('id', '=', existing.id).execute()
        return { id: existing.id, created: false }
      }
      await db
        .insertInto('posts')
        .values({ id: post.newId, jurisdiction_id: jurisdictionId, title: post.title, ...values })
        .execute()
      return { id: post.newId, created: true }
    },

    async upsertHolding(holding) {
      const existing = await db
        .selectFrom('post_holdings')
        .select('id')
        .where('post_id', '=', holding.postId)
        .where('person_id', '=', holding.personId)
        .where('from_date', '=', holding.from)
        .executeTakeFirst()
      if (existing) {
        await db
          .updateTable('post_holdings')
          .set({ to_date: holding.to })
          .where('id', '=', existing.id)
          .execute()
        return { created: false }
      }
      await db
        .insertInto('post_holdings')
        .values({
          id: holding.newId,
          post_id: holding.postId,
          person_id: holding.personId,
          from_date: holding.from,
          to_date: holding.to,
        })
        .execute()
      return { created: true }
    },

    async upsertPortfolio(portfolio) {
      const inserted = await db
        .insertInto('portfolios')
        .values({
          post_id: portfolio.postId,
          department_id: portfolio.departmentId,
          from_date: portfolio.from,
          to_date: portfolio.to,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['post_id', 'department_id', 'from_date'])
            .doUpdateSet({ to_date: portfolio.to }),
        )
        // xmax = 0 only on a row this statement inserted (PostgreSQL's upsert idiom).
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow()
      return { created: inserted.inserted }
    },

    async rankPosts(postIdsInOrder) {
      if (postIdsInOrder.length === 0) return
      await sql`
        insert into post_ranks (post_id, rank)
        select id, rank from unnest(${sql.val(postIdsInOrder)}::uuid[]) with ordinality as r(id, rank)
        on conflict (post_id) do update set rank = excluded.rank`.execute(db)
    },

    async upsertActing(acting) {
      const existing = await db
        .selectFrom('acting_assignments')
        .select('id')
        .where('post_id', '=', acting.postId)
        .where('acting_post_id', '=', acting.actingPostId)
        .where('from_date', '=', acting.from)
        .executeTakeFirst()
      if (existing) {
        await db
          .updateTable('acting_assignments')
          .set({ to_date: acting.to, rule_id: acting.ruleId })
          .where('id', '=', existing.id)
          .execute()
        return { created: false }
      }
      await db
        .insertInto('acting_assignments')
        .values({
          id: acting.newId,
          post_id: acting.postId,
          acting_post_id: acting.actingPostId,
          from_date: acting.from,
          to_date: acting.to,
          rule_id: acting.ruleId,
        })
        .execute()
      return { created: true }
    },
  }
}
