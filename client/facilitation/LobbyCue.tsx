import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LobbyEntry } from '../../shared/schema/controlDoc'

/** Announcements kept in the log; older ones have been read out already. */
const KEEP = 5

/**
 * The announced cue for facilitators: "<name> is waiting to be admitted", once per person who
 * arrives in the lobby (a polite live log, not shown; the People button's badge is the visible cue).
 */
export function LobbyCue({ waiting }: { waiting: readonly LobbyEntry[] }) {
  const { t } = useTranslation('panels')
  const said = useRef(new Set<string>())
  const [log, setLog] = useState<readonly { id: string; text: string }[]>([])
  useEffect(() => {
    const fresh = waiting.filter((w) => !said.current.has(w.id))
    if (fresh.length === 0) return
    for (const w of fresh) said.current.add(w.id)
    const entries = fresh.map((w) => ({ id: `${w.id}:${w.since}`, text: t('lobby.cue', { name: w.name }) }))
    setLog((old) => [...old, ...entries].slice(-KEEP))
  }, [waiting, t])
  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label={t('lobby.label')}>
      {log.map((entry) => (
        <p key={entry.id}>{entry.text}</p>
      ))}
    </div>
  )
}
