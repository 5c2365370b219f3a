import { useEffect, useRef, useState } from 'react'
import { timeLeft, type TimerState } from '../../shared/schema/facilitation'
import { useTranslation } from 'react-i18next'

/** 4:05, or 1:02:03 past an hour. */
export function formatTime(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const s = total % 60
  const m = Math.floor(total / 60) % 60
  const h = Math.floor(total / 3600)
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

/** A short beep (WebAudio), for the end of the countdown when the person asked for one. */
function beep(): void {
  try {
    const audio = new AudioContext()
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.frequency.value = 880
    gain.gain.setValueAtTime(0.2, audio.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4)
    tone.connect(gain).connect(audio.destination)
    tone.start()
    tone.stop(audio.currentTime + 0.4)
    tone.onended = () => void audio.close()
  } catch {
    // no audio here: the visible message is enough
  }
}

/**
 * The step's countdown on the server clock, the same for everyone. A `timer` role is not read out
 * at each tick; the end is announced once (and beeps if the person turned the sound on).
 */
export function TimerDisplay(props: { timer: TimerState; serverNow: () => number }) {
  const { t } = useTranslation('facilitation')
  const { timer, serverNow } = props
  const [, setTick] = useState(0)
  const [sound, setSound] = useState(false)
  const running = timer.endsAt !== null
  useEffect(() => {
    if (!running) return
    const id = setInterval(() => setTick((n) => n + 1), 500)
    return () => clearInterval(id)
  }, [running])
  const left = timeLeft(timer, serverNow())
  const ended = running && left === 0
  const beeped = useRef<number | null>(null)
  useEffect(() => {
    if (!ended || !sound || beeped.current === timer.endsAt) return
    beeped.current = timer.endsAt
    beep()
  }, [ended, sound, timer.endsAt])
  return (
    <div className="timer">
      <span role="timer" aria-label={t('timer.label')} className={ended ? 'timer-time ended' : 'timer-time'}>
        {formatTime(left)}
      </span>
      {!running && left > 0 && <span className="muted"> ({t('timer.paused')})</span>}
      <span aria-live="polite" className="timer-end">
        {ended ? t('timer.timeUp') : ''}
      </span>
      <label className="timer-sound">
        <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
        {t('timer.sound')}
      </label>
    </div>
  )
}
