import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import sharp from 'sharp'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin, type Origin } from '../../shared/ops/origin'
import { castVote, setAnonymous, startVoting } from '../../shared/ops/session'
import { controlRoom, privateRoom } from '../../shared/rooms'
import { REACTIONS_KEY, objectsOf } from '../../shared/schema/boardDoc'
import { readCanvases } from '../../shared/schema/controlDoc'
import { writeRichText } from '../../shared/schema/richText'
import { harness, type Harness } from '../helpers/harness'
import { createSession, joinSession, synced, type CreatedSession } from '../helpers/server'

/**
 * Ann and Ben each prove who they are with the token the server issued them when they joined, and
 * write their own notes through their own connection (the server takes a note only as its writer's
 * own; a note's consent is its author's alone). Both are set by buildSession.
 */
let ann: Origin = createOrigin('', 'Ann Author')
let ben: Origin = createOrigin('', 'Ben Builder')
const TRICKY = 'Rice, beans & "greens"\nline two — 米饭和豆子'

/** A sense-making session built through the stock client: notes in themes, votes, an image, a recipe. */
async function buildSession(h: Harness): Promise<{ s: CreatedSession; ids: Record<string, string> }> {
  const s = await createSession(h.server.http, 'sense-making', 'Our *neighbourhood* report')
  const control = h.open(controlRoom(s.id), s.keys.facilitator)
  const joined = await joinSession(h.server.http, s.id, s.keys.participant, 'Ann Author')
  ann = createOrigin(joined.person, 'Ann Author')
  const board = h.open(s.id, s.keys.participant, { token: joined.token })
  const benJoined = await joinSession(h.server.http, s.id, s.keys.participant, 'Ben Builder')
  ben = createOrigin(benJoined.person, 'Ben Builder')
  const benBoard = h.open(s.id, s.keys.participant, { token: benJoined.token })
  await Promise.all([synced(control), synced(board), synced(benBoard)])
  const themes = readCanvases(control.doc).find((c) => c.name === 'Themes')!.id
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } })
    .png()
    .toBuffer()
  const up = await fetch(`${h.server.http}/api/sessions/${s.id}/images?key=${s.keys.participant}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(png),
  })
  const { src } = (await up.json()) as { src: string }
  const ids = {} as Record<string, string> & { popular: string; recipe: string; withheld: string }
  board.doc.transact(() => {
    // Theme 1 is the first frame (0,0 900×700)
    ids.popular = addObject(
      board.doc,
      { kind: 'sticky', canvas: themes, x: 50, y: 50, text: 'Popular idea' },
      ann,
    )
    ids.markdown = addObject(
      board.doc,
      { kind: 'sticky', canvas: themes, x: 50, y: 500, text: '# *not* a [link](x) <b>' },
      ann,
    )
    ids.described = addObject(
      board.doc,
      {
        kind: 'image',
        canvas: themes,
        x: 1100,
        y: 50,
        props: { src, alt: 'A mural on the bridge', w: 100, h: 100, mime: 'image/png' },
      },
      ann,
    )
    ids.undescribed = addObject(
      board.doc,
      {
        kind: 'image',
        canvas: themes,
        x: 1100,
        y: 300,
        props: { src, alt: '', w: 100, h: 100, mime: 'image/png' },
      },
      ann,
    )
    ids.recipe = addObject(
      board.doc,
      {
        kind: 'recipe',
        canvas: themes,
        x: 2100,
        y: 50,
        props: {
          title: 'Listening circle',
          forWhom: 'New groups',
          ingredients: ['chairs', 'a talking stick'],
          tips: 'Go slow',
          credits: ['Ann Author', 'Chen Wei'],
          anonymous: false,
        },
      },
      ann,
    )
  }, ann)
  benBoard.doc.transact(() => {
    ids.quiet = addObject(
      benBoard.doc,
      { kind: 'sticky', canvas: themes, x: 300, y: 50, text: 'Quiet idea' },
      ben,
    )
    ids.tricky = addObject(benBoard.doc, { kind: 'sticky', canvas: themes, x: 50, y: 300, text: TRICKY }, ben)
    ids.formula = addObject(
      benBoard.doc,
      { kind: 'sticky', canvas: themes, x: 300, y: 300, text: '=HYPERLINK("x")' },
      ben,
    )
    ids.withheld = addObject(
      benBoard.doc,
      { kind: 'sticky', canvas: themes, x: 500, y: 500, text: 'Please leave me out' },
      ben,
    )
    objectsOf(benBoard.doc).get(ids.withheld)!.set('consent', false)
  }, ben)
  // Ben's and Cat's reactions, written here through a facilitator's connection (a participant's
  // connection gives only its own)
  const facBoard = h.open(s.id, s.keys.facilitator)
  await expect.poll(() => objectsOf(facBoard.doc).has(ids.popular)).toBe(true)
  const reactions = new Y.Map<boolean>()
  reactions.set(`👍 ${ben.userId}`, true)
  reactions.set('👍 u-cat', true)
  objectsOf(facBoard.doc).get(ids.popular)!.set(REACTIONS_KEY, reactions)
  const method = objectsOf(board.doc).get(ids.recipe)!.get('text') as Y.XmlFragment
  board.doc.transact(
    () =>
      writeRichText(method, [
        {
          type: 'element',
          name: 'paragraph',
          attrs: {},
          children: [{ type: 'text', delta: [{ insert: 'Sit in a circle' }] }],
        },
        {
          type: 'element',
          name: 'paragraph',
          attrs: {},
          children: [{ type: 'text', delta: [{ insert: 'Pass the stick' }] }],
        },
      ]),
    ann,
  )
  startVoting(control.doc, 3, ann)
  const { token, person } = await joinSession(h.server.http, s.id, s.keys.participant, 'Voter')
  const voter = h.open(privateRoom(s.id, person), s.keys.participant, { token })
  await synced(voter)
  castVote(voter.doc, ids.popular, 3, 3, createOrigin(person, 'Voter'))
  const seen = h.open(privateRoom(s.id, person), s.keys.facilitator)
  await synced(seen)
  await expect.poll(() => seen.doc.getMap('votes').size).toBe(1)
  const probe = h.open(s.id, s.keys.viewer)
  await synced(probe)
  await expect.poll(() => objectsOf(probe.doc).size).toBeGreaterThan(10)
  await expect
    .poll(() => (objectsOf(probe.doc).get(ids.recipe)?.get('text') as Y.XmlFragment | undefined)?.length)
    .toBe(2)
  expect(
    (
      await fetch(`${h.server.http}/api/sessions/${s.id}/voting/end?key=${s.keys.facilitator}`, {
        method: 'POST',
      })
    ).status,
  ).toBe(200)
  return { s, ids }
}

const get = (h: Harness, s: CreatedSession, format: string, key = s.keys.facilitator) =>
  fetch(`${h.server.http}/api/sessions/${s.id}/export?format=${format}&key=${key}`)

describe('exports', () => {
  it('Markdown: commitments, agenda, notes by theme and votes, alt text, recipes, credit and consent', async () => {
    const h = await harness()
    const { s } = await buildSession(h)
    const res = await get(h, s, 'md')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/)
    const md = await res.text()
    expect(md).toMatch(/^# Our \\\*neighbourhood\\\* report/)
    expect(md).toContain('## Community Commitments')
    expect(md).toContain('We listen to understand')
    expect(md).toContain('Think of a moment this year') // an agenda prompt
    expect(md).toContain('### Theme 1')
    expect(md.indexOf('Popular idea')).toBeLessThan(md.indexOf('Quiet idea')) // ordered by votes
    expect(md).toMatch(/Popular idea \(\*Ann Author\* · 3 votes · 👍 2\)/)
    expect(md).toContain('Image: A mural on the bridge')
    expect(md).toContain('Image: no description')
    expect(md).toContain('#### Recipe: Listening circle')
    expect(md).toContain('_Recipe by Ann Author and Chen Wei_')
    expect(md).toMatch(/1\. Sit in a circle\n2\. Pass the stick/)
    expect(md).toContain('- chairs')
    expect(md).not.toContain('Please leave me out')
    expect(md).toContain('\\# \\*not\\* a \\[link\\]\\(x\\) \\<b\\>')
    expect(md).not.toContain('<b>')
  })

  it('CSV: one row per object, RFC 4180 quoting, injection neutralised, UTF-8 for spreadsheets', async () => {
    const h = await harness()
    const { s } = await buildSession(h)
    const res = await get(h, s, 'csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const csv = await res.text()
    expect(csv.startsWith('canvas,frame,kind,content_note,text,author,votes,created,lang\r\n')).toBe(true) // fetch strips the BOM
    expect(csv).toContain(`Themes,Theme 1,sticky,,"${TRICKY.replaceAll('"', '""')}",Ben Builder,0,`)
    expect(csv).toContain(`Themes,Theme 1,sticky,,Popular idea,Ann Author,3,`)
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv).toContain('image,,No description,Ann Author')
    expect(csv).not.toContain('Please leave me out')
    const raw = Buffer.from(await (await get(h, s, 'csv')).arrayBuffer())
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('anonymous sessions credit no one', async () => {
    const h = await harness()
    const { s } = await buildSession(h)
    const control = h.open(controlRoom(s.id), s.keys.facilitator)
    await synced(control)
    setAnonymous(control.doc, true, ann)
    await expect.poll(async () => (await (await get(h, s, 'md')).text()).includes('Ann Author')).toBe(false)
    const md = await (await get(h, s, 'md')).text()
    expect(md).toContain('Recipe by anonymous')
    expect(await (await get(h, s, 'csv')).text()).not.toMatch(/Ben Builder|Ann Author/)
  })

  it('JSON: export → import → export is the same apart from ids and times; images come along', async () => {
    const h = await harness()
    const { s } = await buildSession(h)
    const first = (await (await get(h, s, 'json')).json()) as Record<string, unknown>
    expect(first).toMatchObject({ format: 'workshop-whiteboard/session', version: 1 })
    expect(Object.keys(first.images as object)).toHaveLength(1)
    const imported = await fetch(`${h.server.http}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(first),
    })
    expect(imported.status).toBe(201)
    const copy = (await imported.json()) as { id: string; links: Record<string, string> }
    expect(copy.id).not.toBe(s.id)
    const key = new URL(copy.links.facilitator!, 'http://x').searchParams.get('key')!
    const second = (await (
      await fetch(`${h.server.http}/api/sessions/${copy.id}/export?format=json&key=${key}`)
    ).json()) as Record<string, unknown>
    const strip = ({ exportedAt: _t, ...rest }: Record<string, unknown>) => rest
    expect(strip(second)).toEqual(strip(first))
  })

  it('refuses unknown sessions (404), other keys (403) and unknown formats (400)', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    expect((await get(h, s, 'md', s.keys.participant)).status).toBe(403)
    expect((await get(h, s, 'md', s.keys.viewer)).status).toBe(403)
    const bad = await get(h, s, 'pptx')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/unknown format/)
    expect((await get(h, { ...s, id: 'A'.repeat(22) }, 'md')).status).toBe(404)
  })

  it('imports nothing from malformed, newer, unknown-kind or oversized exports', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const good = (await (await get(h, s, 'json')).json()) as Record<string, unknown> & {
      objects: Record<string, unknown>[]
    }
    const before = (await h.server.storage.listRooms('')).length
    const post = (body: string) =>
      fetch(`${h.server.http}/api/sessions/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    const cases: [string, string, number, RegExp][] = [
      ['malformed JSON', '{"format": "workshop', 400, /not valid JSON/],
      ['not an export', JSON.stringify({ hello: 1 }), 400, /not a session export/],
      ['newer version', JSON.stringify({ ...good, version: 2 }), 422, /newer/],
      [
        'unknown kind',
        JSON.stringify({ ...good, objects: [{ ...good.objects[0], kind: 'hologram' }] }),
        422,
        /unknown kind "hologram"/,
      ],
      [
        'bad props',
        JSON.stringify({ ...good, objects: [{ ...good.objects[0], props: { w: -1 } }] }),
        400,
        /invalid props/,
      ],
      [
        'a lying image',
        JSON.stringify({
          ...good,
          images: { ['a'.repeat(64)]: { mime: 'image/png', data: Buffer.from('<svg/>').toString('base64') } },
        }),
        400,
        /image/,
      ],
      ['oversized', JSON.stringify({ ...good, padding: 'x'.repeat(65 * 1024 * 1024) }), 413, /larger/],
      // each counted answer is stored as an entry: five million took the whole server down
      [
        'answers past a session',
        JSON.stringify({ ...good, answers: { agree: 5_000_000, discuss: 0 } }),
        400,
        /answers/,
      ],
      ['a vote past every budget', JSON.stringify({ ...good, votes: { n1: 1e9 } }), 400, /votes/],
      ['a vote at valueOf', JSON.stringify({ ...good, votes: { valueOf: 1 } }), 400, /votes/],
      [
        'a language that is no tag',
        JSON.stringify({ ...good, objects: [{ ...good.objects[0], lang: '!!' }] }),
        400,
        /lang/,
      ],
      ['off the board', JSON.stringify({ ...good, objects: [{ ...good.objects[0], x: 1e9 }] }), 400, /\bx\b/],
    ]
    for (const [name, body, status, message] of cases) {
      const res = await post(body)
      expect(res.status, name).toBe(status)
      expect(((await res.json()) as { error: string }).error, name).toMatch(message)
    }
    expect((await h.server.storage.listRooms('')).length).toBe(before)
  })
})

describe('npm run export (command line)', () => {
  const cli = (args: string[], dataDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    })

  it('exports md, csv and json from the database, with clear errors for an unknown session or format', async () => {
    const h = await harness()
    const { s } = await buildSession(h)
    const apiMd = await (await get(h, s, 'md')).text()
    const dir = mkdtempSync(join(tmpdir(), 'wb-cli-'))
    for (const format of ['md', 'csv', 'json']) {
      const out = join(dir, `out.${format}`)
      const r = cli([s.id, '--format', format, '--out', out], h.server.dataDir)
      expect(r.status, r.stderr).toBe(0)
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100)
    }
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe(apiMd)
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).objects.length).toBeGreaterThan(10)
    const unknown = cli(['A'.repeat(22), '--format', 'md'], h.server.dataDir)
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/no session "A{22}"/)
    // an id may begin with '-' (base64url): it is the id, not an option
    const dashed = cli(['-' + 'B'.repeat(21), '--format', 'md'], h.server.dataDir)
    expect(dashed.stderr).toMatch(/no session "-B{21}"/)
    const badFormat = cli([s.id, '--format', 'pptx'], h.server.dataDir)
    expect(badFormat.status).toBe(1)
    expect(badFormat.stderr).toMatch(/unknown format "pptx"/)
    expect(cli([], h.server.dataDir).stderr).toMatch(/usage: npm run export/)
    rmSync(dir, { recursive: true, force: true })
  })

  it('builds the insight report as DOCX, PDF and Markdown, honouring consent', async () => {
    const h = await harness()
    const { s } = await buildSession(h)
    // the same report over HTTP, for the facilitator key only
    const api = await get(h, s, 'docx')
    expect(api.status).toBe(200)
    expect(api.headers.get('content-type')).toMatch(/wordprocessingml/)
    expect(api.headers.get('content-disposition')).toContain('insight%20report.docx')
    const apiXml = strFromU8(unzipSync(new Uint8Array(await api.arrayBuffer()))['word/document.xml']!)
    expect(apiXml).toContain('Popular idea')
    expect(apiXml).not.toContain('Please leave me out')
    expect((await get(h, s, 'report-pdf', s.keys.participant)).status).toBe(403)
    const dir = mkdtempSync(join(tmpdir(), 'wb-cli-'))
    const run = (format: string, ...more: string[]) => {
      const out = join(dir, `report-${format}`)
      const r = cli([s.id, '--format', format, '--out', out, ...more], h.server.dataDir)
      expect(r.status, r.stderr).toBe(0)
      return readFileSync(out)
    }
    const md = run('report-md').toString('utf8')
    expect(md).toContain('# Our \\*neighbourhood\\* report')
    expect(md).toContain('Popular idea')
    expect(md).toContain('米饭和豆子')
    expect(md).not.toContain('Please leave me out')
    const docx = unzipSync(new Uint8Array(run('docx')))
    const xml = strFromU8(docx['word/document.xml']!)
    expect(xml).toContain('Popular idea')
    // the picture itself, with its description as Word's alt text
    expect(xml).toMatch(/<wp:docPr [^>]*descr="A mural on the bridge"/)
    expect(Object.keys(docx).some((f) => f.startsWith('word/media/'))).toBe(true)
    expect(xml).toContain('米饭和豆子')
    expect(xml).not.toContain('Please leave me out')
    const pdf = run('report-pdf')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
    if (process.env.KEEP_REPORT) writeFileSync(process.env.KEEP_REPORT, pdf)
    // the Chinese is real text in an embedded Noto Sans SC subset, not left out
    expect(pdf.toString('latin1')).toMatch(/NotoSansSC-0/)
    const zh = run('report-md', '--lang', 'zh-CN').toString('utf8')
    expect(zh).toContain('## 社区承诺')
    const badLang = cli([s.id, '--format', 'docx', '--lang', 'fr'], h.server.dataDir)
    expect(badLang.stderr).toMatch(/unknown language "fr"/)
    rmSync(dir, { recursive: true, force: true })
  })
})
