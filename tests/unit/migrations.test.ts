import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, updateProps } from '../../shared/ops/objects'
import { setCommitment } from '../../shared/ops/agenda'
import { createOrigin } from '../../shared/ops/origin'
import { metaOf, objectsOf, readObject } from '../../shared/schema/boardDoc'
import { readSessionLangs, sessionMapOf } from '../../shared/schema/controlDoc'
import { migrateProps, type AnyKind } from '../../shared/schema/defineKind'
import { checkClientSchema, SCHEMA_CLOSE } from '../../shared/schema/handshake'
import { KINDS } from '../../shared/schema/kinds'
import {
  DOC_STEPS,
  NewerSchemaError,
  SCHEMA_VERSION,
  readVersion,
  upgradeDoc,
} from '../../shared/schema/migrations'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')
const fay = createOrigin('fay', 'Fay')
const UPGRADE = Symbol('upgrade')

/** The control room of a session made before sessions had two languages (stored then: a fixture). */
const controlBeforeLangs = (lang: 'en' | 'zh' = 'en'): Y.Doc => {
  const doc = new Y.Doc()
  const file = lang === 'en' ? 'control-before-two-languages' : 'control-before-two-languages-zh'
  Y.applyUpdate(doc, readFileSync(join(FIXTURES, 'schema-1', `${file}.yupdate`)))
  return doc
}

/** Records the updates a document makes, with their origins. */
function recordUpdates(doc: Y.Doc): { origin: unknown }[] {
  const seen: { origin: unknown }[] = []
  doc.on('update', (_u: Uint8Array, origin: unknown) => seen.push({ origin }))
  return seen
}

describe('one version scheme', () => {
  it('every step and kind lies on the schema version line, steps in order with unique names', () => {
    const versions = DOC_STEPS.map((s) => s.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    for (const v of versions) expect(v).toBeLessThanOrEqual(SCHEMA_VERSION)
    const names = new Set<string>()
    for (const def of Object.values(KINDS) as AnyKind[]) {
      // a kind's version is its last step's (or 1, where every kind began)
      expect(def.version).toBe(def.migrations?.at(-1)?.version ?? 1)
      expect(def.version).toBeLessThanOrEqual(SCHEMA_VERSION)
      for (const step of def.migrations ?? []) names.add(`${def.kind}: ${step.name}`)
    }
    for (const step of DOC_STEPS) names.add(step.name)
    expect(names.size).toBe(
      DOC_STEPS.length +
        (Object.values(KINDS) as AnyKind[]).reduce((n, d) => n + (d.migrations?.length ?? 0), 0),
    )
  })
})

describe('step 2: control: session languages written down', () => {
  it('takes the stored control room of a session from before two languages up to now', () => {
    const control = controlBeforeLangs()
    expect(sessionMapOf(control).has('langs')).toBe(false)
    expect(readVersion(control)).toBe(0)
    const seen = recordUpdates(control)
    const report = upgradeDoc(control, 'control', UPGRADE)
    expect(report).toMatchObject({ from: 0, to: SCHEMA_VERSION })
    expect(report.steps).toEqual(['2 control: session languages written down'])
    // one transaction, with the upgrade's own origin
    expect(seen).toEqual([{ origin: UPGRADE }])
    expect(sessionMapOf(control).get('langs')).toEqual(['en'])
    expect(readVersion(control)).toBe(SCHEMA_VERSION)
  })

  it('keeps a Chinese session Chinese when its first commitment is reworded (it switched to English before)', () => {
    const control = controlBeforeLangs('zh')
    upgradeDoc(control, 'control', UPGRADE)
    expect(sessionMapOf(control).get('langs')).toEqual(['zh-CN'])
    setCommitment(control, 0, '我们认真倾听。', fay)
    expect(readSessionLangs(control)).toEqual(['zh-CN'])
    // without the step, the reworded line is stored per language and the guess falls back to English
    const untouched = controlBeforeLangs('zh')
    expect(readSessionLangs(untouched)).toEqual(['zh-CN'])
    setCommitment(untouched, 0, '我们认真倾听。', fay)
    expect(readSessionLangs(untouched)).toEqual(['en'])
  })

  it('runs once: a current document is left alone, with no update at all', () => {
    const control = controlBeforeLangs()
    upgradeDoc(control, 'control', UPGRADE)
    const seen = recordUpdates(control)
    expect(upgradeDoc(control, 'control', UPGRADE)).toMatchObject({ steps: [], objects: 0 })
    expect(seen).toEqual([])
  })

  it('leaves an empty document (a room nobody wrote to) unstamped', () => {
    const doc = new Y.Doc()
    const seen = recordUpdates(doc)
    upgradeDoc(doc, 'private', UPGRADE)
    expect(seen).toEqual([])
  })
})

describe('documents and objects of other versions', () => {
  it('refuses a document newer than this build, changing nothing', () => {
    const board = new Y.Doc()
    metaOf(board).set('version', SCHEMA_VERSION + 1)
    const seen = recordUpdates(board)
    expect(() => upgradeDoc(board, 'board', UPGRADE)).toThrow(NewerSchemaError)
    expect(() => upgradeDoc(board, 'board', UPGRADE)).toThrow(/newer than this server/)
    expect(seen).toEqual([])
  })

  // No kind's props have changed yet, so the kinds' machinery is shown on a kind of this test's own:
  // a sticky whose `colour` (version 1) became `color` at version 3, and whose `w` defaults to 200.
  const renamed: AnyKind = {
    kind: 'sticky',
    version: 3,
    migrations: [
      {
        version: 3,
        name: 'colour spelled color',
        up: ({ colour, ...rest }) => ({ ...rest, color: colour ?? 'yellow' }),
      },
    ],
  }

  it('takes each object of an older kind version through its kind’s steps, in the same transaction', () => {
    const board = new Y.Doc()
    const id = addObject(board, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'old' }, fay)
    const current = addObject(board, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, fay)
    board.transact(() => {
      const map = objectsOf(board).get(id)!
      map.delete('color')
      map.set('colour', 'pink')
      metaOf(board).set('version', 1)
      objectsOf(board).get(current)!.set('v', 3)
    })
    const seen = recordUpdates(board)
    const report = upgradeDoc(board, 'board', UPGRADE, { kinds: { sticky: renamed }, version: 3 })
    expect(report).toMatchObject({ from: 1, to: 3, objects: 1 })
    expect(seen).toEqual([{ origin: UPGRADE }])
    const map = objectsOf(board).get(id)!
    expect([map.get('v'), map.get('color'), map.has('colour')]).toEqual([3, 'pink', false])
    expect(readVersion(board)).toBe(3)
  })

  it('updateProps never writes this build’s props into an object of another version (no mixed shapes)', () => {
    const board = new Y.Doc()
    const id = addObject(board, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, fay)
    objectsOf(board)
      .get(id)!
      .set('v', KINDS.sticky.version + 1)
    updateProps(board, id, 'sticky', { color: 'blue' }, fay)
    expect(objectsOf(board).get(id)!.get('color')).toBe('yellow')
    objectsOf(board).get(id)!.set('v', KINDS.sticky.version)
    updateProps(board, id, 'sticky', { color: 'blue' }, fay)
    expect(objectsOf(board).get(id)!.get('color')).toBe('blue')
  })

  it('migrateProps runs only the steps after the version given', () => {
    expect(migrateProps(renamed, { colour: 'blue', w: 10 }, 1)).toEqual({ color: 'blue', w: 10 })
    expect(migrateProps(renamed, { color: 'blue' }, 3)).toEqual({ color: 'blue' })
  })

  it('a reader shows an object of a newer kind version as unreadable, not as something else', () => {
    const board = new Y.Doc()
    const id = addObject(board, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, fay)
    objectsOf(board)
      .get(id)!
      .set('v', KINDS.sticky.version + 1)
    const read = readObject(id, objectsOf(board).get(id))
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.invalid.reason).toMatch(/newer than this app/)
  })
})

describe('the join handshake (untrusted input)', () => {
  it('lets in the same version and a join without one (the stock y-websocket client)', () => {
    expect(checkClientSchema([String(SCHEMA_VERSION)])).toEqual({ ok: true })
    expect(checkClientSchema([])).toEqual({ ok: true })
  })

  it('asks an older page to reload and refuses a newer one, each with a reason', () => {
    expect(checkClientSchema(['1'], 2)).toMatchObject({ ok: false, code: SCHEMA_CLOSE.reload })
    expect(checkClientSchema(['0'], 2)).toMatchObject({ ok: false, code: SCHEMA_CLOSE.reload })
    expect(checkClientSchema(['3'], 2)).toMatchObject({ ok: false, code: SCHEMA_CLOSE.tooNew })
    expect(checkClientSchema(['999999999'], 2)).toMatchObject({ ok: false, code: SCHEMA_CLOSE.tooNew })
  })

  it.each([
    ['-1', '-1'],
    ['empty', ''],
    ['abc', 'abc'],
    ['1.5', '1.5'],
    ['1e3', '1e3'],
    ['0x2', '0x2'],
    ['02', '02'],
    ['space', ' 2'],
    ['23 digits', '99999999999999999999999'],
    ['10,000 digits', '9'.repeat(10_000)],
  ])('refuses %s as malformed, in a close reason a frame can hold', (_label, value) => {
    const check = checkClientSchema([value], 2)
    expect(check).toMatchObject({ ok: false, code: SCHEMA_CLOSE.malformed })
    if (!check.ok) expect(Buffer.byteLength(check.reason)).toBeLessThanOrEqual(123)
  })

  it('refuses the parameter given twice', () => {
    expect(checkClientSchema(['2', '2'], 2)).toMatchObject({ ok: false, code: SCHEMA_CLOSE.malformed })
  })
})
