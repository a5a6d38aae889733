import assert from 'node:assert/strict'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { deserialize, serialize } from 'node:v8'
import { loadCachedLibrary } from './cached-library.ts'
import { DEFAULT_ROOT, loadLibrary, type RulebookLibrary } from './load-library.ts'

// Issue 14 part 5 (ADR 0028): the library is parsed once and kept by content hash.
describe('the rulebook library kept in the cache', () => {
  // A root of its own (the national rulebook, its seeds and one county), so editing it touches
  // nothing else; the cache in a folder of its own.
  const work = mkdtempSync(join(tmpdir(), 'zhengling-rulebooks-'))
  const root = join(work, 'root')
  const cacheDir = join(work, 'cache')
  for (const part of ['national', 'sources', join('jurisdictions', 'muli')])
    cpSync(join(DEFAULT_ROOT, part), join(root, part), { recursive: true })
  after(() => rmSync(work, { recursive: true, force: true }))

  const kept = () => readdirSync(cacheDir).filter((name) => name.startsWith('rulebooks-'))
  /** The library without its YAML sources (functions), to compare as data. */
  const data = (library: RulebookLibrary) => ({
    ...library,
    national: library.national && { ...library.national, source: undefined },
    jurisdictions: [...library.jurisdictions].map(([code, versions]) => [
      code,
      versions.map((version) => ({ ...version, source: undefined })),
    ]),
    caseFiles: library.caseFiles.map((caseFile) => ({ ...caseFile, source: undefined })),
  })

  it('is the library loadLibrary parses, sources and all, and kept in one file', () => {
    const parsed = loadLibrary(root)
    const first = loadCachedLibrary({ root, cacheDir })
    const again = loadCachedLibrary({ root, cacheDir })
    assert.equal(kept().length, 1)
    assert.ok(parsed.jurisdictions.get('muli')?.length)
    assert.ok(parsed.caseFiles.length > 0)
    assert.deepEqual(data(first), data(parsed))
    assert.deepEqual(data(again), data(parsed))
    // A source parsed again on demand points at the same lines.
    const path = ['cases', 0, 'decision']
    for (const [index, caseFile] of parsed.caseFiles.entries()) {
      const fromCache = again.caseFiles[index]
      assert.equal(fromCache?.source.file, caseFile.source.file)
      assert.deepEqual(fromCache?.source.locate(path), caseFile.source.locate(path))
    }
    const muli = again.jurisdictions.get('muli')?.[0]
    assert.deepEqual(
      muli?.source.locate(['posts', 0]),
      parsed.jurisdictions.get('muli')?.[0]?.source.locate(['posts', 0]),
    )
  })

  it('is read from the kept file, not parsed again', () => {
    const [name] = kept()
    const file = join(cacheDir, name as string)
    const library = deserialize(readFileSync(file)) as RulebookLibrary
    const muli = library.jurisdictions.get('muli')?.[0]
    assert.ok(muli)
    muli.book.title = '只在缓存里的标题'
    writeFileSync(file, serialize(library))
    assert.equal(
      loadCachedLibrary({ root, cacheDir }).jurisdictions.get('muli')?.[0]?.book.title,
      '只在缓存里的标题',
    )
  })

  it('is not kept when a file changes while it is parsed (what was parsed is not what the name says)', () => {
    const file = join(root, 'jurisdictions', 'muli', 'rulebook.yaml')
    const text = readFileSync(file, 'utf8')
    const keptBefore = kept()
    const library = loadCachedLibrary({
      root,
      cacheDir: join(work, 'cache-race'),
      load: (at) => {
        const parsed = loadLibrary(at)
        writeFileSync(
          file,
          text.replace('title: 木里藏族自治县人民政府工作规则', 'title: 解析时改的标题'),
        )
        return parsed
      },
    })
    writeFileSync(file, text)
    assert.ok(library.jurisdictions.get('muli')?.length)
    assert.equal(existsSync(join(work, 'cache-race')), false)
    assert.deepEqual(kept(), keptBefore)
  })

  it('is parsed again when any file of the library changes, and the old file removed', () => {
    const before = kept()
    const file = join(root, 'jurisdictions', 'muli', 'rulebook.yaml')
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace('title: 木里藏族自治县人民政府工作规则', 'title: 改过的标题'))
    const changed = loadCachedLibrary({ root, cacheDir })
    assert.equal(changed.jurisdictions.get('muli')?.[0]?.book.title, '改过的标题')
    const now = kept()
    assert.equal(now.length, 1)
    assert.notDeepEqual(now, before)
  })

  it('without a cache dir is loadLibrary itself', () => {
    const library = loadCachedLibrary({ root })
    assert.deepEqual(data(library), data(loadLibrary(root)))
    assert.ok(library.caseFiles[0]?.source.locate(['cases']).line)
  })
})
