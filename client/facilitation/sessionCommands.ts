import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  addCommitment,
  addStep,
  removeCommitment,
  removeStep,
  setCommitment,
  updateStep,
  type StepChanges,
} from '../../shared/ops/agenda'
import type { Origin } from '../../shared/ops/origin'
import { setSecondLang } from '../../shared/ops/sessionLangs'
import {
  addTime,
  bringEveryoneHere,
  goToStep,
  pauseTimer,
  setAdmitPeople,
  setAnonymous,
  setBoardLocked,
  setProtected,
  setMode,
  startTimer,
  startVoting,
} from '../../shared/ops/session'
import type { UiLang } from '../../shared/lang'
import type { StepModeName } from '../../shared/schema/controlDoc'

/** The facilitator's commands on the control room; `now` reads the server's clock. */
export interface SessionCommands {
  setLocked(locked: boolean): void
  goToStep(index: number): void
  setMode(mode: StepModeName): void
  startTimer(): void
  pauseTimer(): void
  addMinute(): void
  bringEveryoneHere(view: { canvas: string; x: number; y: number; scale: number }): void
  setAnonymous(anonymous: boolean): void
  /** Protect contributions: participants change and delete only what they added. */
  setProtected(protect: boolean): void
  /** Admit people: participants wait until a facilitator admits them. */
  setAdmitPeople(admit: boolean): void
  startVoting(budget: number): void
  /** Sets one commitment's text in `lang` (the session's main language unless given). */
  setCommitment(index: number, text: string, lang?: UiLang): void
  addCommitment(text: string): void
  /** Gives the session a second language (built-in words filled in), or none. */
  setSecondLang(lang: UiLang | null): void
  removeCommitment(index: number): void
  /** Changes a step; its title and prompt in `lang` (the session's main language unless given). */
  updateStep(id: string, changes: StepChanges, lang?: UiLang): void
  addStep(title: string): string
  removeStep(id: string): void
}

/** Binds the session ops to the control document, one facilitator and the server clock. */
export function createSessionCommands(control: Y.Doc, origin: Origin, now: () => number): SessionCommands {
  return {
    setLocked: (locked) => setBoardLocked(control, locked, origin),
    goToStep: (index) => goToStep(control, index, origin),
    setMode: (mode) => setMode(control, mode, origin),
    startTimer: () => startTimer(control, now(), origin),
    pauseTimer: () => pauseTimer(control, now(), origin),
    addMinute: () => addTime(control, 60_000, origin),
    bringEveryoneHere: (view) => bringEveryoneHere(control, { ...view, at: now() }, origin),
    setAnonymous: (anonymous) => setAnonymous(control, anonymous, origin),
    setProtected: (protect) => setProtected(control, protect, origin),
    setAdmitPeople: (admit) => setAdmitPeople(control, admit, origin),
    startVoting: (budget) => startVoting(control, budget, origin),
    setCommitment: (index, text, lang) => setCommitment(control, index, text, origin, lang),
    addCommitment: (text) => addCommitment(control, text, origin),
    setSecondLang: (lang) => setSecondLang(control, lang, origin),
    removeCommitment: (index) => removeCommitment(control, index, origin),
    updateStep: (id, changes, lang) => updateStep(control, id, changes, origin, lang),
    addStep: (title) => addStep(control, title, origin),
    removeStep: (id) => removeStep(control, id, origin),
  }
}

/** The session commands for as long as the document, the person and the clock stay the same. */
export function useSessionCommands(control: Y.Doc, origin: Origin, now: () => number): SessionCommands {
  return useMemo(() => createSessionCommands(control, origin, now), [control, origin, now])
}
