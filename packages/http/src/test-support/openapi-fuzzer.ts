/**
 * A seeded request generator driven by the server's own OpenAPI document (ADR 0023): for each
 * operation, a plausible request built from its schemas, then one mutation of its path, query or
 * body — impossible dates, NUL and other control characters, bidi overrides, huge strings, wrong
 * types, missing fields, unknown ids. Same seed, same sequence of operations, clients and
 * mutations (the ids aimed at are the test database's own, so they differ from run to run).
 */

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  nullable?: boolean
  default?: unknown
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie'
  name: string
  required?: boolean
  schema: JsonSchema
}

export interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  body?: JsonSchema
}

export interface FuzzRequest {
  method: string
  url: string
  /** Undefined: no body. A string is sent as it is (with a JSON content type). */
  payload?: unknown
  /** Which mutation this request carries, for the figures and a failure's report. */
  mutation: string
}

/** mulberry32: a small, fast PRNG; the whole run follows from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T
    },
    chance: (p: number) => next() < p,
    uuid(): string {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
    },
  }
}

export type Random = ReturnType<typeof seededRandom>

/** Every operation of the document, in its order. */
export function operationsOf(spec: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[]
        requestBody?: { content?: Record<string, { schema: JsonSchema }> }
      }
    >
  >
}): Operation[] {
  const operations: Operation[] = []
  for (const [path, methods] of Object.entries(spec.paths))
    for (const [method, operation] of Object.entries(methods))
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      })
  return operations
}

export const IMPOSSIBLE_DATES = [
  '9999-99-99',
  '2026-13-45',
  '2026-02-30',
  '2027-02-29',
  '0000-00-00',
  '2026-00-10',
  '1899-12-31',
  '2101-01-01',
  '99999-01-01',
  '-2026-01-01',
  '2026-3-1',
  '2026-03-10T25:61:00+08:00',
  '2026-02-30T09:00:00+08:00',
  '9999-12-31T23:59:59-12:00',
]

const NASTY_TEXTS = [
  'a\u0000',
  '\u0000',
  '标题\u0000结尾',
  'a\u202Eb',
  '\u2066abc\u2069',
  'a\u200Fb',
  'a\u0007b',
  'a\u001Bb',
  '\u0085',
  '\uD800',
  '𠮷野家🙂',
  "'; drop table documents; --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  ' ',
  '',
]

const WRONG_TYPES: unknown[] = [
  0,
  -1,
  1e308,
  2 ** 53 + 1,
  true,
  null,
  [],
  {},
  [null],
  { $gt: '' },
  'NaN',
  '1e999',
]

function hugeText(random: Random): string {
  return random.pick([
    () => 'x'.repeat(5_000),
    () => '长'.repeat(120_000),
    () => 'y'.repeat(300_000),
    // Past the 1 MB a request may carry.
    () => '中'.repeat(400_000),
  ])()
}

function variants(schema: JsonSchema): JsonSchema[] {
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]
}

function typeOf(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  return types.find((type) => type !== 'null')
}

/** A date-like field by its name: the generator sends dates there. */
const DATE_NAME = /[a-z](Date|Due|On)$|^(from|to|on|asOf|date|dueDate)$/
const INSTANT_NAME = /[a-z]At$/

export interface Pools {
  /** Ids seen in responses (documents, meetings, posts, departments…). */
  ids: string[]
  /** Jurisdiction ids, audit chain names and other path words seen. */
  words: string[]
}

/** A value the schema accepts, as a careful client would send it. */
export function plausible(
  schema: JsonSchema,
  random: Random,
  pools: Pools,
  name = '',
  depth = 0,
): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return random.pick(schema.enum)
  const alternatives = variants(schema).filter((variant) => typeOf(variant) !== 'null')
  if (alternatives.length && !schema.type)
    return plausible(random.pick(alternatives), random, pools, name, depth)
  switch (typeOf(schema)) {
    case 'string': {
      if (schema.format === 'uuid')
        return pools.ids.length && random.chance(0.85) ? random.pick(pools.ids) : random.uuid()
      if (schema.format === 'date-time' || INSTANT_NAME.test(name))
        return `2026-03-${String(10 + random.int(18)).padStart(2, '0')}T09:00:00+08:00`
      if (DATE_NAME.test(name)) return `2026-0${3 + random.int(6)}-${10 + random.int(18)}`
      if (/password/i.test(name)) return 'Zhongshan-Demo-2026'
      const min = schema.minLength ?? 0
      const max = schema.maxLength ?? 40
      const text = random.pick([
        '测试内容',
        '关于开展安全生产检查的通知',
        '钟府发',
        '通知',
        'standing',
      ])
      return text.length < min ? text.padEnd(min, '文') : text.slice(0, Math.max(max, min))
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0
      const max = Math.min(schema.maximum ?? min + 10, min + 10)
      return min + random.int(max - min + 1)
    }
    case 'boolean':
      return random.chance(0.5)
    case 'array': {
      if (depth > 4 || !schema.items) return []
      const count = Math.max(schema.minItems ?? 0, random.int(2))
      return Array.from({ length: count }, () =>
        plausible(schema.items as JsonSchema, random, pools, name, depth + 1),
      )
    }
    case 'object':
    default: {
      if (depth > 4) return {}
      const value: Record<string, unknown> = {}
      const required = new Set(schema.required ?? [])
      for (const [key, child] of Object.entries(schema.properties ?? {}))
        if (required.has(key) || random.chance(0.5))
          value[key] = plausible(child, random, pools, key, depth + 1)
      return value
    }
  }
}

/** A bad value for a field: the families the issue names, and a few more. */
function badValue(random: Random, family: string): unknown {
  switch (family) {
    case 'impossible-date':
      return random.pick(IMPOSSIBLE_DATES)
    case 'nasty-text':
      return random.pick(NASTY_TEXTS)
    case 'huge':
      return hugeText(random)
    case 'wrong-type':
      return random.pick(WRONG_TYPES)
    case 'unknown-id':
      return random.uuid()
    default:
      return random.pick(['not-an-id', 'null', 'undefined', '-1', '0'])
  }
}

const FIELD_FAMILIES = [
  'impossible-date',
  'nasty-text',
  'nasty-text',
  'huge',
  'wrong-type',
  'wrong-type',
  'unknown-id',
  'bad-id',
]

/** The leaf paths of a JSON value (objects and arrays walked). */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    const inner = value.flatMap((item, index) => leafPaths(item, [...path, index]))
    return [path, ...inner]
  }
  if (value && typeof value === 'object') {
    const inner = Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))
    return path.length ? [path, ...inner] : inner
  }
  return [path]
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (!path.length) return value
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1)
    else delete node[last]
  } else node[last] = value
  return copy
}

/** Percent-encoded; a lone surrogate becomes the bytes a careless client would send (invalid UTF-8). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return value
      .split('')
      .map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('')
  }
}

function encodeQuery(entries: [string, string][]): string {
  return entries.map(([key, value]) => `${key}=${encode(value)}`).join('&')
}

/**
 * One request for `operation`: plausible everywhere, then (unless `mutate` is false) one mutation
 * in its path, query or body.
 */
export function requestFor(
  operation: Operation,
  random: Random,
  pools: Pools,
  mutate = true,
): FuzzRequest {
  const pathParams = operation.parameters.filter((p) => p.in === 'path')
  const queryParams = operation.parameters.filter((p) => p.in === 'query')
  const pathValues = new Map<string, string>()
  for (const param of pathParams) {
    const value =
      param.schema.format === 'uuid' || /id$/i.test(param.name)
        ? plausible({ type: 'string', format: 'uuid' }, random, pools)
        : pools.words.length
          ? random.pick(pools.words)
          : 'zhongshan'
    pathValues.set(param.name, String(value))
  }
  const query: [string, string][] = []
  for (const param of queryParams)
    if (param.required || random.chance(0.5))
      query.push([param.name, String(plausible(param.schema, random, pools, param.name))])
  let body = operation.body ? plausible(operation.body, random, pools) : undefined
  let rawPath: string | undefined
  let mutation = 'none'

  if (mutate) {
    const places = [
      ...(pathParams.length ? ['path', 'path'] : []),
      ...(queryParams.length ? ['query', 'query', 'query'] : []),
      ...(operation.body ? ['body', 'body', 'body', 'body', 'body-shape'] : []),
    ]
    // A parameter no route reads: where there is nothing else to mutate, and now and then.
    if (!places.length || random.chance(0.1)) places.push('extra-query')
    const place = random.pick(places)
    if (place === 'path') {
      const param = random.pick(pathParams)
      const family = random.pick([...FIELD_FAMILIES, 'raw'])
      if (family === 'raw') {
        // Bytes a client library would never send: broken percent-encoding, an encoded NUL.
        rawPath = random.pick(['%00', '%E0%A4%A', 'a%2F..%2F..', '%ZZ', '%u202E'])
        mutation = 'path:raw'
      } else {
        const value = badValue(random, family)
        pathValues.set(
          param.name,
          typeof value === 'string' ? value.slice(0, 2_000) : JSON.stringify(value),
        )
        mutation = `path:${family}`
      }
      if (rawPath) pathValues.set(param.name, rawPath)
    } else if (place === 'query') {
      const param = random.pick(queryParams)
      const family = random.pick([...FIELD_FAMILIES, 'impossible-date', 'repeated'])
      const rest = query.filter(([key]) => key !== param.name)
      if (family === 'repeated') {
        rest.push([param.name, '2026-03-01'], [param.name, '2026-03-02'])
      } else {
        const value = badValue(random, family)
        rest.push([
          param.name,
          typeof value === 'string' ? value.slice(0, 20_000) : JSON.stringify(value),
        ])
      }
      query.splice(0, query.length, ...rest)
      mutation = `query:${family}`
    } else if (place === 'extra-query') {
      query.push([random.pick(['from', 'debug', '__proto__', 'limit']), random.pick(NASTY_TEXTS)])
      mutation = 'query:extra'
    } else if (place === 'body-shape') {
      const shape = random.int(7)
      body = [null, [], 'text', 42, {}, '{"broken": ', undefined][shape]
      mutation = `body:shape-${['null', 'array', 'string', 'number', 'empty', 'broken', 'none'][shape]}`
    } else {
      const paths = leafPaths(body)
      const target = random.pick(paths.length ? paths : [[]])
      const family = random.pick([
        ...FIELD_FAMILIES,
        'impossible-date',
        'missing',
        'missing',
        'extra-field',
      ])
      if (family === 'missing' && target.length) {
        body = setAt(body, target, undefined, true)
      } else if (family === 'extra-field') {
        body = setAt(body, ['__proto__x'], random.pick(NASTY_TEXTS))
      } else {
        body = setAt(body, target, badValue(random, family))
      }
      mutation = `body:${family}`
    }
  }

  const url =
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = pathValues.get(name) ?? ''
      return rawPath && value === rawPath ? rawPath : encode(value)
    }) + (query.length ? `?${encodeQuery(query)}` : '')
  return { method: operation.method, url, payload: body, mutation }
}

/** A stack trace or a server path in a response body: never shown to a client. */
export const STACK_TRACE =
  /\n\s+at \S+.*:\d+:\d+|\bat [\w.<>]+ \((?:file:|node:|\/)[^)]*:\d+:\d+\)|node_modules\/|\/work\/main\//

/** Every uuid in a JSON value (to aim later requests at things that exist). */
export function idsIn(text: string): string[] {
  return text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []
}
