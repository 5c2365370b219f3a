import { Writable } from 'node:stream'
import { pino } from 'pino'
import * as Y from 'yjs'
import type { Logger } from '../../server/logger'
import type { DocStorage } from '../../server/storage/types'

/**
 * Writes a change straight into a room's stored log, past the relay and whatever it checks: what an
 * old or damaged database, or a write from before the relay's rules, may hold. The room must not be
 * open (plant before anyone joins it): an open room would not see the change until it reloads.
 */
export async function plantUpdate(
  storage: DocStorage,
  room: string,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const doc = new Y.Doc()
  for (const u of await storage.load(room)) Y.applyUpdate(doc, u)
  const before = Y.encodeStateVector(doc)
  doc.transact(() => change(doc))
  await storage.append([{ room, update: Y.encodeStateAsUpdate(doc, before) }])
  doc.destroy()
}

/**
 * Nests `depth` elements inside one another under `parent`, each holding a line `level <n>` for the
 * first levels: a hostile note's text. Built level by level in the document (not as one nested
 * value), so building it is no deeper a call stack than reading it should be.
 */
export function nestDeep(parent: Y.XmlFragment | Y.XmlElement, depth: number, name = 'blockquote'): void {
  let at: Y.XmlFragment | Y.XmlElement = parent
  for (let level = 1; level <= depth; level++) {
    const el: Y.XmlElement = new Y.XmlElement(name)
    at.insert(at.length, [el])
    if (level <= 40) {
      const p = new Y.XmlElement('paragraph')
      el.insert(0, [p])
      p.insert(0, [new Y.XmlText(`level ${level}`)])
    }
    at = el
  }
}

/** A logger that keeps every line it writes, parsed, for a test to read. */
export function recordingLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line))
      done()
    },
  })
  return { log: pino({ level: 'info', base: undefined }, sink), lines }
}
