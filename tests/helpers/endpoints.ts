import type { CreatedSession } from './server'

/**
 * Calls every HTTP endpoint that reads a session's documents — the exports, the session, templates
 * (list and save-as), reveal, the end of voting, a commitment answer — and the system ones (metrics,
 * healthz, time). Returns each one's status by name, for a test to require 2xx or at least no 5xx.
 */
export async function endpointStatuses(
  http: string,
  s: CreatedSession,
  token: string,
): Promise<Record<string, number>> {
  const base = `${http}/api/sessions/${s.id}`
  const fac = `key=${s.keys.facilitator}`
  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const calls: [string, string, RequestInit?][] = [
    ['export md', `${base}/export?format=md&${fac}`],
    ['export json', `${base}/export?format=json&${fac}`],
    ['export csv', `${base}/export?format=csv&${fac}`],
    ['session', `${base}?key=${s.keys.participant}`],
    ['templates', `${http}/api/templates`],
    ['save as template', `${base}/template?${fac}`, json({ title: 'Saved after the attack' })],
    ['answer', `${base}/answer?token=${token}`, json({ answer: 'agree' })],
    ['reveal', `${base}/reveal?${fac}`, { method: 'POST' }],
    ['voting end', `${base}/voting/end?${fac}`, { method: 'POST' }],
    ['metrics', `${http}/metrics`],
    ['healthz', `${http}/healthz`],
    ['time', `${http}/api/time`],
  ]
  const out: Record<string, number> = {}
  for (const [name, url, init] of calls) {
    const res = await fetch(url, init)
    await res.arrayBuffer()
    out[name] = res.status
  }
  return out
}

/** Every status 2xx (expect the result to equal {}). */
export const failures = (statuses: Record<string, number>, below = 300): Record<string, number> =>
  Object.fromEntries(Object.entries(statuses).filter(([, status]) => status >= below))
