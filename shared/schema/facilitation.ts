import type * as Y from 'yjs'
import { z } from 'zod'
import { STEP_MODES, sessionMapOf, type StepModeName } from './controlDoc'
import type { SkipCounter } from './skipped'

/**
 * The facilitator's live state of a session, kept in the control room's `session` map (only
 * facilitators and the server write it): the current step and mode, the timer (on the server's
 * clock), "bring everyone here", anonymity, the voting budget and its results, and how many people
 * agreed to the Community Commitments (counts only: who answered is not kept beside it).
 */
export interface TimerState {
  /** Server time (ms) the countdown ends at, while running. */
  readonly endsAt: number | null
  /** Time left (ms) while paused, or before it starts. */
  readonly remainingMs: number
  readonly durationMs: number
}

export interface Summon {
  readonly canvas: string
  readonly x: number
  readonly y: number
  readonly scale: number
  /** Server time of the summons, so each one moves people once. */
  readonly at: number
}

export interface FacilitationState {
  readonly step: number
  readonly mode: StepModeName
  /** Who turned private writing on most recently (a name; '' when unknown or never). */
  readonly privateBy: string
  readonly anonymous: boolean
  readonly voteBudget: number
  readonly timer: TimerState | null
  readonly summon: Summon | null
  /** Votes per object, written by the server when voting ends. */
  readonly results: Readonly<Record<string, number>>
  readonly answers: { readonly agree: number; readonly discuss: number }
}

const timerSchema = z.object({
  endsAt: z.number().nullable(),
  remainingMs: z.number().min(0),
  durationMs: z.number().min(0),
})
const summonSchema = z.object({
  canvas: z.string().max(64),
  x: z.number().finite(),
  y: z.number().finite(),
  scale: z.number().positive(),
  at: z.number(),
})

export const RESULTS = 'results'
export const ANSWERS = 'answers'
export const resultsOf = (doc: Y.Doc): Y.Map<number> => doc.getMap<number>(RESULTS)
/** Answers to the Community Commitments, keyed by the private-room owner id (not a name). */
export const answersOf = (doc: Y.Doc): Y.Map<string> => doc.getMap<string>(ANSWERS)

/** Reads the facilitation state, with safe defaults for anything missing or malformed. */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  const s = sessionMapOf(doc)
  const mode = s.get('mode')
  const step = s.get('step')
  const budget = s.get('voteBudget')
  const privateBy = s.get('privateBy')
  const timer = timerSchema.safeParse(s.get('timer'))
  const summon = summonSchema.safeParse(s.get('summon'))
  // without a prototype: an id such as `valueOf` or `__proto__` reads as an entry, never as its machinery
  const results: Record<string, number> = Object.create(null) as Record<string, number>
  for (const [id, n] of resultsOf(doc).entries()) if (isVoteCount(n)) results[id] = n
  let agree = 0
  let discuss = 0
  for (const a of answersOf(doc).values()) {
    if (a === 'agree') agree++
    else if (a === 'discuss') discuss++
  }
  return {
    step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : 0,
    mode: (STEP_MODES as readonly unknown[]).includes(mode) ? (mode as StepModeName) : 'free',
    privateBy: typeof privateBy === 'string' ? privateBy.slice(0, 120) : '',
    anonymous: s.get('anonymous') === true,
    voteBudget: readBudget(budget),
    timer: timer.success ? timer.data : null,
    summon: summon.success ? summon.data : null,
    results,
    answers: { agree, discuss },
  }
}

/** The votes each person has, as the session map holds it (3 when it holds none or nonsense). */
const readBudget = (budget: unknown): number =>
  typeof budget === 'number' && budget >= 1 && budget <= 50 ? Math.floor(budget) : 3

/** While dot voting is open, each person's budget of votes; null while it is not. */
export function openVoteBudget(control: Y.Doc): number | null {
  const s = sessionMapOf(control)
  return s.get('mode') === 'voting' ? readBudget(s.get('voteBudget')) : null
}

/** A published vote count: a whole number above zero (a string, NaN or 1e308 is no one's vote). */
export const isVoteCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n > 0

/** Milliseconds left on a timer at server time `now`. */
export function timeLeft(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now)
}

/** A private room's votes: object id → votes this person gave it. */
export const myVotesOf = (doc: Y.Doc): Y.Map<number> => doc.getMap<number>('votes')

/**
 * Sums a person's votes, counting at most `budget` in all (a crafted document cannot vote more).
 * Entries that are not a number of votes (a string, NaN, a negative) are skipped and counted.
 */
export function cappedVotes(
  votes: Y.Map<number>,
  budget: number,
  skipped?: SkipCounter,
): Map<string, number> {
  const out = new Map<string, number>()
  let left = budget
  for (const [id, n] of [...votes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) {
      skipped?.add('votes')
      continue
    }
    if (left <= 0) continue
    const take = Math.min(Math.floor(n), left)
    out.set(id, take)
    left -= take
  }
  return out
}
