import { useEffect, useRef } from 'react'
import type { Groups } from './useGroups'

/**
 * Where small groups take a person: a participant opens on their group's space as soon as they have
 * one (on arrival too, so a reload or a late joiner lands there), and everyone goes to the
 * report-back canvas when the groups are brought back (not on arrival: that may be long past).
 */
export function useGroupPlace(
  groups: Groups,
  isFacilitator: boolean,
  ready: boolean,
  open: (canvas: string) => void,
) {
  const { phase, report } = groups.state
  const mine = groups.mine?.canvas ?? ''
  const key = phase === 'running' && !isFacilitator ? `run:${mine}` : phase === 'back' ? `back:${report}` : ''
  const last = useRef<string | null>(null)
  const live = useRef(open)
  live.current = open
  useEffect(() => {
    if (!ready || last.current === key) return
    const first = last.current === null
    last.current = key
    if (key.startsWith('run:') && mine) live.current(mine)
    else if (key.startsWith('back:') && report && !first) live.current(report)
  }, [key, ready, mine, report])
}
