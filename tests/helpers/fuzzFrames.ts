import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { awarenessFrame, syncFrame } from './raw'

/** A seeded pseudo-random source (mulberry32): the same seed gives the same frames. */
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = this.int(256)
    return out
  }
  /** A length skewed towards small ones, sometimes large. */
  length(): number {
    const r = this.next()
    return r < 0.6 ? this.int(16) : r < 0.9 ? this.int(256) : this.int(8192)
  }
}

const fuzzer = createOrigin('u-fuzz', 'Fuzz')

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const varints = (...values: number[]): Uint8Array => {
  const e = encoding.createEncoder()
  for (const v of values) encoding.writeVarUint(e, v)
  return encoding.toUint8Array(e)
}

/** A real update adding one note, on a document (and client id) of its own. */
export function validNoteUpdate(text: string, x = 0): Uint8Array {
  const doc = new Y.Doc()
  addObject(doc, { kind: 'sticky', canvas: 'c1', x, y: 400, text }, fuzzer)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

export type FrameKind =
  | 'random-bytes'
  | 'prefix-garbage'
  | 'truncated'
  | 'random-varints'
  | 'huge-length'
  | 'mutated-update'
  | 'awareness-junk'
  | 'valid-update'

export interface FuzzFrame {
  readonly kind: FrameKind
  readonly bytes: Uint8Array
  /** For 'valid-update': the note's text, which must be in the document once the frame is answered. */
  readonly validText?: string
}

/**
 * The next fuzz frame: random bytes; valid y-websocket prefixes (sync step 1/2/update, awareness,
 * query) with garbage after them; truncated real messages; random varints and declared lengths,
 * huge ones included; real updates with bytes flipped, inserted or cut; junk awareness entries; and
 * now and then a whole valid update, which must be kept.
 */
export function nextFrame(rng: Rng, index: number, real: readonly Uint8Array[]): FuzzFrame {
  const r = rng.next()
  const realFrame = (): Uint8Array => syncFrame(2, rng.pick(real))
  if (r < 0.12) return { kind: 'random-bytes', bytes: rng.bytes(rng.length()) }
  if (r < 0.3) {
    const prefix = rng.pick([
      varints(0, 0),
      varints(0, 1),
      varints(0, 2),
      varints(1),
      varints(3),
      varints(0, rng.int(8)),
      varints(rng.int(6)),
    ])
    return { kind: 'prefix-garbage', bytes: concat(prefix, rng.bytes(rng.length())) }
  }
  if (r < 0.42) {
    const whole = rng.next() < 0.5 ? realFrame() : awarenessFrame([awarenessEntry(rng)])
    return { kind: 'truncated', bytes: whole.slice(0, rng.int(whole.length)) }
  }
  if (r < 0.52) {
    const values = Array.from({ length: 1 + rng.int(6) }, () =>
      rng.pick([rng.int(4), rng.int(1 << 16), rng.int(2 ** 31) * 2 ** rng.int(22), 2 ** 53 - 1]),
    )
    const bytes =
      rng.next() < 0.2 ? concat(varints(...values), new Uint8Array(10).fill(0xff)) : varints(...values)
    return { kind: 'random-varints', bytes }
  }
  if (r < 0.6) {
    // a declared length far past what follows (or past any cap)
    const declared = rng.pick([2 ** 31, 2 ** 32 + 7, 2 ** 53 - 1, 100 * 1024 * 1024, 3 * 1024 * 1024])
    const prefix = rng.pick([varints(0, 0), varints(0, 1), varints(0, 2), varints(1)])
    return { kind: 'huge-length', bytes: concat(prefix, varints(declared), rng.bytes(rng.int(64))) }
  }
  if (r < 0.82) return { kind: 'mutated-update', bytes: syncFrame(2, mutate(rng, rng.pick(real))) }
  if (r < 0.95) return { kind: 'awareness-junk', bytes: awarenessJunk(rng) }
  const text = `fuzz valid ${index}`
  return { kind: 'valid-update', bytes: syncFrame(2, validNoteUpdate(text, index % 1000)), validText: text }
}

/** Flips, inserts, deletes or overwrites a few bytes of a real update. */
function mutate(rng: Rng, update: Uint8Array): Uint8Array {
  let out: Uint8Array = Uint8Array.from(update)
  const edits = 1 + rng.int(4)
  for (let i = 0; i < edits; i++) {
    const at = rng.int(out.length + 1)
    const op = rng.int(4)
    if (op === 0 && out.length > 0) out[at % out.length]! ^= 1 << rng.int(8)
    else if (op === 1) out = concat(out.subarray(0, at), rng.bytes(1 + rng.int(4)), out.subarray(at))
    else if (op === 2)
      out = concat(out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + rng.int(4))))
    else if (out.length > 0) out[at % out.length] = rng.pick([0, 0x7f, 0x80, 0xff])
  }
  return out
}

function awarenessEntry(rng: Rng): { clientId: number; clock: number; json: string } {
  const json = rng.pick([
    '{}',
    'null',
    '[]',
    '42',
    '"text"',
    '{"user":',
    `{"user":{"name":"${'n'.repeat(rng.int(64))}"}}`,
    JSON.stringify({ big: 'x'.repeat(rng.int(10_000)) }),
    JSON.stringify({ deep: JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown }),
  ])
  return { clientId: rng.int(2 ** 31), clock: rng.pick([0, 1, rng.int(2 ** 31)]), json }
}

/** An awareness message with junk entries, or a well-formed frame around a junk update. */
function awarenessJunk(rng: Rng): Uint8Array {
  if (rng.next() < 0.3) return concat(varints(1), varints(rng.int(300)), rng.bytes(rng.length()))
  const entries = Array.from({ length: rng.pick([1, 1, 2, 70]) }, () => awarenessEntry(rng))
  return awarenessFrame(entries)
}

/** Whether the server reads a message as sync step 1 (type 0, sub-type 0): it answers those itself. */
export function looksLikeStep1(message: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(message)
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 0
  } catch {
    return false
  }
}

/** A websocket frame written by hand with random header bits, lengths and opcodes (for a raw TCP socket). */
export function junkWireFrame(rng: Rng): Uint8Array {
  const r = rng.next()
  if (r < 0.3) return rng.bytes(1 + rng.length())
  const first = rng.pick([0x82, 0x02, 0x80, 0x8f, 0xc2, 0x88, 0x89, 0x8a, rng.int(256)])
  const masked = rng.next() < 0.8 ? 0x80 : 0
  const len = rng.pick([126, 127, rng.int(126)])
  const head = [first, masked | len]
  if (len === 126) head.push(rng.int(256), rng.int(256))
  if (len === 127) head.push(...Array.from({ length: 8 }, () => rng.pick([0, 0xff, rng.int(256)])))
  return concat(Uint8Array.from(head), rng.bytes(4 + rng.int(32)))
}
