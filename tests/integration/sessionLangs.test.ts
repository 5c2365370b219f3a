import { describe, expect, it } from 'vitest'
import { controlRoom } from '../../shared/rooms'
import {
  readAgenda,
  readCanvases,
  readCommitmentTexts,
  readSessionInfo,
} from '../../shared/schema/controlDoc'
import { harness, type Harness } from '../helpers/harness'
import { keyOf, postSession, synced } from '../helpers/server'

const HAN = /\p{Script=Han}/u

const create = (h: Harness, body: unknown): Promise<Response> => postSession(h.server.http, body)

describe('POST /api/sessions with two languages', () => {
  it('{langs: [en, zh-CN]}: commitments and prompts in both, the title and canvases in the main one', async () => {
    const h = await harness()
    const res = await create(h, { template: 'sense-making', title: '', langs: ['en', 'zh-CN'] })
    expect(res.status).toBe(201)
    const { id, links } = (await res.json()) as { id: string; links: Record<string, string> }
    const control = h.open(controlRoom(id), keyOf(links.participant!))
    await synced(control)
    const info = readSessionInfo(control.doc)
    expect(info.langs).toEqual(['en', 'zh-CN'])
    expect(info.title).toBe('Sense-making session')
    expect(readCanvases(control.doc)[0]!.name).toBe('Commitments')
    const commitments = readCommitmentTexts(control.doc)
    expect(commitments).toHaveLength(7)
    for (const c of commitments) {
      expect(c.en).toMatch(/^[A-Z]/)
      expect(c['zh-CN']).toMatch(HAN)
    }
    for (const step of readAgenda(control.doc)) {
      expect(step.titles['zh-CN']).toMatch(HAN)
      expect(step.prompts.en).toMatch(/[a-z]/)
    }
  })

  it('Chinese first makes Chinese the main language; `lang` alone still gives one language', async () => {
    const h = await harness()
    const zhFirst = await create(h, {
      template: 'collage',
      title: 'x',
      langs: ['zh-CN', 'en'],
      lang: 'zh-CN',
    })
    expect(zhFirst.status).toBe(201)
    const a = (await zhFirst.json()) as { id: string; links: Record<string, string> }
    const one = await create(h, { template: 'collage', title: 'y', lang: 'zh-CN' })
    const b = (await one.json()) as { id: string; links: Record<string, string> }
    const [ca, cb] = [
      h.open(controlRoom(a.id), keyOf(a.links.participant!)),
      h.open(controlRoom(b.id), keyOf(b.links.participant!)),
    ]
    await Promise.all([synced(ca), synced(cb)])
    expect(readSessionInfo(ca.doc).langs).toEqual(['zh-CN', 'en'])
    expect(readCanvases(ca.doc)[1]!.name).toMatch(HAN)
    expect(readSessionInfo(cb.doc).langs).toEqual(['zh-CN'])
    expect(Object.keys(readCommitmentTexts(cb.doc)[0]!)).toEqual(['zh-CN'])
  })

  it('refuses unknown, too many, duplicated or contradicting languages with a 400 that says why', async () => {
    const h = await harness()
    const cases: [unknown, RegExp][] = [
      [['en', 'fr'], /each language must be one of en, zh-CN/],
      [['en', 'zh-CN', 'en'], /at most 2 languages/],
      [['zh-CN', 'zh-CN'], /twice/],
      [[], /at least one language/],
      ['en', /langs must be a list/],
    ]
    for (const [langs, message] of cases) {
      const res = await create(h, { template: 'sense-making', title: 'x', langs })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(message)
    }
    const contradicting = await create(h, {
      template: 'sense-making',
      title: 'x',
      lang: 'en',
      langs: ['zh-CN'],
    })
    expect(contradicting.status).toBe(400)
    expect(((await contradicting.json()) as { error: string }).error).toMatch(
      /lang \(en\) must be the first of langs/,
    )
    // and GET /api/templates keeps its shape
    const list = (await (await fetch(`${h.server.http}/api/templates`)).json()) as object[]
    expect(Object.keys(list[0]!).sort()).toEqual(['description', 'id', 'title'])
  })
})
