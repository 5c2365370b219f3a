import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { correctPresence } from '../../server/relay/awareness'
import { nameKey } from '../../server/names'
import { createMemoryStorage } from '../../server/storage/memory'
import { openSqliteStorage } from '../../server/storage/sqlite'
import type { PersonRecord, Storage } from '../../server/storage/types'

const S = 'SSSSSSSSSSSSSSSSSSSSSS'
const key = (n: number): Buffer => Buffer.alloc(32, n)
const person = (id: string, over: Partial<PersonRecord> = {}): PersonRecord => ({
  sessionId: S,
  id,
  name: id,
  role: 'participant',
  status: 'admitted',
  answer: null,
  joinedAt: 1000,
  decidedAt: null,
  decidedBy: null,
  ...over,
})

function sqlite(): Storage {
  const dir = mkdtempSync(join(tmpdir(), 'wb-people-'))
  const storage = openSqliteStorage(dir)
  onTestFinished(() => {
    storage.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return storage
}

describe.each([
  ['sqlite', sqlite],
  ['memory', createMemoryStorage],
] as const)('people in %s storage', (_name, open) => {
  it('adds within the caps, updates, lists in join order, logs, renews a key, and deletes with the session', async () => {
    const storage = open()
    await storage.createSession(
      {
        id: S,
        title: 't',
        template: 'x',
        createdAt: 1,
        keyHashes: { facilitator: key(1), participant: key(2), viewer: key(3) },
      },
      [],
    )
    const caps = { maxPeople: 3, maxWaiting: 1 }
    expect(await storage.addPerson(person('a', { joinedAt: 1 }), caps)).toBe('added')
    expect(await storage.addPerson(person('w', { status: 'waiting', joinedAt: 2 }), caps)).toBe('added')
    expect(await storage.addPerson(person('w2', { status: 'waiting' }), caps)).toBe('waiting-full')
    expect(await storage.addPerson(person('b', { joinedAt: 3 }), caps)).toBe('added')
    expect(await storage.addPerson(person('c'), caps)).toBe('full')

    const admitted = await storage.updatePerson(S, 'w', { status: 'admitted', decidedAt: 5, decidedBy: 'a' })
    expect(admitted).toMatchObject({ id: 'w', status: 'admitted', decidedAt: 5, decidedBy: 'a', joinedAt: 2 })
    expect(await storage.updatePerson(S, 'nobody', { name: 'x' })).toBeUndefined()
    await storage.updatePerson(S, 'a', { answer: 'agree', name: 'Ann' })
    expect(await storage.getPerson(S, 'a')).toEqual(
      person('a', { joinedAt: 1, answer: 'agree', name: 'Ann' }),
    )
    expect((await storage.listPeople(S)).map((p) => p.id)).toEqual(['a', 'w', 'b'])
    expect(await storage.getPerson('other-session', 'a')).toBeUndefined()

    await storage.appendLog({ sessionId: S, at: 5, action: 'admitted', actor: 'a', subject: 'w' })
    await storage.appendLog({ sessionId: S, at: 6, action: 'link-renewed', actor: 'key', subject: 'viewer' })
    expect((await storage.readLog(S)).map((e) => e.action)).toEqual(['admitted', 'link-renewed'])

    await storage.setKeyHash(S, 'viewer', key(9))
    expect((await storage.getSession(S))?.keyHashes).toEqual({
      facilitator: key(1),
      participant: key(2),
      viewer: key(9),
    })

    await storage.deleteSession(S)
    expect(await storage.listPeople(S)).toEqual([])
    expect(await storage.readLog(S)).toEqual([])
  })
})

describe('presence correction', () => {
  const person = { id: 'p'.repeat(43), name: 'Ann' }
  const taken = new Set([nameKey('Fay Facilitator')])
  const claim = JSON.stringify({
    user: { id: 'fay', name: 'Fay Facilitator', role: 'facilitator', color: '#d1495b' },
    cursor: { canvas: 'c', x: 1, y: 2 },
  })

  it('says what the server knows of a person, keeping the rest of the state', () => {
    const out = JSON.parse(correctPresence(claim, 7, { role: 'participant', person, takenNames: taken })!)
    expect(out).toEqual({
      user: { id: person.id, name: 'Ann', role: 'participant', color: '#d1495b' },
      cursor: { canvas: 'c', x: 1, y: 2 },
    })
  })

  it('makes a guest of a tokenless connection, never with an admitted person’s name', () => {
    const out = JSON.parse(correctPresence(claim, 7, { role: 'viewer', person: null, takenNames: taken })!)
    expect(out.user).toEqual({ id: 'guest-7', name: 'Guest', role: 'viewer', color: '#d1495b' })
    const own = JSON.stringify({ user: { name: '  fay facilitator ' } })
    expect(
      JSON.parse(correctPresence(own, 7, { role: 'viewer', person: null, takenNames: taken })!).user.name,
    ).toBe('Guest')
    const free = JSON.stringify({ user: { name: 'Gus' } })
    expect(
      JSON.parse(correctPresence(free, 7, { role: 'viewer', person: null, takenNames: taken })!).user.name,
    ).toBe('Gus')
  })

  it('drops a state without a user object', () => {
    const who = { role: 'participant' as const, person, takenNames: taken }
    for (const json of ['{}', '{"user":"Fay"}', '{"user":null}', '{"user":[1]}', '[]', '"x"'])
      expect(correctPresence(json, 1, who), json).toBeNull()
  })
})
