import { createHash, type Hash, randomUUID } from 'node:crypto'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import { parseYamlSource, type YamlSource } from '@zhengling/rules'
import { DEFAULT_ROOT, loadLibrary, type RulebookLibrary } from './load-library.ts'

/**
 * The rulebook library parsed once and kept in `cacheDir` (ADR 0028): parsing, validating and
 * resolving every YAML file takes about a second; reading the kept library a few milliseconds.
 * The file is named by a hash of everything the library is made of — every file under the root,
 * the rules core's code (schemas, resolution, excerpts), Node's version and the working directory
 * (error and file names are relative to it) — so any change makes a new one. Without `cacheDir`,
 * or when the cache cannot be read or written, it is loadLibrary.
 *
 * The YAML sources (for pointing at a line) are not kept: each is parsed again from its file the
 * first time something asks for it.
 */
export function loadCachedLibrary(
  options: {
    root?: string
    cacheDir?: string
    /** How the library is parsed when not kept (loadLibrary; a test may slip an edit in). */
    load?: (root: string) => RulebookLibrary
  } = {},
): RulebookLibrary {
  const root = options.root ?? DEFAULT_ROOT
  const load = options.load ?? loadLibrary
  if (!options.cacheDir) return load(root)
  const version = libraryVersion(root)
  const file = join(options.cacheDir, `rulebooks-${version}.v8`)
  try {
    return withLazySources(deserialize(readFileSync(file)) as RulebookLibrary)
  } catch {
    // Not kept yet (or unreadable): parsed below.
  }
  const library = load(root)
  // A file edited while it was parsed (others edit the rulebooks as tests run): what was parsed
  // is not what the name says, so it is not kept under that name.
  if (libraryVersion(root) !== version) return library
  try {
    mkdirSync(options.cacheDir, { recursive: true })
    const aside = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`
    writeFileSync(aside, serialize(withoutSources(library)))
    renameSync(aside, file)
    for (const other of readdirSync(options.cacheDir))
      if (other.startsWith('rulebooks-') && join(options.cacheDir, other) !== file)
        rmSync(join(options.cacheDir, other), { force: true })
  } catch {
    // Not kept: parsed again next time.
  }
  return library
}

const RULES_CODE = dirname(fileURLToPath(import.meta.resolve('@zhengling/rules')))

function hashFiles(hash: Hash, dir: string): Hash {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) hashFiles(hash, path)
    else hash.update(`\0${path}\0`).update(readFileSync(path))
  }
  return hash
}

/**
 * The rules core's code as this process runs it, hashed when the process loaded it: a process
 * started before the schemas changed parses with the old ones, so it must not name what it
 * parsed after the new code (it would keep a library the new code rejects under the new name).
 */
const RULES_CODE_VERSION = hashFiles(createHash('sha256'), RULES_CODE).digest('hex')

/** A hash of everything the library is made of (see loadCachedLibrary). */
export function libraryVersion(root: string = DEFAULT_ROOT): string {
  const hash = createHash('sha256').update(`${process.version}\0${process.cwd()}\0${root}\0`)
  hashFiles(hash, root)
  hash.update(`\0${RULES_CODE_VERSION}`)
  return hash.digest('hex').slice(0, 16)
}

type WithSource = { file: string; source: YamlSource }

function withoutSources(library: RulebookLibrary): RulebookLibrary {
  const bare = <T extends WithSource>(item: T): T => ({ ...item, source: undefined }) as T
  return {
    ...library,
    national: library.national && bare(library.national),
    jurisdictions: new Map(
      [...library.jurisdictions].map(([code, versions]) => [code, versions.map(bare)]),
    ),
    caseFiles: library.caseFiles.map(bare),
  }
}

function withLazySources(library: RulebookLibrary): RulebookLibrary {
  const lazy = (item: WithSource) => {
    let source: YamlSource | undefined
    Object.defineProperty(item, 'source', {
      enumerable: true,
      configurable: true,
      get: () => (source ??= parseYamlSource(readFileSync(resolve(item.file), 'utf8'), item.file)),
    })
  }
  if (library.national) lazy(library.national)
  for (const versions of library.jurisdictions.values()) versions.forEach(lazy)
  library.caseFiles.forEach(lazy)
  return library
}
