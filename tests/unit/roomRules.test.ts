import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject, deleteObjects, moveObjects, setPlainText, updateProps } from '../../shared/ops/objects'
import { setConsent, setHidden, toggleReaction } from '../../shared/ops/contributions'
import { createOrigin } from '../../shared/ops/origin'
import { setAdmitPeople } from '../../shared/ops/session'
import type { RoomKind } from '../../shared/rooms'
import { lobbyOf, removedOf } from '../../shared/schema/controlDoc'
import { answersOf } from '../../shared/schema/facilitation'
import { objectsOf, textOf } from '../../shared/schema/boardDoc'
import { checkRoomUpdate } from '../../shared/schema/roomRules'
import type { Writer } from '../../shared/schema/rules'
import { takenBy } from '../../server/names'

const ann = createOrigin('a'.repeat(43), 'Ann')
const bob = createOrigin('b'.repeat(43), 'Bob')
const annWrites: Writer = { role: 'participant', self: 'a'.repeat(43), protect: false }
const bobWrites: Writer = { role: 'participant', self: 'b'.repeat(43), protect: false }
const facilitator: Writer = { role: 'facilitator', self: 'fac-owner', protect: false }

/** A server document; `change` runs on a fresh client in sync with it and returns the client's update. */
function setup() {
  const server = new Y.Doc()
  const change = (fn: (doc: Y.Doc) => void): Uint8Array => {
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    fn(client)
    return Y.encodeStateAsUpdate(client, before)
  }
  const accept = (update: Uint8Array) => Y.applyUpdate(server, update)
  return { server, change, accept }
}

function noteBy(t: ReturnType<typeof setup>, origin = ann): string {
  const u = t.change(
    (d) => void addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'n1', text: 'hi' }, origin),
  )
  expect(checkRoomUpdate('board', t.server, u, origin === ann ? annWrites : bobWrites)).toBeNull()
  t.accept(u)
  return 'n1'
}

describe('board rules on updates', () => {
  it('lets honest commands through', () => {
    const t = setup()
    const id = noteBy(t)
    const steps: [Writer, (d: Y.Doc) => void][] = [
      [annWrites, (d) => moveObjects(d, [{ id, x: 5, y: 6 }], ann)],
      [annWrites, (d) => setPlainText(d, id, 'hello there', ann)],
      [bobWrites, (d) => updateProps(d, id, 'sticky', { color: 'pink' }, bob)],
      [bobWrites, (d) => void toggleReaction(d, id, '👍', bob)],
      [annWrites, (d) => void toggleReaction(d, id, '❤️', ann)],
      [annWrites, (d) => setConsent(d, [id], false, ann)],
      [facilitator, (d) => setHidden(d, [id], true, createOrigin('fac-owner', 'F'))],
      [bobWrites, (d) => void toggleReaction(d, id, '👍', bob)],
      [annWrites, (d) => deleteObjects(d, [id], ann)],
    ]
    for (const [i, [writer, fn]] of steps.entries()) {
      const u = t.change(fn)
      expect(checkRoomUpdate('board', t.server, u, writer), `step ${i}`).toBeNull()
      t.accept(u)
    }
  })

  it('refuses what a hostile participant writes', () => {
    const t = setup()
    const id = noteBy(t)
    const attempts: [string, (d: Y.Doc) => void][] = [
      ['author-only', (d) => objectsOf(d).get(id)!.set('consent', false)],
      ['facilitator-only', (d) => objectsOf(d).get(id)!.set('hidden', false)],
      ['facilitator-only', (d) => objectsOf(d).get(id)!.set('locked', true)],
      ['fixed', (d) => objectsOf(d).get(id)!.set('author', 'Mallory')],
      ['fixed', (d) => objectsOf(d).get(id)!.set('kind', 'text')],
      ['fixed', (d) => objectsOf(d).get(id)!.set('createdBy', 'b'.repeat(43))],
      ['invalid', (d) => objectsOf(d).get(id)!.set('x', 'far away')],
      ['invalid', (d) => objectsOf(d).get(id)!.delete('x')],
      ['unknown-field', (d) => objectsOf(d).get(id)!.set('owner', 'me')],
      ['invalid', (d) => (objectsOf(d) as Y.Map<unknown>).set('junk', 'hello')],
      ['invalid', (d) => d.getText('other').insert(0, 'x')],
      [
        'not-yours',
        (d) => {
          const reactions = new Y.Map()
          objectsOf(d).get(id)!.set('reactions', reactions)
          reactions.set(`👍 ${'a'.repeat(43)}`, true)
        },
      ],
    ]
    for (const [code, fn] of attempts) {
      const u = t.change(fn)
      const refusal = checkRoomUpdate('board', t.server, u, bobWrites)
      expect(refusal?.code).toBe(code)
    }
  })

  it('a person with a token creates under their own id and name only; a guest never as someone admitted', () => {
    const t = setup()
    const as = (createdBy: string, author: string) =>
      t.change(
        (d) =>
          void addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, createOrigin(createdBy, author)),
      )
    const ann: Writer = { ...annWrites, names: ['Ann', 'Ann K'] }
    expect(checkRoomUpdate('board', t.server, as(ann.self, 'Ann'), ann)).toBeNull()
    expect(checkRoomUpdate('board', t.server, as(ann.self, 'Ann K'), ann)).toBeNull()
    expect(checkRoomUpdate('board', t.server, as(ann.self, ''), ann)).toBeNull()
    expect(checkRoomUpdate('board', t.server, as(ann.self, 'Bob'), ann)).toMatchObject({
      code: 'not-yours',
      field: 'author',
    })
    // under an id no token proves: one "Remove everything I added" and a facilitator's removal would miss
    for (const other of ['', 'not-a-person', 'u-ann'])
      expect(checkRoomUpdate('board', t.server, as(other, 'Ann'), ann)).toMatchObject({
        code: 'not-yours',
        field: 'createdBy',
      })
    const guest: Writer = {
      role: 'participant',
      self: '',
      protect: false,
      takenNames: takenBy(new Set(['bob'])),
    }
    expect(checkRoomUpdate('board', t.server, as('stock-client', 'Someone'), guest)).toBeNull()
    for (const name of ['Bob', ' BOB ', 'B\u200bob', 'Ｂｏｂ', 'Вob'])
      expect(checkRoomUpdate('board', t.server, as('stock-client', name), guest), name).toMatchObject({
        code: 'not-yours',
        field: 'author',
      })
    // a facilitator restores anyone's object (undo of a removal)
    expect(checkRoomUpdate('board', t.server, as(bobWrites.self, 'Bob'), facilitator)).toBeNull()
  })

  it('refuses a new object whose field two client ids write at once (Yjs would keep the one not checked)', () => {
    const t = setup()
    const base = new Y.Doc()
    const hi = new Y.Doc()
    hi.clientID = 2_000_000_001
    const lo = new Y.Doc()
    lo.clientID = 1_000_000_001
    const sv = Y.encodeStateVector(base)
    hi.transact(() => void addObject(hi, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'n5' }, ann))
    Y.applyUpdate(lo, Y.encodeStateAsUpdate(hi))
    // lo pushes its clock up, then writes the decoy; hi writes the real value at a lower clock
    lo.transact(() => setPlainText(lo, 'n5', 'x'.repeat(50), ann))
    lo.transact(() => objectsOf(lo).get('n5')!.set('locked', false))
    hi.transact(() => objectsOf(hi).get('n5')!.set('locked', true))
    const raced = Y.mergeUpdates([Y.encodeStateAsUpdate(hi, sv), Y.encodeStateAsUpdate(lo, sv)])
    const merged = new Y.Doc()
    Y.applyUpdate(merged, raced)
    expect(objectsOf(merged).get('n5')!.get('locked')).toBe(true) // what the board would hold
    expect(checkRoomUpdate('board', t.server, raced, annWrites)).toMatchObject({
      code: 'invalid',
      object: 'n5',
      field: 'locked',
    })
    // one writer setting a field twice (the first value deleted by the second): one live value, taken
    const twice = t.change((d) => {
      addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'n6' }, ann)
      objectsOf(d).get('n6')!.set('x', 40)
    })
    expect(checkRoomUpdate('board', t.server, twice, annWrites)).toBeNull()
  })

  it('refuses object ids and fields named after Object.prototype, without throwing', () => {
    const t = setup()
    const id = noteBy(t)
    for (const bad of ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty']) {
      const made = t.change(
        (d) => void addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: bad }, ann),
      )
      expect(checkRoomUpdate('board', t.server, made, annWrites), bad).toMatchObject({ code: 'invalid' })
      const field = t.change((d) => objectsOf(d).get(id)!.set(bad, 1))
      expect(checkRoomUpdate('board', t.server, field, annWrites), bad).toMatchObject({
        code: 'unknown-field',
      })
    }
  })

  it('refuses objects made in someone else’s name or of a bad shape', () => {
    const t = setup()
    const forged = t.change((d) => void addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, ann))
    expect(checkRoomUpdate('board', t.server, forged, bobWrites)?.code).toBe('not-yours')
    const big = t.change((d) => {
      const raw = new Y.Map<unknown>()
      objectsOf(d).set('n9', raw as Y.Map<unknown>)
      const fields = {
        id: 'n9',
        kind: 'sticky',
        v: 1,
        canvas: 'c',
        x: 0,
        y: 0,
        z: 1,
        createdBy: 'b'.repeat(43),
      }
      for (const [k, v] of Object.entries({ ...fields, w: 1e9, h: 10, color: 'pink' })) raw.set(k, v)
    })
    expect(checkRoomUpdate('board', t.server, big, bobWrites)?.code).toBe('invalid')
  })

  it('keeps locked and protected notes to their rules', () => {
    const t = setup()
    const id = noteBy(t)
    const lock = t.change((d) => objectsOf(d).get(id)!.set('locked', true))
    expect(checkRoomUpdate('board', t.server, lock, facilitator)).toBeNull()
    t.accept(lock)
    const move = t.change((d) => moveObjects(d, [{ id, x: 9, y: 9 }], ann))
    expect(checkRoomUpdate('board', t.server, move, annWrites)?.code).toBe('locked')
    expect(checkRoomUpdate('board', t.server, move, facilitator)).toBeNull()
    const t2 = setup()
    noteBy(t2)
    const edit = t2.change((d) => setPlainText(d, id, 'mine now', bob))
    expect(checkRoomUpdate('board', t2.server, edit, { ...bobWrites, protect: true })?.code).toBe('protected')
    expect(checkRoomUpdate('board', t2.server, edit, { ...annWrites, protect: true })).toBeNull()
    const del = t2.change((d) => deleteObjects(d, [id], bob))
    expect(checkRoomUpdate('board', t2.server, del, { ...bobWrites, protect: true })?.code).toBe('protected')
  })

  it('refuses rich text nested past the cap, and takes the editor’s own nesting', () => {
    const t = setup()
    const id = noteBy(t)
    const deep = t.change((d) => {
      let at: Y.XmlFragment | Y.XmlElement = textOf(d, id)!
      for (let i = 0; i < 40; i++) {
        const el = new Y.XmlElement('blockquote')
        at.insert(0, [el])
        at = el
      }
    })
    expect(checkRoomUpdate('board', t.server, deep, annWrites)?.code).toBe('too-deep')
    const list = t.change((d) => {
      const ul = new Y.XmlElement('bulletList')
      const li = new Y.XmlElement('listItem')
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('point')])
      li.insert(0, [p])
      ul.insert(0, [li])
      textOf(d, id)!.insert(0, [ul])
    })
    expect(checkRoomUpdate('board', t.server, list, annWrites)).toBeNull()
  })

  it('refuses votes that are not counts, and roots a room does not have', () => {
    const t = setup()
    const voting: Writer = { ...annWrites, voteBudget: 3 }
    const votes = t.change((d) => d.getMap('votes').set('n1', 1000))
    expect(checkRoomUpdate('private', t.server, votes, voting)?.code).toBe('invalid')
    const ok = t.change((d) => d.getMap('votes').set('n2', 2))
    expect(checkRoomUpdate('private', t.server, ok, voting)).toBeNull()
    const proto = t.change((d) => d.getMap('votes').set('__proto__', 1))
    expect(checkRoomUpdate('private', t.server, proto, voting)?.code).toBe('invalid')
    const other = t.change((d) => d.getMap('session').set('locked', true))
    expect(checkRoomUpdate('board', t.server, other, facilitator)?.code).toBe('invalid')
  })

  it('takes votes only while voting is open, never past the budget; taking them back always', () => {
    const t = setup()
    const give = (n: number, id = 'n1') => t.change((d) => d.getMap('votes').set(id, n))
    for (const closed of [undefined, null])
      expect(
        checkRoomUpdate('private', t.server, give(1), { ...annWrites, voteBudget: closed }),
      ).toMatchObject({
        code: 'not-allowed',
        field: 'votes',
      })
    const open: Writer = { ...annWrites, voteBudget: 3 }
    expect(checkRoomUpdate('private', t.server, give(3), open)).toBeNull()
    expect(checkRoomUpdate('private', t.server, give(4), open)?.code).toBe('not-allowed')
    Y.applyUpdate(t.server, give(2))
    // 2 given: one more elsewhere is within the budget, two more are not; moving all of them is
    expect(checkRoomUpdate('private', t.server, give(1, 'n2'), open)).toBeNull()
    expect(checkRoomUpdate('private', t.server, give(2, 'n2'), open)?.code).toBe('not-allowed')
    const move = t.change((d) => {
      d.getMap('votes').delete('n1')
      d.getMap('votes').set('n2', 3)
    })
    expect(checkRoomUpdate('private', t.server, move, open)).toBeNull()
    // one key written twice at once by two client ids (Yjs keeps the higher id's, 50): refused
    const hi = new Y.Doc()
    hi.clientID = 2_000_000_002
    const lo = new Y.Doc()
    lo.clientID = 1_000_000_002
    const sv = Y.encodeStateVector(t.server)
    for (const d of [hi, lo]) Y.applyUpdate(d, Y.encodeStateAsUpdate(t.server))
    hi.getMap('votes').set('n3', 50)
    lo.getMap('votes').set('n3', 1)
    const raced = Y.mergeUpdates([Y.encodeStateAsUpdate(hi, sv), Y.encodeStateAsUpdate(lo, sv)])
    expect(checkRoomUpdate('private', t.server, raced, open)).toMatchObject({ code: 'invalid', field: 'n3' })
    // after voting ends: taking back is allowed, giving is not
    const back = t.change((d) => d.getMap('votes').delete('n1'))
    expect(checkRoomUpdate('private', t.server, back, annWrites)).toBeNull()
  })

  it('resolves long runs of typing, also by several people in one merged update', () => {
    const t = setup()
    const id = noteBy(t)
    const a = new Y.Doc()
    const b = new Y.Doc()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(t.server))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(t.server))
    const sv = Y.encodeStateVector(t.server)
    const para = (d: Y.Doc) => (textOf(d, id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText
    // one character per transaction: every item's neighbour is the one before it
    for (let i = 0; i < 3000; i++) para(b).insert(para(b).length, 'b')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    for (let i = 0; i < 3000; i++) para(a).insert(para(a).length, 'a')
    const merged = Y.mergeUpdates([Y.encodeStateAsUpdate(a, sv), Y.encodeStateAsUpdate(b, sv)])
    expect(checkRoomUpdate('board', t.server, merged, annWrites)).toBeNull()
  })

  it('refuses removing what an older document nested too deeply for Yjs to remove safely', () => {
    const t = setup()
    const id = noteBy(t)
    // written before the relay checked nesting: straight into the server's document
    let at: Y.XmlFragment | Y.XmlElement = textOf(t.server, id)!
    for (let i = 0; i < 60; i++) {
      const el = new Y.XmlElement('blockquote')
      at.insert(0, [el])
      at = el
    }
    const remove = t.change((d) => deleteObjects(d, [id], ann))
    expect(checkRoomUpdate('board', t.server, remove, annWrites)?.code).toBe('too-deep')
  })
})

describe('roots only the server writes', () => {
  it('refuses answers, removed people and the lobby from any client, facilitators included; Admit people is a facilitator setting', () => {
    const writes: [RoomKind, (d: Y.Doc) => void][] = [
      ['control', (d) => answersOf(d).set('a'.repeat(43), 'agree')],
      ['control', (d) => removedOf(d).set('a'.repeat(43), true)],
      ['facilitator', (d) => lobbyOf(d).set('a'.repeat(43), { name: 'Ann', since: 1 })],
    ]
    for (const [kind, fn] of writes) {
      const t = setup()
      for (const writer of [annWrites, facilitator])
        expect(checkRoomUpdate(kind, t.server, t.change(fn), writer)).toMatchObject({ code: 'not-allowed' })
    }
    const t = setup()
    const admit = t.change((d) => setAdmitPeople(d, true, ann))
    expect(checkRoomUpdate('control', t.server, admit, facilitator)).toBeNull()
    expect(checkRoomUpdate('control', t.server, admit, annWrites)).toMatchObject({ code: 'facilitator-only' })
  })
})
