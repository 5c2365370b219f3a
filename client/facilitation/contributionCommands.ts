import type * as Y from 'yjs'
import {
  myObjectIds,
  removeMyObjects,
  setConsent,
  setHidden,
  toggleReaction,
} from '../../shared/ops/contributions'
import type { Writer } from '../../shared/schema/rules'
import type { Origin } from '../../shared/ops/origin'
import { setQuote } from '../../shared/ops/quotes'
import { castVote } from '../../shared/ops/session'
import { groupIntoFrame } from '../../shared/ops/themes'
import type { Reaction } from '../../shared/schema/boardDoc'

/** Reactions, consent, moderation, taking back one's notes, themes and votes, bound to one person. */
export interface ContributionCommands {
  toggleReaction(id: string, emoji: Reaction): void
  setConsent(ids: readonly string[], consent: boolean): void
  setHidden(ids: readonly string[], hidden: boolean): void
  /** Marks notes as quotes for the insight report, or unmarks them (their author or a facilitator). */
  setQuote(ids: readonly string[], quote: boolean): void
  /** How many objects this person has on the board and in their private room. */
  countMine(): number
  /** Deletes everything this person added (board and private room); returns how many. */
  removeMine(): number
  /** Frames the objects as a theme; returns the frame's id. */
  group(ids: readonly string[], title: string): string | null
  /** Gives (+1) or takes back (−1) a vote; false when refused (no votes left, none to take). */
  vote(id: string, delta: 1 | -1, budget: number): boolean
}

export interface ContributionDocs {
  readonly board: Y.Doc
  /** This person's private room, once open. */
  readonly mine: Y.Doc | null
  readonly isPrivate: (id: string) => boolean
  /** Board writes are refused (viewer, or the board is locked). */
  readonly readOnly: boolean
  /** Who writes: what the board's rules let them remove. */
  readonly writer: Writer
}

/** Binds the commands to the documents; writes on a private note go to the private room. */
export function createContributionCommands(docs: ContributionDocs, origin: Origin): ContributionCommands {
  const { board, mine, isPrivate, readOnly, writer } = docs
  const docOf = (id: string): Y.Doc | null => (isPrivate(id) ? mine : readOnly ? null : board)
  const each = (ids: readonly string[], run: (doc: Y.Doc, part: string[]) => void) => {
    const groups = new Map<Y.Doc, string[]>()
    for (const id of ids) {
      const doc = docOf(id)
      if (doc) groups.set(doc, [...(groups.get(doc) ?? []), id])
    }
    for (const [doc, part] of groups) run(doc, part)
  }
  return {
    toggleReaction: (id, emoji) => {
      const doc = docOf(id)
      if (doc) toggleReaction(doc, id, emoji, origin)
    },
    setConsent: (ids, consent) => each(ids, (doc, part) => setConsent(doc, part, consent, origin)),
    setHidden: (ids, hidden) => each(ids, (doc, part) => setHidden(doc, part, hidden, origin)),
    setQuote: (ids, quote) => each(ids, (doc, part) => setQuote(doc, part, quote, writer, origin)),
    countMine: () =>
      (readOnly ? 0 : myObjectIds(board, origin.userId, writer).length) +
      (mine ? myObjectIds(mine, origin.userId).length : 0),
    removeMine: () =>
      (readOnly ? 0 : removeMyObjects(board, origin, writer)) + (mine ? removeMyObjects(mine, origin) : 0),
    group: (ids, title) => {
      const onBoard = ids.filter((id) => !isPrivate(id))
      return readOnly ? null : groupIntoFrame(board, onBoard, title, origin)
    },
    vote: (id, delta, budget) => (mine ? castVote(mine, id, delta, budget, origin) : false),
  }
}
