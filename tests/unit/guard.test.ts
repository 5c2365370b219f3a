import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from '../../server/config'
import { clientAddress, limitKeyOf } from '../../server/guard/clientAddress'
import { DEFAULT_GUARD } from '../../server/guard/guard'
import { AddressRateLimiter, describeQuota } from '../../server/guard/rateLimiter'

describe('limits in the configuration', () => {
  it('default to the workshop-sized limits', () => {
    const c = readConfig({})
    expect(c.guard).toEqual(DEFAULT_GUARD)
    expect(c.uploadsPerMinute).toBe(240)
    expect(c.adminToken).toBeUndefined()
  })

  it('read rates as <count>/<period> and times in seconds', () => {
    const c = readConfig({
      LIMIT_SESSIONS: '10/5m',
      LIMIT_IMPORTS: '3/h',
      LIMIT_JOINS: '100/1h',
      LIMIT_JOINS_PER_SESSION: '20/1m',
      IMPORT_MAX_BYTES: String(8 * 1024 * 1024),
      MAX_SOCKETS_PER_ADDRESS: '40',
      MAX_REQUESTS_PER_ADDRESS: '8',
      HEADERS_TIMEOUT_S: '5',
      REQUEST_TIMEOUT_S: '60',
      BODY_IDLE_TIMEOUT_S: '10',
      TRUST_PROXY: '1',
      UPLOADS_PER_MINUTE: '30',
      ADMIN_TOKEN: 'a-long-enough-operator-token-1234',
    })
    expect(c.guard).toEqual({
      trustProxy: true,
      sessions: { count: 10, perSeconds: 300 },
      imports: { count: 3, perSeconds: 3600 },
      joins: { count: 100, perSeconds: 3600 },
      joinsPerSession: { count: 20, perSeconds: 60 },
      importMaxBytes: 8 * 1024 * 1024,
      socketsPerAddress: 40,
      requestsPerAddress: 8,
      headersTimeoutMs: 5000,
      requestTimeoutMs: 60_000,
      bodyIdleMs: 10_000,
    })
    expect(c.uploadsPerMinute).toBe(30)
    expect(c.adminToken).toBe('a-long-enough-operator-token-1234')
  })

  it.each([
    [{ LIMIT_SESSIONS: 'lots' }, /LIMIT_SESSIONS="lots": must be <count>\/<period>/],
    [{ LIMIT_IMPORTS: '0/1h' }, /LIMIT_IMPORTS="0\/1h"/],
    [{ LIMIT_JOINS: '20 a minute' }, /LIMIT_JOINS="20 a minute": must be <count>\/<period>/],
    [{ LIMIT_JOINS_PER_SESSION: '0/1m' }, /LIMIT_JOINS_PER_SESSION="0\/1m"/],
    [{ LIMIT_SESSIONS: '5/0m' }, /LIMIT_SESSIONS/],
    [{ IMPORT_MAX_BYTES: '12MB' }, /IMPORT_MAX_BYTES="12MB": must be a whole number of bytes/],
    [{ MAX_SOCKETS_PER_ADDRESS: '0' }, /MAX_SOCKETS_PER_ADDRESS="0"/],
    [{ MAX_REQUESTS_PER_ADDRESS: '-1' }, /MAX_REQUESTS_PER_ADDRESS/],
    [{ HEADERS_TIMEOUT_S: '1.5' }, /HEADERS_TIMEOUT_S/],
    [{ BODY_IDLE_TIMEOUT_S: '99999' }, /BODY_IDLE_TIMEOUT_S/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY="yes": must be 0 or 1/],
    [{ UPLOADS_PER_MINUTE: 'many' }, /UPLOADS_PER_MINUTE/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN=\(hidden\): must be at least 24/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
    expect(() => readConfig(env)).toThrow(message)
  })
})

describe('client addresses', () => {
  it('count IPv4 as is, IPv4-mapped as IPv4, and IPv6 by its /64', () => {
    expect(limitKeyOf('203.0.113.7')).toBe('203.0.113.7')
    expect(limitKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(limitKeyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(limitKeyOf('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(limitKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64')
  })

  it('trust X-Forwarded-For only behind a proxy, and then only its last entry', () => {
    const req = (xff?: string) =>
      ({
        socket: { remoteAddress: '10.0.0.2' },
        headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      }) as unknown as IncomingMessage
    expect(clientAddress(req('1.2.3.4'), false)).toBe('10.0.0.2')
    expect(clientAddress(req('6.6.6.6, 1.2.3.4'), true)).toBe('1.2.3.4')
    expect(clientAddress(req(), true)).toBe('10.0.0.2')
  })
})

describe('AddressRateLimiter', () => {
  it('allows a burst, then one per period/count, per address, and says how long to wait', () => {
    let t = 0
    const limiter = new AddressRateLimiter({ count: 3, perSeconds: 60 }, () => t)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([null, null, null])
    expect(limiter.take('a')).toBe(20)
    expect(limiter.take('b')).toBeNull()
    t += 19_000
    expect(limiter.take('a')).toBe(1)
    t += 1000
    expect(limiter.take('a')).toBeNull()
  })

  it('describes quotas as people read them', () => {
    expect(describeQuota({ count: 60, perSeconds: 3600 })).toBe('60 per hour')
    expect(describeQuota({ count: 20, perSeconds: 600 })).toBe('20 per 10 minutes')
    expect(describeQuota({ count: 5, perSeconds: 30 })).toBe('5 per 30 seconds')
  })
})
