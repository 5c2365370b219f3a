import { useCallback, useEffect, useRef, useState } from 'react'
import { boundsOf } from '../../shared/schema/geometry'
import type { SetViewportOf } from '../canvas/useViewports'
import { centerOn, clampScale, fitRects, viewCenter, type Size, type Viewport } from '../canvas/viewport'
import type { ObjectIndex, Peer } from '../state'
import type { Facilitation } from './useFacilitation'

export interface ViewSyncArgs {
  readonly fac: Facilitation
  readonly peers: readonly Peer[]
  readonly canvasId: string
  readonly openCanvas: (id: string) => void
  readonly setViewportOf: SetViewportOf
  readonly viewportOf: (canvasId: string) => Viewport
  readonly viewport: Viewport
  readonly size: Size
  readonly index: ObjectIndex
}

/** Room above a frame for its title when the view moves to it. */
const TITLE_ROOM = 40

/**
 * Where this person's view goes with the facilitation: each "Bring everyone here" once (by its
 * server time), the facilitator's view while following them, and the current step's place.
 */
export function useViewSync(args: ViewSyncArgs) {
  const { fac, canvasId, openCanvas, setViewportOf, viewportOf, size, viewport } = args
  const moveTo = useCallback(
    (canvas: string, view: Viewport) => {
      setViewportOf(canvas, view)
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

  const [following, setFollowing] = useState(false)
  const leader = args.peers.find((p) => !p.self && p.presence.user.role === 'facilitator' && p.presence.view)
  const lead = following ? (leader?.presence.view ?? null) : null
  const leadKey = lead ? `${lead.canvas}:${lead.x}:${lead.y}` : ''
  const latest = useRef({ viewportOf, moveTo, size })
  latest.current = { viewportOf, moveTo, size }
  useEffect(() => {
    if (!lead) return
    const { viewportOf: of, moveTo: go, size: s } = latest.current
    go(lead.canvas, centerOn(of(lead.canvas), s, lead))
    // the key holds what matters of `lead`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [leadKey])

  const step = fac.step
  const goThere = useCallback(() => {
    if (!step?.canvas) return
    const frame = step.frame ? args.index.get(step.frame) : undefined
    if (frame?.ok) {
      const b = boundsOf(frame.object)
      moveTo(step.canvas, fitRects([{ x: b.x, y: b.y - TITLE_ROOM, w: b.w, h: b.h + TITLE_ROOM }], size))
    } else moveTo(step.canvas, viewportOf(step.canvas))
  }, [step, args.index, moveTo, size, viewportOf])

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
    canFollow: !fac.isFacilitator && leader !== undefined,
    toggleFollow: () => setFollowing((f) => !f),
    /** The current step names a canvas this person is not on. */
    canGoThere: Boolean(step?.canvas) && (step?.canvas !== canvasId || Boolean(step?.frame)),
    goThere,
    bringEveryoneHere,
  }
}

export type ViewSync = ReturnType<typeof useViewSync>
