import { useCallback, useEffect, useState } from 'react'
import { measureClockOffset } from './facilitationApi'

/**
 * The server's clock as this device knows it: timers end at the same moment for everyone, and
 * summonses are told apart by server time. Until measured, the device's own clock stands in.
 */
export function useServerClock(): () => number {
  const [offset, setOffset] = useState(0)
  useEffect(() => {
    let live = true
    measureClockOffset().then(
      (ms) => live && setOffset(ms),
      () => undefined, // no answer: the device clock is the best guess
    )
    return () => {
      live = false
    }
  }, [])
  return useCallback(() => Date.now() + offset, [offset])
}
