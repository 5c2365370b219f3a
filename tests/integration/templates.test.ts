import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom } from '../../shared/rooms'
import { commitmentsOf, readAgenda, readCanvases, readCommitments } from '../../shared/schema/controlDoc'
import { harness } from '../helpers/harness'
import { createSession, synced } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')

const ADMIN = 'operator-token-for-the-tests-0123456789'
type Listed = { id: string; title: string; published?: boolean }[]

describe('save a session’s set-up as a new template', () => {
  it('is offered to its facilitators only, makes sessions with the same set-up, survives a restart, until the operator publishes it', async () => {
    const h = await harness({ adminToken: ADMIN })
    const s = await createSession(h.server.http, 'recipe-wall', 'Spring recipes')
    const control = h.open(controlRoom(s.id), s.keys.facilitator)
    await synced(control)
    control.doc.transact(() => commitmentsOf(control.doc).push(['We bring food to share.']), fay)
    const save = (key: string, body: unknown) =>
      fetch(`${h.server.http}/api/sessions/${s.id}/template?key=${key}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await save(s.keys.participant, { title: 'Mine' })).status).toBe(403)
    expect((await save(s.keys.facilitator, { title: '   ' })).status).toBe(400)
    await expect
      .poll(async () => {
        const probe = await (
          await fetch(`${h.server.http}/api/sessions/${s.id}/export?format=json&key=${s.keys.facilitator}`)
        ).json()
        // each commitment in the session's languages (this one is English only)
        return (probe as { commitments: Record<string, string>[] }).commitments.at(-1)
      })
      .toEqual({ en: 'We bring food to share.' })
    const res = await save(s.keys.facilitator, { title: 'Our recipe wall', description: 'Spring edition' })
    expect(res.status).toBe(201)
    const saved = (await res.json()) as { id: string; title: string }
    expect(saved).toMatchObject({ title: 'Our recipe wall', description: 'Spring edition', published: false })
    expect(saved.id).toMatch(/^custom-[A-Za-z0-9_-]{25}$/)

    const everyone = async () =>
      ((await (await fetch(`${h.server.http}/api/templates`)).json()) as Listed).map((t) => t.id)
    const ofSession = (key: string) => fetch(`${h.server.http}/api/sessions/${s.id}/templates?key=${key}`)
    const builtIns = ['sense-making', 'collage', 'recipe-wall', 'flipchart']
    // not in everyone's list: its facilitators' device remembers it, and their key lists it
    expect(await everyone()).toEqual(builtIns)
    expect(((await (await ofSession(s.keys.facilitator)).json()) as Listed).map((t) => t.id)).toEqual([
      saved.id,
    ])
    expect((await ofSession(s.keys.participant)).status).toBe(403)
    const other = await createSession(h.server.http, 'recipe-wall', 'Someone else')
    const theirs = await fetch(
      `${h.server.http}/api/sessions/${other.id}/templates?key=${other.keys.facilitator}`,
    )
    expect(await theirs.json()).toEqual([])

    // the operator publishes it with the admin token: then everyone is offered it
    const publish = (token?: string, method = 'POST') =>
      fetch(`${h.server.http}/api/templates/${saved.id}/publish`, {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
    expect((await publish()).status).toBe(401)
    expect((await publish(`${ADMIN}x`)).status).toBe(401)
    expect((await publish(s.keys.facilitator)).status).toBe(401)
    expect(await everyone()).toEqual(builtIns)
    const published = await publish(ADMIN)
    expect(published.status).toBe(200)
    expect(await published.json()).toEqual({ id: saved.id, published: true })
    expect(
      (
        await fetch(`${h.server.http}/api/templates/custom-AAAAAAAAAAAAAAAAAAAAAAAAA/publish`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}` },
        })
      ).status,
    ).toBe(404)

    await h.restart()
    expect(await everyone()).toEqual([...builtIns, saved.id])
    expect((await publish(ADMIN, 'DELETE')).status).toBe(200)
    expect(await everyone()).toEqual(builtIns)

    const fresh = await createSession(h.server.http, saved.id, 'Summer recipes')
    const c2 = h.open(controlRoom(fresh.id), fresh.keys.facilitator)
    await synced(c2)
    expect(readCommitments(c2.doc).at(-1)).toBe('We bring food to share.')
    expect(readCanvases(c2.doc).map((c) => c.name)).toEqual(['Commitments', 'Recipe wall'])
    expect(readAgenda(c2.doc).length).toBe(4)
  })
})

describe('publishing templates', () => {
  it('is refused over HTTP when the server has no admin token', async () => {
    const h = await harness()
    const s = await createSession(h.server.http, 'flipchart', 'Board')
    const res = await fetch(`${h.server.http}/api/sessions/${s.id}/template?key=${s.keys.facilitator}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Mine' }),
    })
    const { id } = (await res.json()) as { id: string }
    const publish = await fetch(`${h.server.http}/api/templates/${id}/publish`, {
      method: 'POST',
      headers: { authorization: 'Bearer anything-at-all-anything-at-all' },
    })
    expect(publish.status).toBe(403)
    expect(((await publish.json()) as { error: string }).error).toMatch(/ADMIN_TOKEN/)
  })

  it('works from the command line, on the store the server reads', async () => {
    const h = await harness()
    const s = await createSession(h.server.http, 'flipchart', 'Board')
    const res = await fetch(`${h.server.http}/api/sessions/${s.id}/template?key=${s.keys.facilitator}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Flip' }),
    })
    const { id } = (await res.json()) as { id: string }
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/templates.ts', ...args], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: { ...process.env, DATA_DIR: h.server.dataDir, REDIS_URL: '' },
        encoding: 'utf8',
      })
    const listed = cli('list')
    expect(listed.status).toBe(0)
    expect(listed.stdout).toContain(`${id}\tprivate\t${s.id}\tFlip`)
    const published = cli('publish', id)
    expect(published.status, published.stderr).toBe(0)
    expect(published.stdout).toMatch(/Published/)
    const list = (await (await fetch(`${h.server.http}/api/templates`)).json()) as Listed
    expect(list.map((t) => t.id)).toContain(id)
    const unknown = cli('publish', 'custom-nope')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/no saved template "custom-nope"/)
    expect(cli('frobnicate').stderr).toMatch(/unknown command "frobnicate"/)
  })
})
