import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from '../../server/config'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../../server/relay/awareness'
import { ProtocolError, decodeMessage, encodeUpdate } from '../../server/relay/protocol'
import { TokenBucket } from '../../server/relay/rateLimit'
import { hashKey, newKey, newSessionId, roleForKey } from '../../server/sessions/keys'
import { newPrivateToken, ownerOfToken } from '../../shared/identity'
import { canWrite, parseRoom } from '../../shared/rooms'
import { privateRoomDenial } from '../../server/relay/policy'

describe('config', () => {
  it('has the contract defaults', () => {
    const c = readConfig({})
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', redisUrl: undefined })
    expect(c.dataDir.endsWith('/data')).toBe(true)
  })
  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty"/],
    [{ PORT: '70000' }, /PORT/],
    [{ HOST: 'bad host!' }, /HOST/],
    [{ DATA_DIR: '' }, /DATA_DIR/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
    expect(() => readConfig(env)).toThrow(message)
  })
})

describe('keys', () => {
  it('are long, random, and map to exactly one role', () => {
    const keys = { facilitator: newKey(), participant: newKey(), viewer: newKey() }
    expect(Buffer.from(keys.viewer, 'base64url').length).toBe(32)
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const session = {
      id: 's',
      title: 't',
      template: 'x',
      createdAt: 0,
      keyHashes: {
        facilitator: hashKey(keys.facilitator),
        participant: hashKey(keys.participant),
        viewer: hashKey(keys.viewer),
      },
    }
    expect(roleForKey(session, keys.facilitator)).toBe('facilitator')
    expect(roleForKey(session, keys.participant)).toBe('participant')
    expect(roleForKey(session, keys.viewer)).toBe('viewer')
    expect(roleForKey(session, newKey())).toBe(null)
    expect(roleForKey(session, '')).toBe(null)
    expect(roleForKey(session, null)).toBe(null)
    expect(roleForKey(session, `${keys.viewer}!`)).toBe(null)
  })
})

describe('rooms', () => {
  it('parses board and control rooms and nothing else', () => {
    const id = 'abcdefghijklmnopqrstuv'
    expect(parseRoom(id)).toEqual({ sessionId: id, kind: 'board' })
    expect(parseRoom(`${id}/control`)).toEqual({ sessionId: id, kind: 'control' })
    const owner = 'a'.repeat(43)
    expect(parseRoom(`${id}/private/${owner}`)).toEqual({ sessionId: id, kind: 'private', owner })
    expect(parseRoom(`${id}/private/short`)).toBe(null)
    expect(parseRoom(`${id}/private`)).toBe(null)
    expect(parseRoom(`${id}/control/${owner}`)).toBe(null)
    for (const bad of ['', '../etc', `${id}/../x`, `${id}/control/x`, `${id}/other`, 'short'])
      expect(parseRoom(bad)).toBe(null)
  })
  it('lets facilitators write control, participants the board, viewers nothing', () => {
    expect(canWrite('facilitator', 'control')).toBe(true)
    expect(canWrite('participant', 'control')).toBe(false)
    expect(canWrite('participant', 'board')).toBe(true)
    expect(canWrite('viewer', 'board')).toBe(false)
  })
})

describe('private identity', () => {
  it('names a private room by the hash of a secret token, which only the token proves', () => {
    const token = newPrivateToken()
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(ownerOfToken(token)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(ownerOfToken(token)).toBe(ownerOfToken(token))
    expect(ownerOfToken(newPrivateToken())).not.toBe(ownerOfToken(token))
    const room = parseRoom(`${'b'.repeat(22)}/private/${ownerOfToken(token)}`)!
    // the relay passes the person id the (server-issued) token proves
    expect(privateRoomDenial(room, 'participant', ownerOfToken(token))).toBe(null)
    expect(privateRoomDenial(room, 'facilitator', null)).toBe(null)
    expect(privateRoomDenial(room, 'participant', ownerOfToken(newPrivateToken()))).toMatch(/not yours/)
    expect(privateRoomDenial(room, 'participant', null)).toMatch(/not yours/)
    expect(privateRoomDenial(room, 'viewer', ownerOfToken(token))).toMatch(/viewers/)
  })
})

describe('protocol', () => {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 1)
  const update = Y.encodeStateAsUpdate(doc)
  it('decodes a sync update', () => {
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update })
  })
  it.each([
    ['empty', new Uint8Array([])],
    ['overlong varint', new Uint8Array(12).fill(0xff)],
    ['unknown type', new Uint8Array([7])],
    ['unknown sync type', new Uint8Array([0, 9, 0])],
    ['truncated update', encodeUpdate(update).slice(0, 6)],
    ['garbage update', encodeUpdate(new Uint8Array([1, 200, 3, 4, 5, 6]))],
    ['trailing bytes', new Uint8Array([...encodeUpdate(update), 1])],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeMessage(bytes)).toThrow(ProtocolError)
  })
  it('round-trips awareness and refuses oversized or non-object states', () => {
    const entries = [{ clientId: 5, clock: 2, json: '{"user":{"name":"A"}}' }]
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries)
    const big = [{ clientId: 5, clock: 2, json: JSON.stringify({ s: 'x'.repeat(9000) }) }]
    expect(() => decodeAwarenessUpdate(encodeAwarenessUpdate(big))).toThrow(/too large/)
    expect(() =>
      decodeAwarenessUpdate(encodeAwarenessUpdate([{ clientId: 1, clock: 1, json: '[1]' }])),
    ).toThrow()
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, '{not json')
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(e))).toThrow(ProtocolError)
  })
})

describe('token bucket', () => {
  it('allows a burst, then refills over time', () => {
    let t = 0
    const b = new TokenBucket(3, 10, () => t)
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false])
    t = 100
    expect(b.take()).toBe(true)
    expect(b.take()).toBe(false)
  })
})
