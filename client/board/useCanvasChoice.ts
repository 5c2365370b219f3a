import { useCallback, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import { rememberCanvas, rememberedCanvas } from '../device'
import { useCanvases } from '../state'

/** Used when a session has no canvases at all (a damaged control document): the board still works. */
const FALLBACK_CANVAS: CanvasInfo = { id: 'main', name: 'Board' }

/** The session's canvases and the one this person has open (remembered per tab across reloads). */
export function useCanvasChoice(
  sessionId: string,
  control: Y.Doc,
): { canvases: readonly CanvasInfo[]; current: CanvasInfo; choose: (id: string) => void } {
  const listed = useCanvases(control)
  const canvases = useMemo(() => (listed.length > 0 ? listed : [FALLBACK_CANVAS]), [listed])
  const [chosen, setChosen] = useState<string | null>(() => rememberedCanvas(sessionId))
  const current = canvases.find((c) => c.id === chosen) ?? canvases[0] ?? FALLBACK_CANVAS
  const choose = useCallback(
    (id: string) => {
      setChosen(id)
      rememberCanvas(sessionId, id)
    },
    [sessionId],
  )
  return { canvases, current, choose }
}
