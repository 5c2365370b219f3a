import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import { boundsOf, framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { followView, pageView } from '../canvas/pages'
import type { SetViewportOf } from '../canvas/useViewports'
import { centerOn, clampScale, viewCenter, type Size, type Viewport } from '../canvas/viewport'
import type { Presence } from '../../shared/presence'
import type { ObjectIndex } from '../state'
import type { Facilitation } from './useFacilitation'

export interface ViewSyncArgs {
  readonly fac: Facilitation
  /** The view of the facilitator people follow (useLeaderView), live. */
  readonly leaderView: Presence['view']
  /** That facilitator's name, when one is here. */
  readonly leaderName: string | null
  readonly canvasId: string
  /** The objects of the open canvas (its frames: the first page is where a canvas opens). */
  readonly objects: readonly BoardObject[]
  readonly openCanvas: (id: string) => void
  readonly setViewportOf: SetViewportOf
  readonly viewportOf: (canvasId: string) => Viewport
  readonly isPlaced: (canvasId: string) => boolean
  readonly viewport: Viewport
  readonly size: Size
  readonly index: ObjectIndex
  /** The board has synced once: its frames are known. */
  readonly ready: boolean
  /** This tab reopens the canvas it had (a reload): the step's place does not take over. */
  readonly resumed: boolean
  /** Whether this person follows the facilitator now (kept by the board: moving the view ends it). */
  readonly follow: readonly [boolean, (following: boolean | ((f: boolean) => boolean)) => void]
}

/**
 * Where this person's view goes with the facilitation: each "Bring everyone here" once (by its
 * server time); the facilitator's view (place and zoom) while following them, which participants
 * and viewers do from the start until they move the view themselves; each step's place when the
 * facilitator moves on; and a canvas first opened shows its first frame (page) whole.
 */
export function useViewSync(args: ViewSyncArgs) {
  const { fac, canvasId, openCanvas, setViewportOf, viewportOf, size, viewport } = args
  const moveTo = useCallback(
    (canvas: string, view: Viewport | null) => {
      if (view) setViewportOf(canvas, view)
      if (canvas !== canvasId) openCanvas(canvas)
    },
    [setViewportOf, canvasId, openCanvas],
  )

  // A summons older than this page (made before the person arrived) is not theirs to follow.
  const summon = fac.state.summon
  const applied = useRef(summon?.at ?? null)
  useEffect(() => {
    if (!summon || fac.isFacilitator || applied.current === summon.at || size.width === 0) return
    applied.current = summon.at
    const scale = clampScale(summon.scale)
    moveTo(summon.canvas, centerOn({ x: 0, y: 0, scale }, size, summon))
  }, [summon, fac.isFacilitator, size, moveTo])

  // The step's place: its frame whole, or its canvas as this person last saw it.
  const step = fac.step
  const goThere = useCallback(() => {
    if (!step?.canvas) return
    const frame = step.frame ? args.index.get(step.frame) : undefined
    moveTo(step.canvas, frame?.ok ? pageView(boundsOf(frame.object), size) : null)
  }, [step, args.index, moveTo, size])

  const [following, setFollowing] = args.follow
  const stepKey = `${fac.state.step}:${step?.id ?? ''}`
  const placedStep = useRef<string | null>(null)
  const live = useRef({ goThere, following })
  live.current = { goThere, following }
  useEffect(() => {
    if (!args.ready || size.width === 0 || placedStep.current === stepKey) return
    const first = placedStep.current === null
    placedStep.current = stepKey
    // On arrival: the current step's place (unless a reload reopens where the tab was). Later, a
    // new step takes the facilitators and everyone following them there, with its prompt.
    if (first ? !args.resumed : live.current.following || fac.isFacilitator) live.current.goThere()
  }, [stepKey, args.ready, args.resumed, size.width, fac.isFacilitator])

  const lead = following ? args.leaderView : null
  const leadKey = lead
    ? `${lead.canvas}:${lead.x}:${lead.y}:${lead.scale}:${lead.w}:${lead.h}:${size.width}:${size.height}`
    : ''
  const latest = useRef({ viewportOf, moveTo, size })
  latest.current = { viewportOf, moveTo, size }
  useEffect(() => {
    if (!lead || latest.current.size.width === 0) return
    const { viewportOf: of, moveTo: go, size: s } = latest.current
    go(lead.canvas, followView(lead, s, of(lead.canvas)))
    // the key holds what matters of `lead`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [leadKey])

  // A canvas opened for the first time shows its first page whole (a flipchart opens at page 1):
  // decided once, on opening, so a frame drawn later never moves the view.
  const { isPlaced, objects } = args
  const opened = useRef(new Set<string>())
  useLayoutEffect(() => {
    if (!args.ready || size.width === 0 || opened.current.has(canvasId)) return
    opened.current.add(canvasId)
    const first = framesInOrder(objects)[0]
    if (first && !isPlaced(canvasId)) setViewportOf(canvasId, pageView(boundsOf(first), size))
  }, [args.ready, canvasId, objects, isPlaced, setViewportOf, size])

  const bringEveryoneHere = useCallback(() => {
    const c = viewCenter(viewport, size)
    // whole world units: the same point on every screen, whatever its size (no half-unit rounding
    // one way here and the other way there)
    const x = Math.round(c.x)
    const y = Math.round(c.y)
    fac.session.bringEveryoneHere({ canvas: canvasId, x, y, scale: viewport.scale })
  }, [fac.session, viewport, size, canvasId])

  return {
    following,
    /** Whom following follows (their name), when a facilitator is here. */
    leaderName: args.leaderName,
    canFollow: !fac.isFacilitator && args.leaderName !== null,
    toggleFollow: () => setFollowing((f) => !f),
    /** The current step names a canvas this person is not on. */
    canGoThere: Boolean(step?.canvas) && (step?.canvas !== canvasId || Boolean(step?.frame)),
    goThere,
    bringEveryoneHere,
  }
}

export type ViewSync = ReturnType<typeof useViewSync>
