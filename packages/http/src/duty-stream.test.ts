import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { get, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { type NewDutyEvent, recordDutyEvent, sm3Hasher } from '@zhengling/app'
import { createInTransaction, type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'
import { TEST_PASSWORDS, testLibrary } from './test-support/build-test-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { TEST_SECOND_FACTOR } from './test-support/test-authenticator.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 值班台的实时推送 (issue 16, contract C5) on 木里县's demo roster: what an act records on the
// duty feed reaches the open pages of those who may see it — the duty office, the leaders, the
// government office all of it; a township only its own — without reload, and a page that
// reconnects gets what it missed.
const SEEDED = new Date('2026-10-01T02:00:00Z')
let clock = SEEDED
let handle: DatabaseHandle
let app: FastifyInstance
let port = 0

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(SEEDED, 'muli') })
  app = await buildServer({
    library: testLibrary(),
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now: () => clock,
      secureCookies: false,
      secondFactor: TEST_SECOND_FACTOR,
    },
    notifications: { availableChannels: [], streamPollMs: 50 },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port
})
after(async () => {
  await app?.close()
  await handle?.close()
})

type Pushed = { event: string; id?: string; data: Record<string, string> }

/** Opens the stream as `username` and collects its events. */
async function open(username: string, lastEventId?: number) {
  const { headers } = await signInAs(app, username)
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(
      {
        host: '127.0.0.1',
        port,
        path: '/api/duty/stream',
        headers: {
          cookie: headers.cookie,
          ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}),
        },
      },
      resolve,
    ).on('error', reject),
  )
  assert.equal(response.statusCode, 200)
  assert.match(String(response.headers['content-type']), /text\/event-stream/)
  const events: Pushed[] = []
  let buffer = ''
  response.setEncoding('utf8')
  response.on('data', (chunk: string) => {
    buffer += chunk
    let end = buffer.indexOf('\n\n')
    while (end >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      const id = /^id: (.*)$/m.exec(block)?.[1]
      if (event && data) events.push({ event, id, data: JSON.parse(data) })
      end = buffer.indexOf('\n\n')
    }
  })
  const until = async (test: () => boolean) => {
    const deadline = Date.now() + 15_000
    while (!test()) {
      assert.ok(Date.now() < deadline, `${username} timed out; events: ${JSON.stringify(events)}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  await until(() => events.some((e) => e.event === 'ready'))
  const duty = () => events.filter((e) => e.event === 'duty').map((e) => e.data)
  return { events, duty, until, close: () => response.destroy() }
}

async function record(events: Omit<NewDutyEvent, 'jurisdictionId' | 'at'>[]) {
  const jurisdictionId = (
    await handle.db
      .selectFrom('jurisdictions')
      .select('id')
      .where('name', 'like', '木里%')
      .executeTakeFirstOrThrow()
  ).id
  await createInTransaction(handle.db)((r) =>
    recordDutyEvent(
      r,
      events.map((event) => ({ ...event, jurisdictionId, at: clock.toISOString() })),
    ),
  )
}

describe('/api/duty/stream', () => {
  it('pushes the duty feed to those who may see it, and resumes after Last-Event-ID', async () => {
    const qiaowa = await departmentIdOf(handle.db, '乔瓦镇')
    const finance = await departmentIdOf(handle.db, '县财政局')
    const office = await open('ml-dutyOfficer-1')
    const leader = await open('ml-executiveDeputy')
    const township = await open('ml-townshipHead-qiaowa')
    const otherTownship = await open('ml-townshipHead-wachang')
    assert.equal(office.events[0]?.data.serverNow, SEEDED.toISOString())

    clock = new Date('2026-10-01T15:10:00Z')
    const incident = randomUUID()
    const opinion = randomUUID()
    await record([
      { type: 'incident', subject: 'incident', subjectId: incident, departmentIds: [qiaowa] },
      { type: 'opinion', subject: 'opinion', subjectId: opinion, departmentIds: [finance] },
    ])
    const both = [
      {
        type: 'incident',
        subject: 'incident',
        id: incident,
        at: clock.toISOString(),
        serverNow: clock.toISOString(),
      },
      {
        type: 'opinion',
        subject: 'opinion',
        id: opinion,
        at: clock.toISOString(),
        serverNow: clock.toISOString(),
      },
    ]
    await office.until(() => office.duty().length >= 2)
    await leader.until(() => leader.duty().length >= 2)
    await township.until(() => township.duty().length >= 1)
    assert.deepEqual(office.duty(), both)
    assert.deepEqual(leader.duty(), both)

    // The other township is told nothing of 乔瓦镇's incident: its first event is its own.
    const wachang = await departmentIdOf(handle.db, '瓦厂镇')
    const theirs = randomUUID()
    await record([
      { type: 'overdue', subject: 'incident', subjectId: theirs, departmentIds: [wachang] },
    ])
    await otherTownship.until(() => otherTownship.duty().length >= 1)
    await office.until(() => office.duty().length >= 3)
    assert.deepEqual(
      otherTownship.duty().map((e) => e.id),
      [theirs],
    )
    assert.deepEqual(
      township.duty().map((e) => e.id),
      [incident],
    )

    // A page that reconnects after the first event gets the two after it at once.
    const firstId = Number(office.events.find((e) => e.event === 'duty')?.id)
    for (const stream of [office, leader, township, otherTownship]) stream.close()
    const again = await open('ml-dutyOfficer-1', firstId)
    await again.until(() => again.duty().length >= 2)
    assert.deepEqual(
      again.duty().map((e) => e.id),
      [opinion, theirs],
    )
    again.close()
  })

  it('refuses the signed-out before a stream opens', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/duty/stream' })
    assert.equal(anonymous.statusCode, 401)
    assert.equal(anonymous.headers['content-type']?.includes('event-stream'), false)
  })
})
