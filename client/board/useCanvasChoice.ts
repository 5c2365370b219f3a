import { useCallback, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { readAgenda, type CanvasInfo } from '../../shared/schema/controlDoc'
import { readFacilitation } from '../../shared/schema/facilitation'
import { rememberCanvas, rememberedCanvas } from '../device'
import { useCanvases, useDocValue } from '../state'

/** Used when a session has no canvases at all (a damaged control document): the board still works. */
const FALLBACK_CANVAS: CanvasInfo = { id: 'main', name: 'Board' }

/** The canvas the current agenda step happens on ('' when it names none). */
const stepCanvas = (control: Y.Doc): string =>
  readAgenda(control)[readFacilitation(control).step]?.canvas ?? ''

/**
 * The session's canvases and the one this person has open: the one they chose (remembered per tab
 * across reloads), or else the current step's canvas (a new session opens on its first step's),
 * or else the first.
 */
export function useCanvasChoice(
  sessionId: string,
  control: Y.Doc,
): {
  canvases: readonly CanvasInfo[]
  current: CanvasInfo
  choose: (id: string) => void
  /** This tab had a canvas open before (a reload): it reopens there, not at the step's place. */
  resumed: boolean
} {
  const listed = useCanvases(control)
  const canvases = useMemo(() => (listed.length > 0 ? listed : [FALLBACK_CANVAS]), [listed])
  const [remembered] = useState(() => rememberedCanvas(sessionId))
  const [chosen, setChosen] = useState<string | null>(remembered)
  const step = useDocValue(control, stepCanvas)
  const current =
    canvases.find((c) => c.id === chosen) ??
    canvases.find((c) => c.id === step) ??
    canvases[0] ??
    FALLBACK_CANVAS
  const choose = useCallback(
    (id: string) => {
      setChosen(id)
      rememberCanvas(sessionId, id)
    },
    [sessionId],
  )
  return { canvases, current, choose, resumed: remembered !== null }
}
