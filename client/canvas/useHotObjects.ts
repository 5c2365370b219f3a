import { useContext, useEffect, useReducer, useRef } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { LiveObjectsContext } from '../state/liveText'
import { changedObjects, drawableOnTop, HOT_FOR_MS } from './hotObjects'

export interface HeatOptions {
  /** Objects kept on the main layer whatever happens to them (selected, edited here). */
  readonly keepDown: (id: string) => boolean
  /** While true (a drag is under way), no object changes layer: a node moved mid-drag is lost. */
  readonly frozen: boolean
}

/**
 * The ids of the objects in view that changed in the last `HOT_FOR_MS` and may be drawn on the
 * layer above the others (see hotObjects.ts). What was last drawn is compared in render; when each
 * object changed is remembered once the render is committed, and a timer brings objects back down
 * (what has not changed for `HOT_FOR_MS` is forgotten).
 */
export function useHotObjects(
  objects: readonly BoardObject[],
  visible: readonly BoardObject[],
  options: HeatOptions,
): ReadonlySet<string> {
  const committed = useRef<{ objects: readonly BoardObject[] | null; since: Map<string, number> }>({
    objects: null,
    since: new Map(),
  })
  const shown = useRef<ReadonlySet<string>>(new Set())
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const index = useContext(LiveObjectsContext)
  const keepDown = useRef(options.keepDown)
  keepDown.current = options.keepDown
  /** The objects in view as last drawn, and their ids once asked for. */
  const inView = useRef<{ list: readonly BoardObject[]; ids: Set<string> | null }>({ list: [], ids: null })

  // Others' typing reaches the canvas's list only every so often (each node follows its own text),
  // so it is heard here: a note in view typed into warms up, and the canvas renders again only when
  // one that was not on the layer of changing objects should go up to it. Typing elsewhere (another
  // canvas, another group's) is not this canvas's business.
  useEffect(() => {
    if (!index) return
    let frame = 0
    const stop = index.subscribe(() => {
      if (!index.lastChangeTextOnly || index.lastChangeLocal) return
      const view = inView.current
      const ids = (view.ids ??= new Set(view.list.map((o) => o.id)))
      const at = performance.now()
      let rise = false
      for (const id of index.lastChangedIds) {
        if (!ids.has(id)) continue
        committed.current.since.set(id, at)
        if (!shown.current.has(id) && !keepDown.current(id)) rise = true
      }
      if (rise) frame ||= requestAnimationFrame(() => ((frame = 0), rerender()))
    })
    return () => {
      stop()
      cancelAnimationFrame(frame)
    }
  }, [index])

  const changed = changedObjects(committed.current.objects, objects, committed.current.since)
  let hot: ReadonlySet<string>
  if (options.frozen) hot = shown.current
  else {
    const candidates = new Set<string>()
    for (const id of committed.current.since.keys()) if (!options.keepDown(id)) candidates.add(id)
    for (const id of changed ?? []) if (!options.keepDown(id)) candidates.add(id)
    hot = drawableOnTop(visible, candidates)
  }

  useEffect(() => {
    const state = committed.current
    const at = performance.now()
    // a change to many objects at once is not typing: nothing of it stays warm
    if (changed === null) state.since.clear()
    else for (const id of changed) state.since.set(id, at)
    for (const [id, t] of state.since) if (at - t >= HOT_FOR_MS) state.since.delete(id)
    state.objects = objects
    shown.current = hot
    if (inView.current.list !== visible) inView.current = { list: visible, ids: null }
    if (state.since.size === 0) return
    const oldest = Math.min(...state.since.values())
    const cool = () => {
      const now = performance.now()
      for (const [id, t] of state.since) if (now - t >= HOT_FOR_MS) state.since.delete(id)
      rerender()
    }
    const timer = setTimeout(cool, Math.max(16, oldest + HOT_FOR_MS - at))
    return () => clearTimeout(timer)
  })
  return hot
}
