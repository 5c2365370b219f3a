import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readCanvases, readCommitments, readSessionInfo } from '../../shared/schema/controlDoc'
import { readVersion, DOC_VERSION } from '../../shared/schema/migrations'
import { TEMPLATES, buildSessionDocs, findTemplate } from '../../shared/templates'

describe('templates', () => {
  it('include the four contract ids', () => {
    expect(TEMPLATES.map((t) => t.id).sort()).toEqual(['collage', 'flipchart', 'recipe-wall', 'sense-making'])
    expect(findTemplate('nope')).toBeUndefined()
  })
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s builds a usable session', (_id, template) => {
    const { board, control } = buildSessionDocs(template, 'My session')
    const c = new Y.Doc()
    Y.applyUpdate(c, control)
    expect(readSessionInfo(c)).toEqual({ title: 'My session', template: template.id, locked: false })
    expect(readCommitments(c).length).toBeGreaterThanOrEqual(5)
    expect(readCommitments(c).length).toBeLessThanOrEqual(8)
    const canvases = readCanvases(c)
    expect(canvases.length).toBeGreaterThanOrEqual(2)
    expect(new Set(canvases.map((x) => x.id)).size).toBe(canvases.length)
    const b = new Y.Doc()
    Y.applyUpdate(b, board)
    expect(readVersion(b)).toBe(DOC_VERSION)
  })
})
