import * as Y from 'yjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { followView, pageBarBand, pageInView, pageView, TITLE_ROOM } from '../../client/canvas/pages'
import { viewCenter } from '../../client/canvas/viewport'
import { i18n, loadLanguage } from '../../client/i18n'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { buildDocsFromExport, parseExport, toExportJson } from '../../shared/export/json'
import { addStep, updateStep } from '../../shared/ops/agenda'
import { createOrigin } from '../../shared/ops/origin'
import { goToStep, setMode } from '../../shared/ops/session'
import { presenceSchema } from '../../shared/presence'
import { agendaOf, readAgenda, readCanvases, writeStep } from '../../shared/schema/controlDoc'
import { readFacilitation } from '../../shared/schema/facilitation'
import { BUILT_IN_TEMPLATES, TEMPLATES, buildSessionDocs } from '../../shared/templates'
import { snapshotOf } from '../helpers/exportFixtures'

const fay = createOrigin('fay', 'Fay')
const load = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('agenda steps name their place', () => {
  it('every step of every built-in template names a canvas, and none starts on the empty Commitments canvas', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const step of t.agenda) expect(t.canvases.map((c) => c.key)).toContain(step.canvas)
      expect(t.agenda[0]!.canvas, t.id).not.toBe('commitments')
    }
  })

  it('a built session keeps each step’s canvas and frame as ids of its own canvases and frames', () => {
    const flipchart = TEMPLATES.find((t) => t.id === 'flipchart')!
    const docs = buildSessionDocs(flipchart, 'Flip')
    const control = load(docs.control)
    const board = load(docs.board)
    const canvases = readCanvases(control)
    const steps = readAgenda(control)
    expect(steps).toHaveLength(4)
    for (const [i, step] of steps.entries()) {
      expect(canvases.find((c) => c.id === step.canvas)?.name).toBe('Flipchart')
      const map = objectsOf(board).get(step.frame)
      const frame = map && readObject(step.frame, map)
      expect(frame?.ok && frame.object.kind === 'frame' && frame.object.props.order).toBe(i)
    }
  })

  it('older documents without the place fields still load: the step keeps people where they are', () => {
    const control = new Y.Doc()
    const old = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({ id: 's1', title: 'Old', prompt: 'Hi', minutes: 5 })) old.set(k, v)
    agendaOf(control).push([old])
    expect(readAgenda(control)).toMatchObject([
      { id: 's1', title: 'Old', prompt: 'Hi', minutes: 5, canvas: '', frame: '', mode: 'free' },
    ])
    addStep(control, 'New', fay)
    expect(readAgenda(control)[1]).toMatchObject({ title: 'New', canvas: '', frame: '' })
  })

  it('a JSON export keeps the place of each step through import; an older export without it imports', () => {
    const step = {
      id: 'st1',
      title: 'Write',
      prompt: 'What happened?',
      titles: { en: 'Write' },
      prompts: { en: 'What happened?' },
      guidance: 'Be kind',
      minutes: 10,
      canvas: 'c2',
      frame: 'f1',
      mode: 'private' as const,
    }
    const exported = JSON.parse(JSON.stringify(toExportJson(snapshotOf([], { agenda: [step] }), {})))
    const control = load(buildDocsFromExport(parseExport(exported)).control)
    expect(readAgenda(control)).toMatchObject([
      {
        id: 'st1',
        title: 'Write',
        prompt: 'What happened?',
        minutes: 10,
        canvas: 'c2',
        frame: 'f1',
        mode: 'private',
      },
    ])
    delete exported.agenda[0].canvas
    delete exported.agenda[0].frame
    const older = load(buildDocsFromExport(parseExport(exported)).control)
    expect(readAgenda(older)[0]).toMatchObject({ canvas: '', frame: '' })
  })
})

describe('private writing says who started it', () => {
  const session = () => {
    const control = new Y.Doc()
    agendaOf(control).push([
      writeStep({ id: 'a', title: 'Hello', prompt: '', minutes: 5, canvas: '', frame: '', mode: 'free' }),
      writeStep({ id: 'b', title: 'Write', prompt: '', minutes: 5, canvas: '', frame: '', mode: 'private' }),
    ])
    return control
  }

  it('is off, by nobody, in a new or older session', () => {
    expect(readFacilitation(session())).toMatchObject({ mode: 'free', privateBy: '' })
  })

  it('records the facilitator who turned it on, by the control or by a step', () => {
    const control = session()
    setMode(control, 'private', fay)
    expect(readFacilitation(control)).toMatchObject({ mode: 'private', privateBy: 'Fay' })
    setMode(control, 'free', fay)
    // ending it keeps who started it (the notice says it is off); it reveals nothing by itself
    expect(readFacilitation(control)).toMatchObject({ mode: 'free', privateBy: 'Fay' })
    goToStep(control, 1, createOrigin('sam', 'Sam'))
    expect(readFacilitation(control)).toMatchObject({ mode: 'private', privateBy: 'Sam', step: 1 })
    // already on: a second facilitator pressing it again does not take the credit
    setMode(control, 'private', fay)
    expect(readFacilitation(control).privateBy).toBe('Sam')
  })
})

describe('pages and following', () => {
  const pages = [0, 1, 2, 3].map((i) => ({ x: i * 960, y: 0, w: 800, h: 1000 }))
  const laptop = { width: 1280, height: 700 }
  const phone = { width: 412, height: 600 }

  it('the view fitted to a page is on that page; the one most on screen counts when the middle is in a gap', () => {
    for (const [i, p] of pages.entries()) expect(pageInView(pages, pageView(p, laptop), laptop)).toBe(i)
    // the middle between pages 2 and 3, page 3 showing more
    const between = { scale: 1, x: laptop.width / 2 - 1870, y: 100 }
    expect(pageInView(pages, between, laptop)).toBe(2)
    expect(pageInView(pages, { scale: 1, x: 100_000, y: 0 }, laptop)).toBe(-1)
  })

  it('a page shown whole keeps its title clear of the page buttons and the tools: below and right of them on a laptop, above them on a phone', () => {
    const wide = { x: 0, y: 0, w: 2400, h: 600 } // width-bound: its left edge is where the tools are
    for (const [page, size] of [pages[1]!, wide].flatMap((p) =>
      [laptop, phone].map((z) => [p, z] as const),
    )) {
      const view = pageView(page, size)
      const band = pageBarBand(size)
      const titleTop = view.y + (page.y - TITLE_ROOM) * view.scale
      const pageBottom = view.y + (page.y + page.h) * view.scale
      expect(titleTop).toBeGreaterThanOrEqual(band.top)
      expect(pageBottom).toBeLessThanOrEqual(size.height - band.bottom)
      // centred across what the tools leave (a laptop's run down the left side, 92 px wide)
      expect(view.x + (page.x + page.w / 2) * view.scale).toBeCloseTo((size.width + band.left) / 2)
      const pageLeft = view.x + page.x * view.scale
      expect(pageLeft).toBeGreaterThanOrEqual(size === laptop ? 96 : 0)
    }
  })

  it('following keeps the middle, and fits the same world area: same size, same zoom; a phone sees it all', () => {
    const lead = { x: 300, y: 200, scale: 1.5, w: laptop.width / 1.5, h: laptop.height / 1.5 }
    const same = followView(lead, laptop, { x: 0, y: 0, scale: 1 })
    expect(same.scale).toBeCloseTo(1.5)
    expect(viewCenter(same, laptop)).toEqual({ x: 300, y: 200 })
    const small = followView(lead, phone, { x: 0, y: 0, scale: 1 })
    expect(small.scale).toBeCloseTo(0.5) // fitted would be 0.48: notes stay readable at half size
    expect(viewCenter(small, phone).x).toBeCloseTo(300)
    const closer = { ...lead, scale: 3, w: laptop.width / 3, h: laptop.height / 3 }
    expect(followView(closer, phone, { x: 0, y: 0, scale: 1 }).scale).toBeCloseTo(412 / (1280 / 3))
    // a leader zoomed out further than half size is followed that far
    const far = { x: 0, y: 0, scale: 0.25, w: laptop.width / 0.25, h: laptop.height / 0.25 }
    expect(followView(far, phone, { x: 0, y: 0, scale: 1 }).scale).toBeCloseTo(0.25)
    // an older build shares no area: its zoom, then the follower's own
    expect(followView({ x: 0, y: 0, scale: 2 }, phone, { x: 0, y: 0, scale: 1 }).scale).toBe(2)
    expect(followView({ x: 0, y: 0 }, phone, { x: 0, y: 0, scale: 0.7 }).scale).toBe(0.7)
  })

  it('a presence from an older build, without zoom or area, still parses', () => {
    const parsed = presenceSchema.safeParse({
      user: { id: 'u', name: 'U', color: '#d1495b', role: 'facilitator' },
      view: { canvas: 'c', x: 1, y: 2 },
    })
    expect(parsed.success && parsed.data.view).toEqual({ canvas: 'c', x: 1, y: 2 })
  })
})

describe('page counts follow each language’s plural rules', () => {
  beforeAll(() => loadLanguage('zh-CN'))
  it('1 page, 4 pages; 共 1 页', async () => {
    await i18n.changeLanguage('en')
    expect(i18n.t('board:pages.count', { count: 1 })).toBe('1 page')
    expect(i18n.t('board:pages.count', { count: 4 })).toBe('4 pages')
    expect(i18n.t('board:pages.position', { n: 2, of: 4 })).toBe('Page 2 of 4')
    expect(i18n.t('panels:canvases.moreHint', { count: 1 })).toBe('1 more canvas')
    await i18n.changeLanguage('zh-CN')
    expect(i18n.t('board:pages.count', { count: 1 })).toBe('共 1 页')
    expect(i18n.t('board:pages.position', { n: 2, of: 4 })).toBe('第 2 页（共 4 页）')
    await i18n.changeLanguage('en')
  })
})

describe('a facilitator changes where a step happens', () => {
  it('sets the canvas and frame; a new canvas drops the old frame; bad values change nothing', () => {
    const control = new Y.Doc()
    const id = addStep(control, 'Gather', fay)
    updateStep(control, id, { canvas: 'c1', frame: 'f1' }, fay)
    expect(readAgenda(control)[0]).toMatchObject({ canvas: 'c1', frame: 'f1' })
    updateStep(control, id, { canvas: 'c2' }, fay)
    expect(readAgenda(control)[0]).toMatchObject({ canvas: 'c2', frame: '' })
    updateStep(control, id, { canvas: 'x'.repeat(65) }, fay)
    expect(readAgenda(control)[0]).toMatchObject({ canvas: 'c2', frame: '' })
    updateStep(control, id, { canvas: '' }, fay)
    expect(readAgenda(control)[0]).toMatchObject({ canvas: '', frame: '' })
  })
})
