import type { CDPSession, Page } from 'playwright-core'
import { setPlainText } from '../../../shared/ops/objects'
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

/** Types into notes: each of `notes` gets one more character `perSecond` times a second. */
export function startTypists(client: Client, notes: readonly string[], who: Origin, perSecond: number) {
  const texts = notes.map(() => '')
  let turn = 0
  const timer = setInterval(
    () => {
      const i = turn++ % notes.length
      texts[i] = (texts[i]!.length > 60 ? '' : texts[i]!) + 'abcdefghij'[turn % 10]
      setPlainText(client.doc, notes[i]!, texts[i]!, who)
    },
    1000 / (perSecond * notes.length),
  )
  return () => clearInterval(timer)
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
