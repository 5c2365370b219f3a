import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { docFromUpdates } from '../../shared/export/snapshot'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom, facilitatorRoom, privateRoom } from '../../shared/rooms'
import { objectsOf, textOf } from '../../shared/schema/boardDoc'
import {
  agendaOf,
  canvasesOf,
  commitmentsOf,
  guidanceOf,
  readAgenda,
  readCanvases,
} from '../../shared/schema/controlDoc'
import { myVotesOf, readFacilitation, resultsOf } from '../../shared/schema/facilitation'
import { loadStoredDoc, noteTexts } from '../helpers/board'
import { harness, type Harness } from '../helpers/harness'
import { nestDeep, plantUpdate, recordingLogger } from '../helpers/plant'
import { createSession, joinSession, synced, type CreatedSession } from '../helpers/server'

const ann = createOrigin('u-ann', 'Ann Author')
const DEEP = 20_000

/** The server's log lines saying what an endpoint skipped. */
const skipLines = (lines: Record<string, unknown>[], endpoint: string) =>
  lines.filter((l) => l.endpoint === endpoint && l.skipped !== undefined)

/** A session whose stored board holds two good notes, a string entry, a map of wrong fields and a 20,000-deep note. */
async function hostileSession(h: Harness): Promise<{ s: CreatedSession; canvas: string }> {
  const s = await createSession(h.server.http, 'sense-making', 'Hostile')
  const canvas = readCanvases(docFromUpdates(await h.server.storage.load(controlRoom(s.id))))[0]!.id
  await plantUpdate(h.server.storage, s.id, (doc) => {
    addObject(doc, { kind: 'sticky', canvas, x: 50, y: 50, text: 'Good note one', id: 'good-1' }, ann)
    addObject(doc, { kind: 'sticky', canvas, x: 300, y: 50, text: 'Good note two', id: 'good-2' }, ann)
    addObject(doc, { kind: 'sticky', canvas, x: 550, y: 50, id: 'deep' }, ann)
    nestDeep(textOf(doc, 'deep')!, DEEP)
    objectsOf(doc).set('x', 'hello' as never)
    const wrong = new Y.Map<unknown>()
    objectsOf(doc).set('wrong', wrong)
    wrong.set('kind', 'sticky')
    wrong.set('x', 'far left')
    wrong.set('canvas', 7)
  })
  return { s, canvas }
}

const get = (h: Harness, s: CreatedSession, format: string) =>
  fetch(`${h.server.http}/api/sessions/${s.id}/export?format=${format}&key=${s.keys.facilitator}`)
const post = (h: Harness, path: string, body?: unknown) =>
  fetch(`${h.server.http}${path}`, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })

describe('every reader on the server skips and counts what it cannot read', () => {
  it('exports md, json and csv of a board with a string entry, wrong fields and a 20,000-deep note', async () => {
    const { log, lines } = recordingLogger()
    const h = await harness({ log })
    const { s } = await hostileSession(h)
    for (const format of ['md', 'csv', 'json']) {
      const res = await get(h, s, format)
      expect(res.status, format).toBe(200)
      const body = await res.text()
      expect(body, format).toContain('Good note one')
      expect(body, format).toContain('Good note two')
      expect(body, format).toContain('level 1') // the deep note, as far as it can be read
      expect(body, format).not.toContain('hello')
      expect(skipLines(lines, `export.${format}`).map((l) => l.skipped)).toEqual([
        { objects: 2, richText: 1 },
      ])
    }
    const json = (await (await get(h, s, 'json')).json()) as {
      skipped: number
      objects: { id: string }[]
    }
    expect(json.skipped).toBe(3)
    expect(json.objects.map((o) => o.id)).toEqual(expect.arrayContaining(['good-1', 'good-2', 'deep']))

    // the import takes the export back, and the copy reads whole
    const imported = await post(h, '/api/sessions/import', json)
    expect(imported.status).toBe(201)
    const { id, links } = (await imported.json()) as { id: string; links: { facilitator: string } }
    const key = new URL(links.facilitator, 'http://x').searchParams.get('key')
    const again = (await (
      await fetch(`${h.server.http}/api/sessions/${id}/export?format=json&key=${key}`)
    ).json()) as typeof json
    expect(again.skipped).toBe(0)
    expect(again.objects.length).toBe(json.objects.length)
  })

  it('Reveal moves the good private notes of every room and leaves the bad entries where they were', async () => {
    const { log, lines } = recordingLogger()
    const h = await harness({ log })
    const { s, canvas } = await hostileSession(h)
    // private rooms of people the server admitted (only theirs are revealed)
    const join = async (name: string) =>
      (await joinSession(h.server.http, s.id, s.keys.participant, name)).person
    const [a, b] = [await join('A'), await join('B')]
    await plantUpdate(h.server.storage, privateRoom(s.id, a), (doc) => {
      addObject(doc, { kind: 'sticky', canvas, x: 0, y: 0, text: 'Private A', id: 'priv-a' }, ann)
      addObject(doc, { kind: 'sticky', canvas, x: 0, y: 0, id: 'priv-deep' }, ann)
      nestDeep(textOf(doc, 'priv-deep')!, DEEP)
      objectsOf(doc).set('junk', 'hello' as never)
    })
    await plantUpdate(h.server.storage, privateRoom(s.id, b), (doc) => {
      addObject(doc, { kind: 'sticky', canvas, x: 0, y: 0, text: 'Private B', id: 'priv-b' }, ann)
    })
    const res = await post(h, `/api/sessions/${s.id}/reveal?key=${s.keys.facilitator}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ revealed: 2 })
    const { doc: board } = await loadStoredDoc(h.server.storage, s.id)
    expect(noteTexts(board)).toEqual(
      expect.arrayContaining(['Good note one', 'Good note two', 'Private A', 'Private B']),
    )
    const { doc: roomA } = await loadStoredDoc(h.server.storage, privateRoom(s.id, a))
    expect([...objectsOf(roomA).keys()].sort()).toEqual(['junk', 'priv-deep'])
    const { doc: roomB } = await loadStoredDoc(h.server.storage, privateRoom(s.id, b))
    expect(objectsOf(roomB).size).toBe(0)
    expect(skipLines(lines, 'reveal').map((l) => l.skipped)).toEqual([{ objects: 2 }])
  })

  it('End voting counts the good votes and skips strings, NaN, negatives, fractions and nested types', async () => {
    const { log, lines } = recordingLogger()
    const h = await harness({ log })
    const { s } = await hostileSession(h)
    const people = await Promise.all(
      ['A', 'B', 'C'].map((name) => joinSession(h.server.http, s.id, s.keys.participant, name)),
    )
    const rooms = people.map(({ person }) => privateRoom(s.id, person))
    await plantUpdate(h.server.storage, rooms[0]!, (doc) => {
      const votes = myVotesOf(doc) as Y.Map<unknown>
      votes.set('good-1', 2)
      votes.set('zz-string', 'lots')
      votes.set('zz-nan', NaN)
      votes.set('zz-negative', -5)
      votes.set('zz-fraction', 0.5)
    })
    await plantUpdate(h.server.storage, rooms[1]!, (doc) => myVotesOf(doc).set('good-2', 1))
    await plantUpdate(h.server.storage, rooms[2]!, (doc) => {
      const votes = myVotesOf(doc) as Y.Map<unknown>
      votes.set('good-2', 1e308) // a crafted count: the budget (3), no more
      let at = new Y.Map<unknown>()
      votes.set('zz-deep', at)
      for (let i = 0; i < DEEP; i++) {
        const next = new Y.Map<unknown>()
        at.set('m', next)
        at = next
      }
    })
    await plantUpdate(h.server.storage, controlRoom(s.id), (doc) => {
      ;(resultsOf(doc) as Y.Map<unknown>).set('stale', 'many')
    })
    const res = await post(h, `/api/sessions/${s.id}/voting/end?key=${s.keys.facilitator}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ results: { 'good-1': 2, 'good-2': 4 } })
    const { doc: control } = await loadStoredDoc(h.server.storage, controlRoom(s.id))
    expect(readFacilitation(control).results).toEqual({ 'good-1': 2, 'good-2': 4 })
    expect(resultsOf(control).size).toBe(2)
    const left = await Promise.all(rooms.map((r) => loadStoredDoc(h.server.storage, r)))
    // every vote is cleared but the one too deeply nested for Yjs to delete
    expect(left.map(({ doc }) => [...myVotesOf(doc).keys()])).toEqual([[], [], ['zz-deep']])
    expect(skipLines(lines, 'voting/end').map((l) => l.skipped)).toEqual([{ votes: 5 }])
    const md = await (await get(h, s, 'md')).text()
    expect(md).toContain('Good note two (*Ann Author* · 4 votes)')
  })

  it('saves as a template past a string board entry, a deep note and bad control and facilitator entries', async () => {
    const { log, lines } = recordingLogger()
    const h = await harness({ log })
    const { s } = await hostileSession(h)
    const control = docFromUpdates(await h.server.storage.load(controlRoom(s.id)))
    const steps = readAgenda(control)
    await plantUpdate(h.server.storage, controlRoom(s.id), (doc) => {
      ;(agendaOf(doc) as Y.Array<unknown>).push(['a step that is a string'])
      ;(canvasesOf(doc) as Y.Array<unknown>).push([42])
      ;(commitmentsOf(doc) as Y.Array<unknown>).push([{ en: 7 }])
    })
    await plantUpdate(h.server.storage, facilitatorRoom(s.id), (doc) => {
      ;(guidanceOf(doc) as Y.Map<unknown>).set(steps[0]!.id, { not: 'text' })
    })
    const res = await post(h, `/api/sessions/${s.id}/template?key=${s.keys.facilitator}`, {
      title: 'From a hostile board',
    })
    expect(res.status).toBe(201)
    const { id: template } = (await res.json()) as { id: string }
    expect(skipLines(lines, 'template').map((l) => l.skipped)).toEqual([
      { objects: 2, richText: 1, canvases: 1, agenda: 1, commitments: 1, guidance: 1 },
    ])
    const fresh = await createSession(h.server.http, template, 'Next time')
    const c = h.open(controlRoom(fresh.id), fresh.keys.facilitator)
    await synced(c)
    expect(readAgenda(c.doc).map((step) => step.title)).toEqual(steps.map((step) => step.title))
    expect(readCanvases(c.doc).map((x) => x.name)).toEqual(readCanvases(control).map((x) => x.name))
  })

  it('answers 422, not 500, when a set-up holds more than a template can', async () => {
    const h = await harness()
    const { s } = await hostileSession(h)
    await plantUpdate(h.server.storage, controlRoom(s.id), (doc) => {
      commitmentsOf(doc).push(Array.from({ length: 60 }, (_, i) => `Commitment ${i}`))
    })
    const res = await post(h, `/api/sessions/${s.id}/template?key=${s.keys.facilitator}`, {
      title: 'Too big',
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: string }).error).toMatch(/does not fit in a template: commitments/)
  })

  it('refuses an import with bad entries with a 400 that says where, and creates nothing', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const good = (await (await get(h, s, 'json')).json()) as Record<string, unknown> & {
      objects: Record<string, unknown>[]
    }
    const first = good.objects[0]!
    // too deep for JSON.stringify itself: the deep parts are spliced into the text
    const withDeep = (richText: unknown[], deep: string): string =>
      JSON.stringify({ ...good, objects: [{ ...first, richText }] }).replace('"DEEP"', deep)
    const deepNode = `${'{"type":"element","name":"blockquote","attrs":{},"children":['.repeat(DEEP)}{"type":"text","delta":[{"insert":"x"}]}${']}'.repeat(DEEP)}`
    const deepValue = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`
    const before = (await h.server.storage.listRooms('')).length
    const cases: [string, string, RegExp][] = [
      ['a string for an object', JSON.stringify({ ...good, objects: ['hello'] }), /objects\.0/],
      [
        'props of the wrong type',
        JSON.stringify({ ...good, objects: [{ ...first, props: 'big' }] }),
        /objects\.0\.props/,
      ],
      ['a string for a step', JSON.stringify({ ...good, agenda: ['step'] }), /agenda\.0/],
      ['a number for a canvas', JSON.stringify({ ...good, canvases: [42] }), /canvases\.0/],
      ['votes that are not counts', JSON.stringify({ ...good, votes: { a: 'many' } }), /votes\.a/],
      ['20,000-deep rich text', withDeep(['DEEP'], deepNode), /deeper than 32/],
      [
        '20,000-deep attributes',
        withDeep([{ type: 'element', name: 'p', attrs: { a: 'DEEP' }, children: [] }], deepValue),
        /deeper than 32/,
      ],
    ]
    for (const [name, body, message] of cases) {
      const res = await fetch(`${h.server.http}/api/sessions/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(res.status, name).toBe(400)
      expect(((await res.json()) as { error: string }).error, name).toMatch(message)
    }
    expect((await h.server.storage.listRooms('')).length).toBe(before)
  })

  it('npm run export reads a hostile board: exit 0, the good notes, what it skipped on stderr', async () => {
    const h = await harness()
    const { s } = await hostileSession(h)
    for (const format of ['md', 'csv', 'json']) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/cli/export.ts', s.id, '--format', format],
        {
          cwd: join(import.meta.dirname, '..', '..'),
          env: { ...process.env, DATA_DIR: h.server.dataDir },
          encoding: 'utf8',
        },
      )
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout, format).toContain('Good note one')
      expect(r.stdout, format).toContain('level 1')
      expect(r.stderr, format).toMatch(/skipped 3 unreadable entries \(2 objects, 1 richText\)/)
    }
  })
})
