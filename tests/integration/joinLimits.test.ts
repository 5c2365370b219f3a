import { describe, expect, it, onTestFinished } from 'vitest'
import { DEFAULT_GUARD, type GuardLimits } from '../../server/guard/guard'
import { createSession, startServer, type CreatedSession, type TestServer } from '../helpers/server'

/*
 * POST /join mints a person token, and each token carries a vote budget: one client address may
 * mint only so many, in one session and in all. The clock the budgets refill by is the test's.
 */

interface Clocked {
  readonly server: TestServer
  /** Moves the server's rate clock on. */
  advance(ms: number): void
}

async function serverWith(guard: Partial<GuardLimits>): Promise<Clocked> {
  let now = 1_000_000
  const server = await startServer({ guard, clock: () => now })
  onTestFinished(() => server.close())
  return { server, advance: (ms) => (now += ms) }
}

/** A raw join: any key, any body, from any address a proxy would report (X-Forwarded-For). */
const join = (
  server: TestServer,
  s: CreatedSession,
  body: unknown,
  from?: string,
  key = s.keys.participant,
) =>
  fetch(`${server.http}/api/sessions/${s.id}/join?key=${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify(body),
  })

let named = 0

/** Joins `n` times as new people; every one must be let in. */
async function joinMany(server: TestServer, s: CreatedSession, n: number, from?: string): Promise<string[]> {
  const tokens: string[] = []
  for (let i = 0; i < n; i++) {
    // each person a name of their own: a session has one person of a name
    const res = await join(server, s, { name: `P${++named}` }, from)
    expect(res.status, `join ${i + 1}`).toBe(201)
    tokens.push(((await res.json()) as { token: string }).token)
  }
  return tokens
}

/** A refusal: 429, a JSON error saying what and how long, and Retry-After in whole seconds. */
async function expectRefused(res: Response, message: RegExp, retryAfter: string): Promise<void> {
  expect(res.status).toBe(429)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(res.headers.get('retry-after')).toBe(retryAfter)
  expect(((await res.json()) as { error: string }).error).toMatch(message)
}

const PER_MINUTE = { joinsPerSession: { count: 20, perSeconds: 60 } } as const

describe('joins per address', () => {
  it('the 21st join in a minute is refused with 429 and Retry-After; it works again once the budget refills', async () => {
    const { server, advance } = await serverWith(PER_MINUTE)
    const s = await createSession(server.http)
    await joinMany(server, s, 20)
    // one token every 3 s after the burst of 20
    await expectRefused(
      await join(server, s, { name: 'Twenty-one' }),
      /too many joins to this session from your address \(at most 20 per minute\); try again in 3 s/,
      '3',
    )
    // nothing was minted by the refusal
    const people = await fetch(`${server.http}/api/sessions/${s.id}/people?key=${s.keys.facilitator}`)
    expect(((await people.json()) as { people: unknown[] }).people).toHaveLength(20)
    advance(2_999)
    expect((await join(server, s, { name: 'Too soon' })).status).toBe(429)
    advance(1)
    expect((await join(server, s, { name: 'One more' })).status).toBe(201)
    expect((await join(server, s, { name: 'And again' })).status).toBe(429)
    // after the whole window, the whole burst again
    advance(60_000)
    await joinMany(server, s, 20)
    expect((await join(server, s, { name: 'Past it' })).status).toBe(429)
  })

  it('leaves other sessions and other addresses alone; a forged X-Forwarded-For does not help without a proxy', async () => {
    const { server } = await serverWith(PER_MINUTE)
    const s = await createSession(server.http)
    const other = await createSession(server.http)
    await joinMany(server, s, 20)
    // a client sending its own X-Forwarded-For is still counted by its socket's address
    for (const forged of ['10.0.0.1', '10.0.0.2, 10.0.0.3'])
      expect((await join(server, s, { name: 'Forged' }, forged)).status).toBe(429)
    // another session of the same address has its own budget
    await joinMany(server, other, 20)

    // behind a proxy, the address the proxy reports counts
    const proxied = await serverWith({ ...PER_MINUTE, trustProxy: true })
    const p = await createSession(proxied.server.http)
    await joinMany(proxied.server, p, 20, '203.0.113.7')
    expect((await join(proxied.server, p, { name: 'Spent' }, '203.0.113.7')).status).toBe(429)
    // what the client put before the proxy's own entry is not an address of its own
    expect((await join(proxied.server, p, { name: 'Spoof' }, '198.51.100.1, 203.0.113.7')).status).toBe(429)
    await joinMany(proxied.server, p, 20, '198.51.100.1')
    // an IPv6 client is counted by its /64: a new address in the same /64 is the same client
    await joinMany(proxied.server, p, 20, '2001:db8:1:2::1')
    expect((await join(proxied.server, p, { name: 'Same /64' }, '2001:db8:1:2::ffff')).status).toBe(429)
  })

  it('caps an address across sessions too', async () => {
    const { server, advance } = await serverWith({ ...PER_MINUTE, joins: { count: 30, perSeconds: 3600 } })
    const a = await createSession(server.http)
    const b = await createSession(server.http)
    await joinMany(server, a, 20)
    await joinMany(server, b, 10)
    // B's own budget has room; the address's does not (one every 2 minutes after 30)
    await expectRefused(
      await join(server, b, { name: 'Thirty-one' }),
      /too many joins from your address \(at most 30 per hour\); try again in 2 minutes/,
      '120',
    )
    advance(120_000)
    expect((await join(server, b, { name: 'Later' })).status).toBe(201)
  })

  it('counts only new tokens: a device joining again, a viewer, a bad name or a made-up token cost nothing', async () => {
    const { server } = await serverWith({ joinsPerSession: { count: 2, perSeconds: 60 } })
    const s = await createSession(server.http)
    const [token] = await joinMany(server, s, 1)
    for (let i = 0; i < 10; i++) {
      expect((await join(server, s, { token, name: `Renamed ${i}` })).status).toBe(200)
      expect((await join(server, s, { name: 'Vic' }, undefined, s.keys.viewer)).status).toBe(200)
      expect((await join(server, s, { name: ' ' })).status).toBe(400)
      expect((await join(server, s, { name: 'x'.repeat(61) })).status).toBe(400)
      expect((await join(server, s, { token: 'A'.repeat(43), name: 'Eve' })).status).toBe(403)
      expect((await join(server, s, { name: 'Eve' }, undefined, 'x'.repeat(43))).status).toBe(403)
    }
    expect((await join(server, s, { name: 'Second' })).status).toBe(201)
    expect((await join(server, s, { name: 'Third' })).status).toBe(429)
  })

  it('by default, a room of 60 behind one venue NAT joins at once; the 61st waits', async () => {
    const { server, advance } = await serverWith({
      joins: DEFAULT_GUARD.joins,
      joinsPerSession: DEFAULT_GUARD.joinsPerSession,
    })
    const s = await createSession(server.http)
    await joinMany(server, s, 60)
    await expectRefused(await join(server, s, { name: 'Sixty-one' }), /at most 60 per 10 minutes/, '10')
    advance(10_000)
    expect((await join(server, s, { name: 'Sixty-one' })).status).toBe(201)
  })
})
