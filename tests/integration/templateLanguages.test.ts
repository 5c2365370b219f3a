import { describe, expect, it } from 'vitest'
import { controlRoom, facilitatorRoom } from '../../shared/rooms'
import {
  guidanceOf,
  readAgenda,
  readCanvases,
  readCommitments,
  readSessionInfo,
} from '../../shared/schema/controlDoc'
import { harness, type Harness } from '../helpers/harness'
import { keyOf, postSession, synced } from '../helpers/server'

const HAN = /\p{Script=Han}/u

const create = (h: Harness, body: unknown): Promise<Response> => postSession(h.server.http, body)

describe('templates in the creator’s language', () => {
  it('GET /api/templates?lang=zh-CN lists the built-in templates in Chinese; no lang is English', async () => {
    const h = await harness()
    const zh = (await (await fetch(`${h.server.http}/api/templates?lang=zh-CN`)).json()) as {
      id: string
      title: string
      description: string
    }[]
    expect(zh.map((t) => t.id)).toEqual(['sense-making', 'collage', 'recipe-wall', 'flipchart'])
    for (const t of zh) {
      expect(t.title).toMatch(HAN)
      expect(t.description).toMatch(HAN)
    }
    const en = (await (await fetch(`${h.server.http}/api/templates`)).json()) as { title: string }[]
    expect(en[0]!.title).toBe('Sense-making session')
  })

  it('refuses an unknown lang with a 400 and a JSON error, on both routes', async () => {
    const h = await harness()
    const list = await fetch(`${h.server.http}/api/templates?lang=klingon`)
    expect(list.status).toBe(400)
    expect(((await list.json()) as { error: string }).error).toMatch(/lang must be one of en, zh-CN/)
    for (const lang of ['fr', '', 42, null]) {
      const res = await create(h, { template: 'sense-making', title: 'x', lang })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/lang/)
    }
  })

  it('a session created with lang zh-CN starts with Chinese commitments, canvases, prompts and guidance', async () => {
    const h = await harness()
    const res = await create(h, { template: 'sense-making', title: '', lang: 'zh-CN' })
    expect(res.status).toBe(201)
    const { id, links } = (await res.json()) as { id: string; links: Record<string, string> }
    const control = h.open(controlRoom(id), keyOf(links.facilitator!))
    const fac = h.open(facilitatorRoom(id), keyOf(links.facilitator!))
    await Promise.all([synced(control), synced(fac)])
    // an empty title takes the template's title, in the same language
    expect(readSessionInfo(control.doc).title).toBe('共同梳理会')
    const commitments = readCommitments(control.doc)
    expect(commitments.length).toBe(7)
    expect(commitments.every((c) => HAN.test(c))).toBe(true)
    expect(readCanvases(control.doc)[0]!.name).toBe('约定')
    const agenda = readAgenda(control.doc)
    expect(agenda.map((s) => s.mode)).toEqual(['free', 'private', 'free', 'free', 'voting', 'free'])
    for (const step of agenda) {
      expect(step.title).toMatch(HAN)
      expect(step.prompt).toMatch(HAN)
      expect(guidanceOf(fac.doc).get(step.id)).toMatch(HAN)
    }
  })

  it('the contract body {template, title} still works and gives English', async () => {
    const h = await harness()
    const res = await create(h, { template: 'collage', title: 'Our street' })
    expect(res.status).toBe(201)
    const { id, links } = (await res.json()) as { id: string; links: Record<string, string> }
    const control = h.open(controlRoom(id), keyOf(links.participant!))
    await synced(control)
    expect(readCommitments(control.doc)[0]).toBe(
      'We listen to understand, and let one person speak at a time.',
    )
    expect(readCanvases(control.doc).map((c) => c.name)).toEqual(['Commitments', 'Collage'])
  })
})
