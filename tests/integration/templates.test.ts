import { describe, expect, it } from 'vitest'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom } from '../../shared/rooms'
import { commitmentsOf, readAgenda, readCanvases, readCommitments } from '../../shared/schema/controlDoc'
import { harness } from '../helpers/harness'
import { createSession, synced } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')

describe('save a session’s set-up as a new template', () => {
  it('is listed, makes sessions with the same set-up, survives a restart, and only facilitators may save', async () => {
    const h = await harness()
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
    expect(saved).toMatchObject({ title: 'Our recipe wall', description: 'Spring edition' })

    await h.restart()
    const list = (await (await fetch(`${h.server.http}/api/templates`)).json()) as {
      id: string
      title: string
    }[]
    expect(list.map((t) => t.id)).toEqual(['sense-making', 'collage', 'recipe-wall', 'flipchart', saved.id])

    const fresh = await createSession(h.server.http, saved.id, 'Summer recipes')
    const c2 = h.open(controlRoom(fresh.id), fresh.keys.facilitator)
    await synced(c2)
    expect(readCommitments(c2.doc).at(-1)).toBe('We bring food to share.')
    expect(readCanvases(c2.doc).map((c) => c.name)).toEqual(['Commitments', 'Recipe wall'])
    expect(readAgenda(c2.doc).length).toBe(4)
  })
})
