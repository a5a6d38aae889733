/**
 * `npm run bench`: decisions and period computations per second on one core (Node runs this on
 * a single thread), printed with the machine it ran on. Not a test: figures vary by machine.
 */
import { cpus, freemem, totalmem } from 'node:os'
import { contextFor, loadLibrary } from '@zhengling/rulebooks'
import { Bench } from 'tinybench'
import {
  CIVIL_CODE_PERIOD_RULES,
  computeDeadline,
  createWorkingCalendar,
  officialCalendarData,
  resolveRulebook,
  runDecision,
} from '../src/index.ts'

const library = loadLibrary()
const resolved = contextFor(library, 'zhongshan')
if (!resolved.ok) throw new Error(resolved.message)
const context = resolved.context
const calendar = createWorkingCalendar([officialCalendarData()])

const bench = new Bench({ time: 1000, warmupTime: 200 })
bench
  .add('period: 5 working days', () => {
    computeDeadline({
      start: '2026-09-28',
      period: { amount: 5, unit: 'workingDay' },
      calendar,
      rules: CIVIL_CODE_PERIOD_RULES,
    })
  })
  .add('period: 30 working days', () => {
    computeDeadline({
      start: '2026-09-28',
      period: { amount: 30, unit: 'workingDay' },
      calendar,
      rules: CIVIL_CODE_PERIOD_RULES,
    })
  })
  .add('period: 30 calendar days (holiday extension)', () => {
    computeDeadline({
      start: '2026-09-01',
      period: { amount: 30, unit: 'day' },
      calendar,
      rules: CIVIL_CODE_PERIOD_RULES,
    })
  })
  .add('period: 1 month (month end)', () => {
    computeDeadline({
      start: '2026-01-31',
      period: { amount: 1, unit: 'month' },
      calendar,
      rules: CIVIL_CODE_PERIOD_RULES,
    })
  })
  .add('decision: countersign-deadline', () => {
    runDecision(context, 'countersign-deadline', { requestedOn: '2026-09-28', today: '2026-10-12' })
  })
  .add('decision: meeting-quorum', () => {
    runDecision(context, 'meeting-quorum', { meeting: 'standing', members: 15, present: 8 })
  })
  .add('decision: outgoing-signoff', () => {
    runDecision(context, 'outgoing-signoff', {
      issuer: 'government',
      important: true,
      prefix: '钟府发',
    })
  })
  .add('decision: acting-presider', () => {
    runDecision(context, 'acting-presider', { away: ['principal', 'executiveDeputy'] })
  })
  .add('baseline: build decision context (resolve rulebook + calendar)', () => {
    // What contextFor does on its first call for a version; later calls reuse the result.
    const book = library.jurisdictions.get('zhongshan')?.at(-1)?.book
    if (book) resolveRulebook(book, library.national?.book)
    createWorkingCalendar([officialCalendarData()])
  })

await bench.run()

const cpu = cpus()[0]
console.log(
  `machine: ${cpu?.model ?? 'unknown CPU'} × ${cpus().length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free)`,
)
console.log(
  `runtime: Node ${process.version} on ${process.platform}-${process.arch}; single thread (one core)`,
)
console.log(
  `rulebook: zhongshan ${context.rulebook.version}, ${context.rulebook.rules.length} rules incl. national`,
)
console.log('')
console.log(`${'task'.padEnd(66) + 'ops/s'.padStart(12) + 'mean µs'.padStart(12)}  ±%`)
for (const task of bench.tasks) {
  const result = task.result
  if (result?.state !== 'completed') {
    console.log(`${task.name.padEnd(66)} failed`)
    continue
  }
  const { throughput, latency } = result
  console.log(
    task.name.padEnd(66) +
      Math.round(throughput.mean).toLocaleString('en-US').padStart(12) +
      (latency.mean * 1000).toFixed(2).padStart(12) +
      `  ${latency.rme.toFixed(1)}`,
  )
}
