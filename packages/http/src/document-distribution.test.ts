import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RosterFile } from '@zhengling/app'
import type { DemoJurisdiction } from '@zhengling/db'
import { strFromU8, unzipSync } from 'fflate'
import { DEMO_ROSTERS, importDemoRosters } from './test-support/demo-rosters.ts'
import { openTaskHolders } from './test-support/task-holders.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Electronic distribution (issue 12 part 4), for every demo jurisdiction: 主送/抄送 chosen from
// the organisation as groups, 印发 lands the document in every unit of each group (everyone
// holding a post of the unit sees the 签收 in 待办), a unit signs for it (time, person, post,
// audited), the issuing office sees who signed and 催收 reminds only the units that have not.

const MONDAY = new Date('2026-03-02T01:00:00Z')
const TUESDAY = new Date('2026-03-03T02:00:00Z')
const WEDNESDAY = new Date('2026-03-04T03:00:00Z')

/** The payload each step of an outgoing document is taken with. */
const ACTS: Record<string, { path: string; payload: object }> = {
  countersign: { path: 'countersign', payload: { agree: true, opinion: '无不同意见' } },
  review: { path: 'review', payload: { opinion: '同意' } },
  sign: { path: 'sign', payload: { opinion: '签发' } },
  number: { path: 'number', payload: {} },
  issue: { path: 'issue', payload: { disclosure: 'active' } },
}

/** The roster's people holding a post of the unit today (the demo holdings run open-ended). */
function peopleOf(roster: RosterFile, unit: string): string[] {
  return roster.posts
    .filter((post) => post.department === unit)
    .flatMap((post) => post.holders.filter((holder) => !holder.to).map((holder) => holder.person))
}

for (const roster of DEMO_ROSTERS) {
  const jurisdiction = roster.jurisdiction.id as DemoJurisdiction
  describe(`distribution in ${roster.jurisdiction.name}`, () => {
    const server = useDemoServer({ startsAt: MONDAY, jurisdiction })
    const as = (username: string) => signInAs(server.app, username)
    const [townships, departments] = roster.recipientGroups
    assert.ok(townships && departments, `${jurisdiction}: the roster names its recipient groups`)
    const unitsOf = (kinds: readonly string[]) =>
      roster.departments.filter((unit) => kinds.includes(unit.kind)).map((unit) => unit.name)
    // A department head drafts a 下行文 in the government's name.
    const drafter = roster.departments
      .filter((unit) => unit.kind === 'department' && !unit.rulebookPost)
      .map((unit) => roster.posts.find((post) => post.department === unit.name && post.headsUnit))
      .find((post) => post?.holders.length)?.holders[0]?.person as string
    // The drafter's own unit has the document: a group it is in sends it no copy to sign for.
    const drafterUnit = roster.posts.find(
      (post) => post.headsUnit && post.holders.some((holder) => holder.person === drafter),
    )?.department
    // The office's desk (the 秘书股/文书科/综合股/秘书科) numbers and issues.
    const office = roster.departments.find((unit) => unit.rulebookPost === 'governmentOffice')
    const desk = roster.posts.find(
      (post) => post.department === office?.name && post.role === 'secretariat',
    )?.holders[0]?.person as string
    let documentId = ''

    async function unitId(name: string): Promise<string> {
      const options = (await (await as(drafter)).get('/api/recipient-options')).json()
      return options.units.find((unit: { name: string }) => unit.name === name).id
    }

    it('offers every unit and the roster’s groups, each with every unit of its kinds', async () => {
      const response = await (await as(drafter)).get('/api/recipient-options')
      assert.equal(response.statusCode, 200, response.body)
      const options = response.json()
      const names = new Map<string, string>(
        options.units.map((unit: { id: string; name: string }) => [unit.id, unit.name]),
      )
      assert.deepEqual(
        [...names.values()].sort(),
        roster.departments.map((unit) => unit.name).sort(),
      )
      assert.deepEqual(
        options.groups.map((group: { label: string; unitIds: string[] }) => ({
          label: group.label,
          units: group.unitIds.map((id) => names.get(id)).sort(),
        })),
        roster.recipientGroups.map((group) => ({
          label: group.label,
          units: unitsOf(group.kinds).sort(),
        })),
      )
    })

    it('drafts with groups and an outside recipient, issues, and lands in every unit of each group', async () => {
      server.clock = MONDAY
      const author = await as(drafter)
      const prefixes = (await author.get('/api/documents/prefixes')).json()
      const prefix = prefixes.find((p: { issuer: string }) => p.issuer === 'government').prefix
      const outside = '市人民政府办公室'
      const drafted = await author.post('/api/documents/outgoing', {
        prefix,
        kind: '通知',
        title: '关于做好2026年春季森林防火工作的通知',
        body: '现就做好春季森林防火工作通知如下。',
        direction: 'downward',
        mainRecipients: [{ group: townships.label }],
        copyRecipients: [{ group: departments.label }, { outside }],
        secrecy: '公开',
      })
      assert.equal(drafted.statusCode, 201, drafted.body)
      const document = drafted.json().document
      documentId = document.id
      // The lines as written: the groups' labels, not lists of units.
      assert.deepEqual(document.mainRecipients, [townships.label])
      assert.deepEqual(document.copyRecipients, [departments.label, outside])

      // Each step by whoever holds it, to 印发.
      for (let step = 0; step < 12; step++) {
        const state = (await author.get(`/api/documents/${documentId}`)).json().document.state
        if (state === 'issued') break
        const holders = await openTaskHolders(server.handle.db, documentId)
        const next = holders.find((task) => ACTS[task.kind] && task.usernames.length > 0)
        assert.ok(next, `${jurisdiction}: no step to take in ${state}: ${JSON.stringify(holders)}`)
        const act = ACTS[next.kind] as { path: string; payload: object }
        const done = await (
          await as(next.usernames[0] as string)
        ).post(`/api/documents/${documentId}/${act.path}`, act.payload)
        assert.equal(done.statusCode, 200, `${next.kind}: ${done.body}`)
      }

      const distribution = (
        await (await as(desk)).get(`/api/documents/${documentId}/distribution`)
      ).json()
      assert.equal(distribution.issued, true)
      assert.deepEqual(distribution.paper, [{ role: 'copy', name: outside }])
      const delivered = new Map<string, { role: string; staffed: boolean; signedAt: unknown }>(
        distribution.receipts.map(
          (receipt: { unitName: string; role: string; staffed: boolean; signedAt: unknown }) => [
            receipt.unitName,
            receipt,
          ],
        ),
      )
      const expected = [
        ...unitsOf(townships.kinds).map((name) => [name, 'main'] as const),
        ...unitsOf(departments.kinds).map((name) => [name, 'copy'] as const),
      ].filter(([name]) => name !== drafterUnit)
      assert.ok(drafterUnit && unitsOf(departments.kinds).includes(drafterUnit))
      assert.ok(!delivered.has(drafterUnit), `${drafterUnit} drafted it: no copy to sign for`)
      assert.deepEqual([...delivered.keys()].sort(), expected.map(([name]) => name).sort())
      assert.equal(distribution.unsigned, expected.length)

      // Every unit of both groups: everyone holding a post of it sees the 签收 in 待办. Every
      // township of every roster is staffed; a unit nobody holds a post in is said to be so.
      for (const [name, role] of expected) {
        const receipt = delivered.get(name)
        assert.equal(receipt?.role, role, name)
        assert.equal(receipt?.signedAt, null, name)
        const people = peopleOf(roster, name)
        assert.equal(receipt?.staffed, people.length > 0, name)
        if (role === 'main') assert.ok(people.length > 0, `${jurisdiction}: ${name} is unstaffed`)
        for (const person of people) {
          const inbox = (await (await as(person)).get('/api/inbox')).json()
          assert.ok(
            inbox.some(
              (entry: { task: { kind: string }; document: { id: string } }) =>
                entry.task.kind === 'receipt' && entry.document.id === documentId,
            ),
            `${name}: ${person} should see the 签收 in 待办`,
          )
        }
      }
      // The 签收 tasks are the units', not who holds the document now.
      const page = (await (await as(desk)).get(`/api/documents/${documentId}`)).json()
      assert.ok(page.holders.every((holding: { kind: string }) => holding.kind !== 'receipt'))
    })

    it('a unit signs for it: time, person and post recorded and audited, once', async () => {
      server.clock = TUESDAY
      const township = unitsOf(townships.kinds)[0] as string
      const [person] = peopleOf(roster, township)
      const signer = await as(person as string)
      const signed = await signer.post(`/api/documents/${documentId}/sign-for`)
      assert.equal(signed.statusCode, 200, signed.body)
      const receipt = signed
        .json()
        .receipts.find((candidate: { unitName: string }) => candidate.unitName === township)
      assert.equal(receipt.signedAt, TUESDAY.toISOString())
      assert.equal(receipt.signedBy.personId, signer.me.person.id)
      assert.equal(
        receipt.signedBy.title,
        roster.posts.find((post) => post.department === township && post.holders.length)?.title,
      )
      assert.equal(signed.json().may.signFor, false)
      const inbox = (await signer.get('/api/inbox')).json()
      assert.ok(
        !inbox.some(
          (entry: { task: { kind: string }; document: { id: string } }) =>
            entry.task.kind === 'receipt' && entry.document.id === documentId,
        ),
      )
      const again = await signer.post(`/api/documents/${documentId}/sign-for`)
      assert.equal(again.json().error.code, 'ALREADY_SIGNED_FOR', again.body)
      // The desk's unit is no recipient: nothing to sign for.
      const notRecipient = await (await as(desk)).post(`/api/documents/${documentId}/sign-for`)
      assert.equal(notRecipient.json().error.code, 'NOT_A_RECIPIENT', notRecipient.body)

      const audited = await server.handle.db
        .selectFrom('audit_records')
        .select(['action', 'actor_person_id', 'occurred_at'])
        .where('subject', '=', documentId)
        .where('action', '=', 'document.receive')
        .execute()
      assert.equal(audited.length, 1)
      assert.equal(audited[0]?.actor_person_id, signer.me.person.id)
      assert.equal(new Date(audited[0]?.occurred_at as Date).toISOString(), TUESDAY.toISOString())
    })

    it('the issuing office sees signed and unsigned units, and 催收 reminds only the unsigned', async () => {
      server.clock = WEDNESDAY
      const township = unitsOf(townships.kinds)[0] as string
      const office = await as(desk)
      const before = (await office.get(`/api/documents/${documentId}/distribution`)).json()
      assert.equal(before.signed, 1)
      assert.equal(before.unsigned, before.receipts.length - 1)
      assert.equal(before.may.remind, true)
      // A township head may not 催收.
      const [person] = peopleOf(roster, township)
      const refused = await (
        await as(person as string)
      ).post(`/api/documents/${documentId}/remind-recipients`)
      assert.equal(refused.json().error.code, 'NOT_RESPONSIBLE', refused.body)

      const reminded = await office.post(`/api/documents/${documentId}/remind-recipients`)
      assert.equal(reminded.statusCode, 200, reminded.body)
      for (const receipt of reminded.json().receipts as {
        unitName: string
        signedAt: string | null
        reminders: number
        remindedAt: string | null
      }[]) {
        const signed = receipt.unitName === township
        assert.equal(receipt.signedAt !== null, signed, receipt.unitName)
        assert.equal(receipt.reminders, signed ? 0 : 1, receipt.unitName)
        assert.equal(receipt.remindedAt, signed ? null : WEDNESDAY.toISOString())
      }
      // The reminder is a message to each unsigned unit, none to the unit that signed.
      const messages = await server.handle.db
        .selectFrom('notifications')
        .innerJoin('departments', 'departments.id', 'notifications.recipient_department_id')
        .select('departments.name')
        .where('notifications.kind', '=', 'remind')
        .where('notifications.link', '=', `/documents/${documentId}`)
        .execute()
      assert.deepEqual(
        messages.map((message) => message.name).sort(),
        before.receipts
          .filter((receipt: { signedAt: string | null }) => receipt.signedAt === null)
          .map((receipt: { unitName: string }) => receipt.unitName)
          .sort(),
      )
      const events = (await office.get(`/api/documents/${documentId}`)).json().events
      const remind = events.find((event: { action: string }) => event.action === 'remindReceipt')
      assert.deepEqual(
        remind.details.units.map((unit: { name: string }) => unit.name).sort(),
        before.receipts
          .filter((receipt: { signedAt: string | null }) => receipt.signedAt === null)
          .map((receipt: { unitName: string }) => receipt.unitName)
          .sort(),
      )
    })

    it('the DOCX’s 主送 and 抄送 are the lines as written', async () => {
      const docx = await (await as(desk)).get(`/api/documents/${documentId}/docx`)
      assert.equal(docx.statusCode, 200)
      const xml = strFromU8(
        unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array,
      )
      assert.ok(xml.includes(`${townships.label}：`), 'the 主送 line under the title')
      assert.ok(
        xml.includes(`抄送：${departments.label}，市人民政府办公室。`),
        'the 抄送 in the 版记',
      )
      for (const unit of unitsOf(townships.kinds)) assert.ok(!xml.includes(unit), unit)
    })

    it('refuses another jurisdiction’s unit, an unknown group, and an internal name typed as text', async () => {
      server.clock = MONDAY
      await importDemoRosters(server.handle.db, '2026-03-02')
      const foreign = DEMO_ROSTERS.find((other) => other.jurisdiction.id !== jurisdiction)
      const author = await as(drafter)
      const prefixes = (await author.get('/api/documents/prefixes')).json()
      const draft = (mainRecipients: unknown[], copyRecipients: unknown[] = []) =>
        author.post('/api/documents/outgoing', {
          prefix: prefixes.find((p: { issuer: string }) => p.issuer === 'government').prefix,
          kind: '通知',
          title: '关于开展安全生产检查的通知',
          body: '请各单位认真开展检查。',
          direction: 'downward',
          mainRecipients,
          copyRecipients,
          secrecy: '公开',
        })
      const foreignUnit = (
        await server.handle.db
          .selectFrom('departments')
          .select('id')
          .where('jurisdiction_id', '=', foreign?.jurisdiction.id as string)
          .executeTakeFirstOrThrow()
      ).id
      const cases: [unknown[], unknown[], string][] = [
        [[{ unitId: foreignUnit }], [], 'RECIPIENT_NOT_IN_JURISDICTION'],
        [[{ group: '全国各省' }], [], 'UNKNOWN_RECIPIENT_GROUP'],
        [[unitsOf(townships.kinds)[0]], [], 'RECIPIENT_IS_INTERNAL'],
        [[{ group: townships.label }], [{ outside: departments.label }], 'RECIPIENT_IS_INTERNAL'],
      ]
      for (const [main, copy, code] of cases) {
        const refused = await draft(main, copy)
        assert.equal(refused.statusCode, 422, refused.body)
        assert.equal(refused.json().error.code, code, refused.body)
        assert.match(refused.json().error.message, /\p{Script=Han}/u)
      }
      // Free text is an outside recipient: allowed, listed for paper, delivered to no unit.
      const unit = unitsOf(townships.kinds)[0] as string
      const mixed = await draft(['上级人民政府', { unitId: await unitId(unit) }])
      assert.equal(mixed.statusCode, 201, mixed.body)
      assert.deepEqual(mixed.json().document.mainRecipients, ['上级人民政府', unit])
    })
  })
}
