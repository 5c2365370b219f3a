import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { richToLines } from '../../shared/export/markdown'
import { readSnapshot } from '../../shared/export/snapshot'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { transferAllObjects } from '../../shared/ops/transfer'
import { objectsOf, readObject, textOf } from '../../shared/schema/boardDoc'
import {
  agendaOf,
  canvasesOf,
  commitmentsOf,
  readAgenda,
  readCanvases,
  writeCanvas,
} from '../../shared/schema/controlDoc'
import { cappedVotes, myVotesOf, readFacilitation, resultsOf } from '../../shared/schema/facilitation'
import { LIMITS } from '../../shared/schema/limits'
import { clearSafely, nestsDeeperThan, typeNestsDeeperThan } from '../../shared/schema/nesting'
import { flattenRich, readRichBlocks } from '../../shared/schema/richBlocks'
import {
  fragmentToPlainText,
  readRichText,
  richNodeSchema,
  writeRichText,
  type RichNode,
} from '../../shared/schema/richText'
import { describeSkipped, skipCounter } from '../../shared/schema/skipped'
import { nestDeep } from '../helpers/plant'

const ann = createOrigin('u-ann', 'Ann')
const DEEP = 20_000
/** Level n's line is a paragraph in n blockquotes (depth n + 1): the last one within the limit. */
const LAST = LIMITS.richTextMaxDepth - 1

/** A fragment whose content nests `depth` blockquotes, each opening with a line "level <n>". */
function deepFragment(depth = DEEP): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('t')
  doc.transact(() => nestDeep(fragment, depth))
  return fragment
}

/** How deep the elements of JSON rich text nest. */
function depthOf(nodes: readonly RichNode[]): number {
  let max = 0
  const stack: [readonly RichNode[], number][] = [[nodes, 0]]
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!
    for (const n of list)
      if (n.type === 'element') {
        max = Math.max(max, depth + 1)
        stack.push([n.children, depth + 1])
      }
  }
  return max
}

describe('rich-text readers stop at the nesting limit', () => {
  it('fragmentToPlainText reads a 20,000-deep fragment: the first levels, nothing past the limit', () => {
    const text = fragmentToPlainText(deepFragment())
    const lines = text.split('\n')
    expect(lines.slice(0, 2)).toEqual(['level 1', 'level 2'])
    expect(lines.at(-1)).toBe(`level ${LAST}`)
  })

  it('readRichText reads at most the limit deep, and counts the note it cut', () => {
    const skipped = skipCounter()
    const nodes = readRichText(deepFragment(), skipped)
    expect(depthOf(nodes)).toBe(LIMITS.richTextMaxDepth)
    expect(skipped.counts).toEqual({ richText: 1 })
    // text right at the limit is kept
    const atLimit = readRichText(deepFragment(LAST), skipped)
    expect(richToLines(atLimit)).toContain(`level ${LAST}`)
    expect(skipped.counts).toEqual({ richText: 1 })
  })

  it('readRichBlocks and flattenRich read a 20,000-deep fragment without throwing', () => {
    const rich = readRichBlocks(deepFragment())
    const lines = flattenRich(rich).map((b) => b.runs.map((r) => r.text).join(''))
    expect(lines[0]).toBe('level 1')
    expect(lines).toContain(`level ${LAST}`)
    expect(lines).not.toContain(`level ${LAST + 1}`)
  })

  it('writeRichText writes no element deeper than the limit, but keeps the text at it', () => {
    const nodes = readRichText(deepFragment(LIMITS.richTextMaxDepth))
    const doc = new Y.Doc()
    const target = doc.getXmlFragment('t')
    doc.transact(() => writeRichText(target, nodes))
    const back = readRichText(target)
    expect(depthOf(back)).toBe(LIMITS.richTextMaxDepth)
    expect(richToLines(back)).toEqual(richToLines(nodes))
  })

  it('richNodeSchema refuses 20,000-deep JSON as an error, not a stack overflow', () => {
    let node: RichNode = { type: 'text', delta: [{ insert: 'bottom' }] }
    for (let i = 0; i < DEEP; i++) node = { type: 'element', name: 'blockquote', attrs: {}, children: [node] }
    const parsed = richNodeSchema.safeParse(node)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/deeper than 32/)
    const deepAttr = {
      type: 'element',
      name: 'p',
      attrs: { a: JSON.parse('['.repeat(DEEP) + ']'.repeat(DEEP)) },
      children: [],
    }
    expect(richNodeSchema.safeParse(deepAttr).success).toBe(false)
    // what the readers give is always accepted back
    expect(richNodeSchema.array().safeParse(readRichText(deepFragment())).success).toBe(true)
  })
})

describe('board and control readers take whatever an entry is', () => {
  it('readObject and textOf: a string in the objects map is an unreadable object, not a crash', () => {
    const doc = new Y.Doc()
    const good = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'good' }, ann)
    objectsOf(doc).set('x', 'hello' as never)
    expect(readObject('x', objectsOf(doc).get('x'))).toMatchObject({
      ok: false,
      invalid: { reason: 'not an object' },
    })
    expect(textOf(doc, 'x')).toBeUndefined()
    expect(textOf(doc, good)).toBeInstanceOf(Y.XmlFragment)
  })

  it('readCanvases and readAgenda skip strings and never walk into nested types', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      canvasesOf(doc).push([writeCanvas({ id: 'c1', name: 'Wall' })])
      ;(canvasesOf(doc) as Y.Array<unknown>).push(['a string'])
      const step = new Y.Map<unknown>()
      agendaOf(doc).push([step])
      for (const [k, v] of Object.entries({ id: 's1', title: 'Hi', prompt: 'P', minutes: 5 })) step.set(k, v)
      const deep = new Y.Map<unknown>()
      step.set('nested', deep)
      let at = deep
      for (let i = 0; i < DEEP; i++) {
        const next = new Y.Map<unknown>()
        at.set('m', next)
        at = next
      }
      ;(agendaOf(doc) as Y.Array<unknown>).push([42])
    })
    expect(readCanvases(doc)).toEqual([{ id: 'c1', name: 'Wall' }])
    expect(readAgenda(doc).map((s) => s.title)).toEqual(['Hi'])
  })

  it('votes: strings, NaN, negatives, fractions below one and huge numbers count as they should', () => {
    const doc = new Y.Doc()
    const votes = myVotesOf(doc) as Y.Map<unknown>
    votes.set('a', 2)
    votes.set('b', 'lots')
    votes.set('c', NaN)
    votes.set('d', -5)
    votes.set('e', 0.5)
    votes.set('f', 1e308)
    const skipped = skipCounter()
    expect([...cappedVotes(votes as Y.Map<number>, 3, skipped)]).toEqual([
      ['a', 2],
      ['f', 1],
    ])
    expect(skipped.counts).toEqual({ votes: 4 })
    const control = new Y.Doc()
    const results = resultsOf(control) as Y.Map<unknown>
    results.set('a', 3)
    results.set('b', 'x')
    results.set('c', Infinity)
    results.set('d', 1.5)
    expect(readFacilitation(control).results).toEqual({ a: 3 })
  })

  it('readSnapshot skips and counts every kind of bad entry, and keeps the good ones', () => {
    const board = new Y.Doc()
    const control = new Y.Doc()
    const facilitator = new Y.Doc()
    control.transact(() => {
      canvasesOf(control).push([writeCanvas({ id: 'c1', name: 'Wall' })])
      ;(commitmentsOf(control) as Y.Array<unknown>).push(['We listen.', 7])
      const step = new Y.Map<unknown>()
      agendaOf(control).push([step])
      for (const [k, v] of Object.entries({ id: 's1', title: 'Hi', prompt: 'P', minutes: 5 })) step.set(k, v)
      ;(resultsOf(control) as Y.Map<unknown>).set('nope', 'many')
    })
    ;(facilitator.getMap('guidance') as Y.Map<unknown>).set('s1', { not: 'text' })
    const good = addObject(board, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'good' }, ann)
    const deep = addObject(board, { kind: 'sticky', canvas: 'c1', x: 0, y: 0 }, ann)
    board.transact(() => nestDeep(textOf(board, deep)!, DEEP))
    addObject(board, { kind: 'sticky', canvas: 'gone', x: 0, y: 0, text: 'orphan' }, ann)
    objectsOf(board).set('x', 'hello' as never)
    const s = readSnapshot(board, control, facilitator)
    expect(s.objects.map((o) => o.id).sort()).toEqual([good, deep].sort())
    expect(s.objects.find((o) => o.id === deep)?.text).toContain('level 1')
    expect(s.commitments).toEqual(['We listen.'])
    expect(s.agenda.map((a) => a.guidance)).toEqual([''])
    expect(s.skipped).toEqual({ objects: 2, richText: 1, commitments: 1, guidance: 1, votes: 1 })
    expect(describeSkipped(s.skipped)).toBe(
      'skipped 6 unreadable entries (2 objects, 1 richText, 1 commitments, 1 guidance, 1 votes)',
    )
  })

  it('transferAllObjects moves the readable objects and leaves the rest where it was', () => {
    const from = new Y.Doc()
    const to = new Y.Doc()
    const good = addObject(from, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'mine' }, ann)
    const deep = addObject(from, { kind: 'sticky', canvas: 'c1', x: 0, y: 0 }, ann)
    from.transact(() => nestDeep(textOf(from, deep)!, DEEP))
    objectsOf(from).set('x', 'hello' as never)
    objectsOf(to).set('y', 'board junk' as never)
    const bad = new Y.Map<unknown>()
    objectsOf(from).set('bad', bad)
    bad.set('kind', 'sticky')
    bad.set('x', 'left')
    const done = transferAllObjects(from, to, ann)
    // the deep note stays too: deleting it would overflow Yjs's own stack
    expect(done).toEqual({ moved: 1, skipped: { objects: 3 } })
    expect([...objectsOf(from).keys()].sort()).toEqual(['bad', deep, 'x'].sort())
    const moved = readObject(good, objectsOf(to).get(good))
    expect(moved.ok && moved.object.text).toBe('mine')
    expect(objectsOf(to).get('y')).toBe('board junk')
  })
})

describe('nesting checks never recurse', () => {
  it('measure 20,000-deep JSON and Y types, and clear a map of all but what Yjs cannot delete', () => {
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`), 40)).toBe(true)
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false)
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 2)).toBe(true)
    const fragment = deepFragment()
    expect(typeNestsDeeperThan(fragment, 40)).toBe(true)
    expect(typeNestsDeeperThan(deepFragment(10), 40)).toBe(false)
    const doc = new Y.Doc()
    const map = doc.getMap<unknown>('m')
    doc.transact(() => {
      map.set('n', 1)
      map.set('s', 'x')
      const chain = new Y.XmlFragment()
      map.set('deep', chain)
      nestDeep(chain, DEEP)
    })
    expect(doc.transact(() => clearSafely(map, LIMITS.richTextMaxDepth))).toBe(1)
    expect([...map.keys()]).toEqual(['deep'])
  })
})
