import type * as Y from 'yjs'
import { readAgenda, sessionMapOf, type StepModeName } from '../schema/controlDoc'
import { myVotesOf, readFacilitation, resultsOf, timeLeft, type Summon } from '../schema/facilitation'
import type { Origin } from './origin'

/** Locks or unlocks the board (control document: facilitators only). */
export function setBoardLocked(control: Y.Doc, locked: boolean, origin: Origin): void {
  control.transact(() => sessionMapOf(control).set('locked', locked), origin)
}

/** Moves to an agenda step: its mode becomes the session's mode and its timer is set, not started. */
export function goToStep(control: Y.Doc, index: number, origin: Origin): void {
  const agenda = readAgenda(control)
  const step = agenda[index]
  if (!step) return
  control.transact(() => {
    const s = sessionMapOf(control)
    s.set('step', index)
    writeMode(control, step.mode, origin)
    const ms = step.minutes * 60_000
    s.set('timer', { endsAt: null, remainingMs: ms, durationMs: ms })
  }, origin)
}

/** Sets the mode directly (private writing, voting, free). */
export function setMode(control: Y.Doc, mode: StepModeName, origin: Origin): void {
  control.transact(() => writeMode(control, mode, origin), origin)
}

/**
 * Everyone is told who turned private writing on, so it is never a mystery whether what they write
 * now is seen. Turning it off reveals nothing: private notes stay private until Reveal.
 */
function writeMode(control: Y.Doc, mode: StepModeName, origin: Origin): void {
  const s = sessionMapOf(control)
  if (mode === 'private' && s.get('mode') !== 'private') s.set('privateBy', origin.name.slice(0, 120))
  s.set('mode', mode)
}

/** Starts (or resumes) the countdown; `now` is the server's clock as the client knows it. */
export function startTimer(control: Y.Doc, now: number, origin: Origin, durationMs?: number): void {
  const current = readFacilitation(control).timer
  const remaining = durationMs ?? (current && current.remainingMs > 0 ? current.remainingMs : 5 * 60_000)
  control.transact(() => {
    sessionMapOf(control).set('timer', {
      endsAt: now + remaining,
      remainingMs: remaining,
      durationMs: durationMs ?? current?.durationMs ?? remaining,
    })
  }, origin)
}

/** Pauses the countdown, keeping the time left. */
export function pauseTimer(control: Y.Doc, now: number, origin: Origin): void {
  const t = readFacilitation(control).timer
  if (!t || t.endsAt === null) return
  control.transact(
    () => sessionMapOf(control).set('timer', { ...t, endsAt: null, remainingMs: timeLeft(t, now) }),
    origin,
  )
}

/** Adds time to the countdown, running or paused. */
export function addTime(control: Y.Doc, ms: number, origin: Origin): void {
  const t = readFacilitation(control).timer
  if (!t) return
  control.transact(() => {
    sessionMapOf(control).set('timer', {
      endsAt: t.endsAt === null ? null : t.endsAt + ms,
      remainingMs: t.remainingMs + ms,
      durationMs: t.durationMs + ms,
    })
  }, origin)
}

/** Moves every participant's view to this one ("Bring everyone here"). */
export function bringEveryoneHere(control: Y.Doc, view: Summon, origin: Origin): void {
  control.transact(() => sessionMapOf(control).set('summon', view), origin)
}

/** Turns Protect contributions on or off (facilitators: the relay refuses it from anyone else). */
export function setProtected(control: Y.Doc, protect: boolean, origin: Origin): void {
  control.transact(() => sessionMapOf(control).set('protect', protect), origin)
}

/** Turns Admit people on or off (facilitators: the relay refuses it from anyone else). */
export function setAdmitPeople(control: Y.Doc, admit: boolean, origin: Origin): void {
  control.transact(() => sessionMapOf(control).set('admit', admit), origin)
}

/** Anonymous mode: author names are not shown on the board nor in exports. */
export function setAnonymous(control: Y.Doc, anonymous: boolean, origin: Origin): void {
  control.transact(() => sessionMapOf(control).set('anonymous', anonymous), origin)
}

/** Opens dot voting with a per-person budget; earlier results are cleared. */
export function startVoting(control: Y.Doc, budget: number, origin: Origin): void {
  control.transact(() => {
    const s = sessionMapOf(control)
    s.set('mode', 'voting')
    s.set('voteBudget', Math.max(1, Math.min(50, Math.floor(budget))))
    resultsOf(control).clear()
  }, origin)
}

/** Gives (or takes back, with a negative delta) one person's votes, within their budget. */
export function castVote(
  mine: Y.Doc,
  objectId: string,
  delta: number,
  budget: number,
  origin: Origin,
): boolean {
  const votes = myVotesOf(mine)
  const used = [...votes.values()].reduce((a, n) => a + (typeof n === 'number' ? n : 0), 0)
  const current = votes.get(objectId) ?? 0
  const next = current + delta
  if (next < 0 || used + delta > budget) return false
  mine.transact(() => {
    if (next === 0) votes.delete(objectId)
    else votes.set(objectId, next)
  }, origin)
  return true
}
