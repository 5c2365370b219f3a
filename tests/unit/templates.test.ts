import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import {
  guidanceOf,
  readAgenda,
  readCanvases,
  readCommitments,
  readSessionInfo,
} from '../../shared/schema/controlDoc'
import { framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { SCHEMA_VERSION, readVersion } from '../../shared/schema/migrations'
import { TEMPLATES, buildSessionDocs, findTemplate } from '../../shared/templates'

const load = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('templates', () => {
  it('include the four contract ids', () => {
    expect(TEMPLATES.map((t) => t.id).sort()).toEqual(['collage', 'flipchart', 'recipe-wall', 'sense-making'])
    expect(findTemplate('nope')).toBeUndefined()
  })

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s builds a usable session', (_id, template) => {
    const docs = buildSessionDocs(template, 'My session')
    const control = load(docs.control)
    const board = load(docs.board)
    const facilitator = load(docs.facilitator)
    expect(readSessionInfo(control)).toEqual({
      title: 'My session',
      template: template.id,
      locked: false,
      langs: ['en'],
      // people write about their own lives in a sense-making session: only they change their notes
      protect: template.id === 'sense-making',
      // …and who comes in is the facilitator's call (Admit people)
      admit: template.id === 'sense-making',
    })
    expect(readCommitments(control).length).toBeGreaterThanOrEqual(5)
    expect(readCommitments(control).length).toBeLessThanOrEqual(8)
    const canvases = readCanvases(control)
    expect(canvases[0]!.name).toBe('Commitments')
    expect(new Set(canvases.map((c) => c.id)).size).toBe(canvases.length)
    expect(readVersion(board)).toBe(SCHEMA_VERSION)

    const objects = [...objectsOf(board).entries()].flatMap(([id, m]): BoardObject[] => {
      const r = readObject(id, m)
      return r.ok ? [r.object] : []
    })
    expect(objects.length).toBe(objectsOf(board).size) // every seeded object is valid
    expect(objects.every((o) => canvases.some((c) => c.id === o.canvas))).toBe(true)
    expect(framesInOrder(objects).length).toBeGreaterThanOrEqual(2)

    const agenda = readAgenda(control)
    expect(agenda.length).toBeGreaterThanOrEqual(4)
    for (const step of agenda) {
      expect(step.prompt.trim().length).toBeGreaterThan(3)
      expect(step.minutes).toBeGreaterThan(0)
      expect(canvases.some((c) => c.id === step.canvas)).toBe(true)
      if (step.frame) expect(objects.find((o) => o.id === step.frame)?.kind).toBe('frame')
      // guidance is only in the facilitator room, never in the control room everyone reads
      expect(guidanceOf(facilitator).get(step.id)?.length).toBeGreaterThan(10)
      expect(JSON.stringify(control.toJSON())).not.toContain(guidanceOf(facilitator).get(step.id)!)
    }
  })

  it('sense-making has the six steps, with private writing and voting', () => {
    const agenda = readAgenda(load(buildSessionDocs(findTemplate('sense-making')!, 't').control))
    expect(agenda.map((s) => s.mode)).toEqual(['free', 'private', 'free', 'free', 'voting', 'free'])
  })

  it('flipchart pages are frames in order, each with its heading prompt', () => {
    const docs = buildSessionDocs(findTemplate('flipchart')!, 't')
    const board = load(docs.board)
    const frames = framesInOrder(
      [...objectsOf(board).entries()].flatMap(([id, m]) => {
        const r = readObject(id, m)
        return r.ok ? [r.object] : []
      }),
    )
    expect(frames.map((f) => (f.kind === 'frame' ? f.props.title : ''))).toEqual([
      'What is working well?',
      'What could be better?',
      'Ideas to try',
      'Next steps',
    ])
  })
})
