import { useEffect, useMemo, useRef, useState } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { NewNoteTracker } from './announce'
import { useTranslation } from 'react-i18next'

/** Announcements kept in the log; older ones have been read out already. */
const KEEP = 5

/**
 * A polite live log of what others add to the canvas ("Ben added a note: …"), for people who cannot
 * see notes appear. Hidden from view; one's own notes and the notes already there are not said.
 */
export function Announcer(props: {
  objects: readonly BoardObject[]
  canvasId: string
  selfId: string
  /** False until the board has synced once: what arrives in the first sync is not news. */
  ready: boolean
}) {
  const { t } = useTranslation('panels')
  const { objects, canvasId, ready } = props
  const tracker = useMemo(() => new NewNoteTracker(props.selfId), [props.selfId])
  const latest = useRef(objects)
  latest.current = objects
  const baseline = useRef<{ tracker: NewNoteTracker; canvas: string } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const nextId = useRef(0)
  const [log, setLog] = useState<readonly { id: number; text: string }[]>([])

  useEffect(() => {
    if (!ready) return
    if (baseline.current?.tracker !== tracker || baseline.current.canvas !== canvasId) {
      tracker.reset(objects)
      baseline.current = { tracker, canvas: canvasId }
      return
    }
    const check = () => {
      clearTimeout(timer.current)
      const now = Date.now()
      const said = tracker.update(latest.current, now)
      if (said.length > 0) {
        const entries = said.map((text) => ({ id: nextId.current++, text }))
        setLog((old) => [...old, ...entries].slice(-KEEP))
      }
      const next = tracker.nextCheck()
      if (next !== null) timer.current = setTimeout(check, Math.max(0, next - now))
    }
    check()
  }, [objects, canvasId, ready, tracker])
  useEffect(() => () => clearTimeout(timer.current), [])

  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label={t('announcer.label')}>
      {log.map((entry) => (
        <p key={entry.id}>{entry.text}</p>
      ))}
    </div>
  )
}
