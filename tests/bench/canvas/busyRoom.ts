import type { CDPSession, Page } from 'playwright-core'
import { appendText, setPlainText } from '../../../shared/ops/objects'
import type { Origin } from '../../../shared/ops/origin'
import { colorFor } from '../../../shared/presence'
import { boardRoom } from '../../../shared/rooms'
import { connect, synced, type Client } from '../../helpers/server'

/*
 * A live room for `npm run bench:canvas`: other people's cursors moving over the board at a steady
 * rate, and a few people typing into notes, while the page's frames are timed.
 */

/** Connects `count` stock clients that move their cursors `hz` times a second over an area of the canvas. */
export async function startCursorCrowd(args: {
  ws: string
  sessionId: string
  key: string
  canvas: string
  count: number
  hz: number
  /** The world area the cursors wander over (the part of the board on screen). */
  area: { x: number; y: number; w: number; h: number }
}): Promise<() => void> {
  const clients: Client[] = []
  for (let i = 0; i < args.count; i++) clients.push(connect(args.ws, boardRoom(args.sessionId), args.key))
  await Promise.all(clients.map(synced))
  let tick = 0
  const move = () => {
    tick++
    clients.forEach((c, i) => {
      // each on its own circle, so every cursor moves every time
      const angle = (tick / args.hz) * 2 + i
      const cx = args.area.x + ((i * 97) % args.area.w)
      const cy = args.area.y + ((i * 61) % args.area.h)
      const id = `crowd-${i}`
      c.provider.awareness.setLocalState({
        user: { id, name: `Person ${i + 1}`, color: colorFor(id), role: 'participant' },
        cursor: { canvas: args.canvas, x: cx + Math.cos(angle) * 120, y: cy + Math.sin(angle) * 80 },
        selection: [],
        view: null,
      })
    })
  }
  move()
  const timer = setInterval(move, 1000 / args.hz)
  return () => {
    clearInterval(timer)
    for (const c of clients) c.destroy()
  }
}

/** A keystroke sent: the note, its text's length after it, and when it left (ms since the epoch). */
export interface Keystroke {
  readonly id: string
  readonly length: number
  readonly at: number
}

/**
 * Types into notes as people do, one character at the end per keystroke: each of `notes` gets one
 * `perSecond` times a second (a note past 60 characters starts again empty). `sent` lists them.
 */
export function startTypists(client: Client, notes: readonly string[], who: Origin, perSecond: number) {
  const lengths = notes.map(() => 0)
  const sent: Keystroke[] = []
  for (const id of notes) setPlainText(client.doc, id, '', who)
  let turn = 0
  const timer = setInterval(
    () => {
      const i = turn++ % notes.length
      const id = notes[i]!
      if (lengths[i]! >= 60) {
        setPlainText(client.doc, id, '', who)
        lengths[i] = 0
      }
      appendText(client.doc, id, 'abcdefghij'[turn % 10]!, who)
      lengths[i]!++
      sent.push({ id, length: lengths[i]!, at: performance.timeOrigin + performance.now() })
    },
    1000 / (perSecond * notes.length),
  )
  return { stop: () => clearInterval(timer), sent }
}

/**
 * How long each keystroke took to show on the page's canvas (ms): from its sending to the first
 * frame that drew its note with at least its length. Keystrokes never drawn are counted apart.
 */
export function keyToCanvas(
  sent: readonly Keystroke[],
  drawn: readonly { id: string; length: number; at: number }[],
): { latencies: number[]; neverDrawn: number } {
  const latencies: number[] = []
  let neverDrawn = 0
  for (const key of sent) {
    const shown = drawn.find((d) => d.id === key.id && d.length >= key.length && d.at >= key.at)
    if (shown) latencies.push(shown.at - key.at)
    else neverDrawn++
  }
  return { latencies, neverDrawn }
}

/** Intervals between animation frames over `ms` of the page doing whatever it does (the first two dropped). */
export async function framesFor(page: Page, ms: number): Promise<number[]> {
  // a string, not a function: the TypeScript loader would wrap named functions in helpers the page lacks
  return page.evaluate(`new Promise((done) => {
    const frames = []
    let last = performance.now()
    const end = last + ${ms}
    const tick = (t) => {
      frames.push(t - last)
      last = t
      if (t < end) requestAnimationFrame(tick)
      else done(frames.slice(2))
    }
    requestAnimationFrame(tick)
  })`) as Promise<number[]>
}

/** Slows the page's CPU (1: full speed), as Chromium's DevTools do; the session must stay open meanwhile. */
export async function throttleCpu(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}
