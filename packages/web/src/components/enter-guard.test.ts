import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, it } from 'node:test'
import { enterMaySubmit } from './enter-guard.ts'

const SRC = join(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  )
}

describe('Enter never submits a half-filled form', () => {
  it('Enter in a text field, a picker or a select never submits; a button and a textarea keep theirs', () => {
    for (const type of [undefined, 'text', 'search', 'password', 'number', 'email', 'tel', 'date'])
      assert.equal(enterMaySubmit({ tagName: 'input', type }), false, `input ${type}`)
    // antd's DatePicker and Select are inputs (role=combobox) inside the form.
    assert.equal(enterMaySubmit({ tagName: 'INPUT', type: 'text' }), false)
    for (const type of ['submit', 'button', 'reset', 'image'])
      assert.equal(enterMaySubmit({ tagName: 'INPUT', type }), true, `input ${type}`)
    assert.equal(enterMaySubmit({ tagName: 'BUTTON' }), true)
    assert.equal(enterMaySubmit({ tagName: 'TEXTAREA' }), true)
    assert.equal(enterMaySubmit({ tagName: 'INPUT', isComposing: true }), true)
  })

  it("every form in the web app is the guarded one: no file uses Ant Design's Form directly", () => {
    const files = sources(SRC).filter((file) => !file.endsWith(join('components', 'form.tsx')))
    const direct = files.filter((file) =>
      /import\s*\{[^}]*\bForm\b[^}]*\}\s*from\s*'antd'/s.test(readFileSync(file, 'utf8')),
    )
    assert.deepEqual(
      direct.map((file) => relative(SRC, file)),
      [],
    )
    const users = files.filter((file) => /<Form[\s<>]/.test(readFileSync(file, 'utf8')))
    assert.ok(users.length >= 30, `only ${users.length} files render a form`)
  })
})
