import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../../shared/export/snapshot'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { setAdmitPeople } from '../../shared/ops/session'
import {
  readAgenda,
  readCanvases,
  readCommitments,
  readSessionInfo,
  commitmentsOf,
} from '../../shared/schema/controlDoc'
import { buildSessionDocs, findTemplate } from '../../shared/templates'
import { templateFromSession, templateSchema } from '../../shared/templates/fromSession'

const load = (u: Uint8Array): Y.Doc => {
  const d = new Y.Doc()
  Y.applyUpdate(d, u)
  return d
}

describe('save a session as a template', () => {
  it('keeps commitments, canvases with frames and the agenda with guidance, and leaves notes behind', () => {
    const docs = buildSessionDocs(findTemplate('sense-making')!, 'Original')
    const [board, control, facilitator] = [load(docs.board), load(docs.control), load(docs.facilitator)]
    commitmentsOf(control).push(['We start and end on time.'])
    const themes = readCanvases(control).find((c) => c.name === 'Themes')!.id
    addObject(
      board,
      { kind: 'sticky', canvas: themes, x: 10, y: 10, text: 'a personal note' },
      createOrigin('u', 'U'),
    )

    const template = templateFromSession(
      readSnapshot(board, control, facilitator),
      'custom-1',
      'Our way',
      'Saved',
    )
    expect(templateSchema.safeParse(template).success).toBe(true)
    expect(template.admit).toBe(true) // Admit people, as the session had it
    expect(template.commitments.at(-1)).toEqual({ en: 'We start and end on time.' })
    expect(template.canvases.find((c) => c.name === 'Themes')!.frames).toHaveLength(4)
    expect(template.agenda[1]!.guidance).toMatch(/Private writing/)

    // a new session from it has the same set-up, and none of the notes
    const again = buildSessionDocs(template, 'Next time')
    const [b2, c2] = [load(again.board), load(again.control)]
    expect(readCommitments(c2)).toEqual(readCommitments(control))
    expect(readSessionInfo(c2).admit).toBe(true)
    expect(readCanvases(c2).map((c) => c.name)).toEqual(readCanvases(control).map((c) => c.name))
    expect(readAgenda(c2).map((s) => [s.title, s.mode, s.minutes])).toEqual(
      readAgenda(control).map((s) => [s.title, s.mode, s.minutes]),
    )
    const texts = [...b2.getMap('objects').values()].map((m) => (m as Y.Map<unknown>).get('kind'))
    expect(texts.every((k) => k === 'frame')).toBe(true)
    expect(readAgenda(c2).find((s) => s.title === 'Group into themes')!.canvas).toBe(
      readCanvases(c2).find((c) => c.name === 'Themes')!.id,
    )
  })
})

describe('Admit people in a saved template', () => {
  it('is kept off when the facilitator turned it off', () => {
    const docs = buildSessionDocs(findTemplate('sense-making')!, 'Original')
    const [board, control, facilitator] = [load(docs.board), load(docs.control), load(docs.facilitator)]
    setAdmitPeople(control, false, createOrigin('f', 'F'))
    const template = templateFromSession(
      readSnapshot(board, control, facilitator),
      'custom-2',
      'Open door',
      '',
    )
    expect(template.admit).toBeUndefined()
    expect(readSessionInfo(load(buildSessionDocs(template, 'Next').control)).admit).toBe(false)
  })
})
