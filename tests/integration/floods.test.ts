import { describe, expect, it, onTestFinished } from 'vitest'
import { CLOSE_POLICY, countDisconnects, expectCarriesOn, rawInRoom, seed } from '../helpers/carriesOn'
import { harness, type Harness } from '../helpers/harness'
import { awarenessFrame } from '../helpers/raw'
import { OP, clientFrame, openTcpWebSocket, type TcpWebSocket } from '../helpers/rawTcp'
import { metricValue } from '../helpers/metrics'

/*
 * The ws advisories' floods, written frame by frame on a plain TCP socket: fragments without end,
 * tiny frames, pings. Each closes only the connection that sent it; a normal client is unaffected.
 */

/** A raw TCP websocket in a room, once the server has loaded it (its sync step 1 arrived). */
async function tcpInRoom(h: Harness, room: string, key: string): Promise<TcpWebSocket> {
  const tcp = await openTcpWebSocket(h.server.http, `/ws/${room}?key=${encodeURIComponent(key)}`)
  onTestFinished(() => void tcp.socket.destroy())
  await expect.poll(() => tcp.frames.some((f) => f.opcode === OP.binary)).toBe(true)
  return tcp
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

describe('floods on one connection close that connection only', () => {
  it('a message in endless 1-byte fragments: closed with 1008 after 64, the room carries on', async () => {
    const h = await harness()
    const s = await seed(h)
    const tcp = await tcpInRoom(h, s.id, s.keys.participant)
    // an awareness message (type 1) that never ends: 1 byte per continuation frame
    const frames = [clientFrame({ fin: false, opcode: OP.binary, payload: bytes(1) })]
    for (let i = 0; i < 10_000; i++)
      frames.push(clientFrame({ fin: false, opcode: OP.continuation, payload: bytes(1) }))
    void tcp.write(Buffer.concat(frames))
    expect((await tcp.closed).code).toBe(CLOSE_POLICY)
    expect(
      await metricValue(h.server.http, 'whiteboard_messages_dropped_total', 'ws_err_too_many_buffered_parts'),
    ).toBe(1)
    await expectCarriesOn(h, s, 'fragment flood')
  })

  it('empty continuation frames count as fragments too', async () => {
    const h = await harness()
    const s = await seed(h)
    const tcp = await tcpInRoom(h, s.id, s.keys.participant)
    const frames = [clientFrame({ fin: false, opcode: OP.binary })]
    for (let i = 0; i < 1000; i++) frames.push(clientFrame({ fin: false, opcode: OP.continuation }))
    void tcp.write(Buffer.concat(frames))
    expect((await tcp.closed).code).toBe(CLOSE_POLICY)
    await expectCarriesOn(h, s, 'empty fragments')
  })

  it('a message in a few fragments is still accepted', async () => {
    const h = await harness()
    const s = await seed(h)
    const tcp = await tcpInRoom(h, s.id, s.keys.participant)
    const me = 930_001
    const message = awarenessFrame([{ clientId: me, clock: 1, json: '{"user":{},"marker":"in fragments"}' }])
    const cut = [0, 3, 9, 17, message.length]
    const frames = cut.slice(0, -1).map((from, i) =>
      clientFrame({
        fin: i === cut.length - 2,
        opcode: i === 0 ? OP.binary : OP.continuation,
        payload: message.subarray(from, cut[i + 1]),
      }),
    )
    await tcp.write(Buffer.concat(frames))
    await expect
      .poll(() => s.bystander.provider.awareness.getStates().get(me))
      .toMatchObject({ marker: 'in fragments' })
    expect(tcp.isOpen()).toBe(true)
    await expectCarriesOn(h, s, 'fragments')
  })

  it('thousands of tiny frames in one write: closed by the rate limit with 1008', async () => {
    const h = await harness()
    const s = await seed(h)
    const tcp = await tcpInRoom(h, s.id, s.keys.participant)
    // query-awareness (type 3): the smallest valid message, each one alone harmless
    const tiny = clientFrame({ opcode: OP.binary, payload: bytes(3) })
    void tcp.write(Buffer.concat(Array.from({ length: 5000 }, () => tiny)))
    const closed = await tcp.closed
    expect(closed).toEqual({ code: CLOSE_POLICY, reason: 'rate limit exceeded' })
    await expectCarriesOn(h, s, 'tiny frames')
  })

  it('a ping flood: closed by the rate limit with 1008', async () => {
    const h = await harness()
    const s = await seed(h)
    const tcp = await tcpInRoom(h, s.id, s.keys.participant)
    const ping = clientFrame({ opcode: OP.ping, payload: bytes(1, 2, 3, 4) })
    void tcp.write(Buffer.concat(Array.from({ length: 5000 }, () => ping)))
    const closed = await tcp.closed
    expect(closed).toEqual({ code: CLOSE_POLICY, reason: 'rate limit exceeded' })
    // it was answered while within the limit, then cut off: not 5000 pongs
    const pongs = tcp.frames.filter((f) => f.opcode === OP.pong).length
    expect(pongs).toBeGreaterThan(0)
    expect(pongs).toBeLessThan(5000)
    await expectCarriesOn(h, s, 'ping flood')
  })

  it('a few pings, as keep-alives, are answered and harmless', async () => {
    const h = await harness()
    const s = await seed(h)
    const tcp = await tcpInRoom(h, s.id, s.keys.participant)
    const ping = clientFrame({ opcode: OP.ping, payload: bytes(9) })
    await tcp.write(Buffer.concat([ping, ping, ping]))
    await expect.poll(() => tcp.frames.filter((f) => f.opcode === OP.pong).length).toBe(3)
    expect(tcp.isOpen()).toBe(true)
    await expectCarriesOn(h, s, 'keep-alive pings')
  })

  it('a flood of large awareness states: closed by the awareness budget, nothing past it relayed', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const me = 930_002
    const filler = 'x'.repeat(7 * 1024)
    let seen = 0
    s.bystander.provider.awareness.on(
      'change',
      ({ updated, added }: { updated: number[]; added: number[] }) => {
        if ([...updated, ...added].includes(me)) seen++
      },
    )
    // 200 states of 7 KiB: 1.4 MiB, far past the 256 KiB burst, though within the message rate limit
    for (let clock = 1; clock <= 200; clock++) {
      raw.ws.send(
        awarenessFrame([{ clientId: me, clock, json: JSON.stringify({ user: {}, n: clock, filler }) }]),
      )
    }
    expect(await raw.closed).toEqual({ code: CLOSE_POLICY, reason: 'awareness rate limit exceeded' })
    await expectCarriesOn(h, s, 'awareness flood')
    expect(seen).toBeGreaterThan(0)
    expect(seen).toBeLessThan(60)
  })
})

describe('a stock client in a crowded room', () => {
  it('echoing every state of 80 others back at once is not mistaken for a flood', async () => {
    const h = await harness()
    const s = await seed(h)
    const crowd = await Promise.all(Array.from({ length: 80 }, () => rawInRoom(h, s.id, s.keys.participant)))
    crowd.forEach((raw, i) =>
      raw.ws.send(awarenessFrame([{ clientId: 940_000 + i, clock: 1, json: `{"user":{"name":"P${i}"}}` }])),
    )
    const seesCrowd = (states: Map<number, unknown>): boolean =>
      crowd.every((_, i) => states.has(940_000 + i))
    await expect.poll(() => seesCrowd(s.bystander.provider.awareness.getStates())).toBe(true)
    // a stock client joining gets all 80 states in one message and sends them all back in one
    const late = h.open(s.id, s.keys.participant)
    const drops = countDisconnects(late)
    await expect.poll(() => seesCrowd(late.provider.awareness.getStates())).toBe(true)
    late.provider.awareness.setLocalState({ user: { name: 'Late' }, marker: 'late' })
    await expect
      .poll(() => s.bystander.provider.awareness.getStates().get(late.doc.clientID))
      .toMatchObject({ marker: 'late' })
    expect(drops()).toBe(0)
    await expectCarriesOn(h, s, 'crowd')
  })
})
