import type { BoardObject } from '../../shared/schema/kinds'
import { i18n } from '../i18n'

/** A new note is announced once its text has not changed for this long… */
export const SETTLE_MS = 1500
/** …or this long after it appeared, even if it is still empty or being typed. */
export const MAX_WAIT_MS = 8000
/** Longest stretch of a note's text read out; the rest is in the list view. */
const MAX_SPOKEN = 140
/** More new notes than this at once (a paste, an import) are announced as a count. */
const MAX_LISTED = 3

export interface AddedNote {
  readonly author: string
  readonly text: string
}

const spoken = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_SPOKEN ? `${flat.slice(0, MAX_SPOKEN - 1)}…` : flat
}

/** What to say for notes that others added: one sentence per note, or a count for many. */
export function announcement(added: readonly AddedNote[]): string[] {
  if (added.length === 0) return []
  const t = i18n.t
  const who = (a: AddedNote) => a.author.trim() || t('panels:announcer.someone')
  const one = (a: AddedNote) => {
    const text = spoken(a.text)
    return text
      ? t('panels:announcer.one', { who: who(a), text })
      : t('panels:announcer.oneEmpty', { who: who(a) })
  }
  if (added.length <= MAX_LISTED) return added.map(one)
  const authors = new Set(added.map(who))
  const [only] = authors
  const count = added.length
  return [
    authors.size === 1 && only
      ? t('panels:announcer.many', { who: only, count })
      : t('panels:announcer.manyPeople', { count }),
  ]
}

/** What may be read out of a note: its text, or only its content note when it has one (the text waits for Show text). */
const sayable = (o: BoardObject): string =>
  o.contentNote ? i18n.t('material:contentNote.prefix', { note: o.contentNote }) : o.text

interface Pending {
  readonly firstSeen: number
  text: string
  lastChange: number
}

/**
 * Watches a canvas for notes other people add, and says when each is ready to be announced: once
 * its text has settled, so "Ben added a note: bring chairs" is said once, not "Ben added an empty
 * note" before he has typed. Notes present at the start (or when `reset`) are never announced.
 */
export class NewNoteTracker {
  private known = new Set<string>()
  private pending = new Map<string, Pending>()

  constructor(private readonly selfId: string) {}

  /** Takes these objects as already seen (on load, or on switching canvas). */
  reset(objects: readonly BoardObject[]): void {
    this.known = new Set(objects.map((o) => o.id))
    this.pending.clear()
  }

  /** Looks at the canvas now; returns what is due to be said. */
  update(objects: readonly BoardObject[], now: number): string[] {
    const byId = new Map(objects.map((o) => [o.id, o]))
    for (const o of objects) {
      if (this.known.has(o.id)) {
        const p = this.pending.get(o.id)
        if (p && p.text !== sayable(o)) Object.assign(p, { text: sayable(o), lastChange: now })
        continue
      }
      this.known.add(o.id)
      if (o.kind === 'sticky' && o.createdBy !== this.selfId) {
        this.pending.set(o.id, { firstSeen: now, text: sayable(o), lastChange: now })
      }
    }
    const due: AddedNote[] = []
    for (const [id, p] of this.pending) {
      const object = byId.get(id)
      if (!object) {
        this.pending.delete(id) // gone before anyone was told: nothing to say
        continue
      }
      const settled = p.text.trim() !== '' && now - p.lastChange >= SETTLE_MS
      if (settled || now - p.firstSeen >= MAX_WAIT_MS) {
        due.push({ author: object.author, text: sayable(object) })
        this.pending.delete(id)
      }
    }
    return announcement(due)
  }

  /** When the next pending note may become due, or null when none waits. */
  nextCheck(): number | null {
    let next: number | null = null
    for (const p of this.pending.values()) {
      const at = Math.min(p.lastChange + SETTLE_MS, p.firstSeen + MAX_WAIT_MS)
      next = next === null ? at : Math.min(next, at)
    }
    return next
  }
}
