import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { loadStoredDoc } from '../helpers/board'
import {
  CLOSE_POLICY,
  CLOSE_PROTOCOL,
  CLOSE_TOO_BIG,
  CLOSE_UNSUPPORTED,
  countDisconnects,
  expectCarriesOn,
  noteUpdate,
  pseudoRandomBytes,
  rawInRoom,
  seed,
} from '../helpers/carriesOn'
import { harness } from '../helpers/harness'
import {
  awarenessFrame,
  messageTypeFrame,
  rawUpgradeStatus,
  refusedUpgrade,
  syncStep1Frame,
  syncUpdateFrame,
} from '../helpers/raw'

describe('bad input on the websocket relay closes only that connection', () => {
  it('malformed varints: closed as a protocol error; the content survives a restart', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send(new Uint8Array(12).fill(0xff))
    expect((await raw.closed).code).toBe(CLOSE_PROTOCOL)
    await expectCarriesOn(h, s, 'malformed varints', { restart: true })
  })

  it('an unknown message type: closed as a protocol error', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send(messageTypeFrame(7))
    expect((await raw.closed).code).toBe(CLOSE_PROTOCOL)
    await expectCarriesOn(h, s, 'unknown type')
  })

  it('a truncated update: closed, and none of it is applied or stored', async () => {
    const h = await harness()
    const s = await seed(h)
    const whole = noteUpdate('truncated note')
    const half = whole.slice(0, Math.floor(whole.length / 2))
    expect(() => Y.decodeUpdate(half)).toThrow()
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send(syncUpdateFrame(half))
    expect((await raw.closed).code).toBe(CLOSE_PROTOCOL)
    await expectCarriesOn(h, s, 'truncated update', { restart: true })
  })

  it('random bytes inside a well-formed sync update frame: closed, nothing stored', async () => {
    const h = await harness()
    const s = await seed(h)
    const garbage = pseudoRandomBytes(64, 0xc0ffee)
    expect(() => Y.decodeUpdate(garbage)).toThrow()
    const rowsBefore = (await h.server.storage.load(s.id)).length
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send(syncUpdateFrame(garbage))
    expect((await raw.closed).code).toBe(CLOSE_PROTOCOL)
    await h.server.app.relay.flushed()
    expect((await h.server.storage.load(s.id)).length).toBe(rowsBefore)
    await expectCarriesOn(h, s, 'random bytes', { restart: true })
  })

  it('a valid update over the 2 MiB message cap: closed with 1009 and not applied', async () => {
    const h = await harness()
    const s = await seed(h)
    const doc = new Y.Doc()
    doc.getText('big').insert(0, 'x'.repeat(2 * 1024 * 1024 + 1024))
    const frame = syncUpdateFrame(Y.encodeStateAsUpdate(doc))
    doc.destroy()
    expect(frame.byteLength).toBeGreaterThan(2 * 1024 * 1024)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send(frame)
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG)
    await expectCarriesOn(h, s, 'oversized message', { restart: true })
    const { doc: stored } = await loadStoredDoc(h.server.storage, s.id)
    expect(stored.getText('big').length).toBe(0)
  })

  it('a flood of tiny valid messages from one socket: that socket is closed by the rate limit', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const me = 910_001
    for (let clock = 1; clock <= 5000; clock++) {
      // alternate awareness updates of its own and sync step 1s: each one alone is fine
      raw.ws.send(
        clock % 2
          ? awarenessFrame([{ clientId: me, clock, json: `{"n":${clock}}` }])
          : syncStep1Frame(new Uint8Array([0])),
      )
    }
    expect((await raw.closed).code).toBe(CLOSE_POLICY)
    await expectCarriesOn(h, s, 'flood')
  })

  it('a text frame: closed with 1003', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send('{"hello":"this is text"}')
    expect((await raw.closed).code).toBe(CLOSE_UNSUPPORTED)
    await expectCarriesOn(h, s, 'text frame')
  })

  it('awareness for someone else’s client id is never shown; a socket using two ids is closed', async () => {
    const h = await harness()
    const s = await seed(h)
    const victimState = { user: { name: 'Victim', color: '#00798c' } }
    const victim = h.open(s.id, s.keys.participant)
    victim.provider.awareness.setLocalState(victimState)
    const victimId = victim.doc.clientID
    const observer = h.open(s.id, s.keys.viewer)
    observer.provider.awareness.setLocalState({ user: { name: 'Observer' } })
    const drops = countDisconnects(victim, observer)
    // the relay adds the role (and id) it knows: the state seen is the victim's, corrected
    const seenVictim = { user: { ...victimState.user, role: 'participant' } }
    await expect.poll(() => observer.provider.awareness.getStates().get(victimId)).toMatchObject(seenVictim)
    // stock clients re-send every state they receive: that echo is not a spoof and costs no one the connection
    await expect
      .poll(() => victim.provider.awareness.getStates().get(observer.doc.clientID))
      .toMatchObject({ user: { name: 'Observer', role: 'viewer' } })

    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const own = 910_002
    raw.ws.send(awarenessFrame([{ clientId: victimId, clock: 1000, json: '{"user":{"name":"Mallory"}}' }]))
    raw.ws.send(awarenessFrame([{ clientId: victimId, clock: 1001, json: 'null' }]))
    // the socket's own state, sent after the spoof: once the observer sees it, the spoof was handled
    raw.ws.send(
      awarenessFrame([
        { clientId: own, clock: 1, json: '{"user":{"name":"Raw"},"marker":"after the spoof"}' },
      ]),
    )
    await expect
      .poll(() => observer.provider.awareness.getStates().get(own))
      .toMatchObject({ marker: 'after the spoof' })
    expect(observer.provider.awareness.getStates().get(victimId)).toMatchObject(seenVictim)
    expect(victim.provider.awareness.getLocalState()).toEqual(victimState)
    const late = h.open(s.id, s.keys.viewer)
    await expect
      .poll(() => late.provider.awareness.getStates().get(own))
      .toMatchObject({ marker: 'after the spoof' })
    expect(late.provider.awareness.getStates().get(victimId)).toMatchObject(seenVictim)

    const twoIds = await rawInRoom(h, s.id, s.keys.participant)
    twoIds.ws.send(awarenessFrame([{ clientId: 910_003, clock: 1, json: '{"user":{}}' }]))
    twoIds.ws.send(awarenessFrame([{ clientId: 910_004, clock: 1, json: '{"user":{"name":"Other"}}' }]))
    expect((await twoIds.closed).code).toBe(CLOSE_POLICY)
    expect(observer.provider.awareness.getStates().get(910_004)).toBeUndefined()
    expect(drops()).toBe(0)
    await expectCarriesOn(h, s, 'awareness spoof')
  })

  it('a late echo of a client that has left is ignored, not punished, and not shown', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const own = 910_006
    raw.ws.send(awarenessFrame([{ clientId: own, clock: 1, json: '{"user":{},"marker":1}' }]))
    const leaver = h.open(s.id, s.keys.participant)
    leaver.provider.awareness.setLocalState({ user: { name: 'Leaver' } })
    const leaverId = leaver.doc.clientID
    const observer = s.bystander
    await expect
      .poll(() => observer.provider.awareness.getStates().get(leaverId))
      .toMatchObject({ user: { name: 'Leaver' } })
    await expect.poll(() => observer.provider.awareness.getStates().get(own)).toMatchObject({ marker: 1 })
    leaver.destroy()
    await expect.poll(() => observer.provider.awareness.getStates().has(leaverId)).toBe(false)

    // what a stock client that received the leaver's last state just before it left would send back
    raw.ws.send(awarenessFrame([{ clientId: leaverId, clock: 5, json: '{"user":{"name":"Leaver"}}' }]))
    raw.ws.send(awarenessFrame([{ clientId: own, clock: 2, json: '{"user":{},"marker":2}' }]))
    await expect.poll(() => observer.provider.awareness.getStates().get(own)).toMatchObject({ marker: 2 })
    expect(raw.isOpen()).toBe(true)
    expect(observer.provider.awareness.getStates().has(leaverId)).toBe(false)
    await expectCarriesOn(h, s, 'late echo')
  })

  it('an awareness state over 8 KiB: closed, and never shown', async () => {
    const h = await harness()
    const s = await seed(h)
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const me = 910_005
    raw.ws.send(
      awarenessFrame([{ clientId: me, clock: 1, json: JSON.stringify({ big: 'x'.repeat(9 * 1024) }) }]),
    )
    expect((await raw.closed).code).toBe(CLOSE_PROTOCOL)
    expect(s.bystander.provider.awareness.getStates().has(me)).toBe(false)
    await expectCarriesOn(h, s, 'oversized awareness')
  })
})

describe('refused connections create nothing', () => {
  const bogusId = 'AAAAAAAAAAAAAAAAAAAAAA'

  it('an unknown session or room: 404 on upgrade', async () => {
    const h = await harness()
    const s = await seed(h)
    const roomsOpen = h.server.app.relay.openRooms
    const unknownSession = await refusedUpgrade(`${h.server.ws}/${bogusId}?key=${s.keys.facilitator}`)
    expect(unknownSession).toEqual({ status: 404, body: { error: expect.any(String) } })
    const unknownRoom = await refusedUpgrade(`${h.server.ws}/${s.id}/secrets?key=${s.keys.facilitator}`)
    expect(unknownRoom.status).toBe(404)

    expect(await h.server.storage.load(bogusId)).toEqual([])
    expect(await h.server.storage.load(`${s.id}/secrets`)).toEqual([])
    expect(h.server.app.relay.openRooms).toBe(roomsOpen)
    const res = await fetch(`${h.server.http}/api/sessions/${bogusId}?key=x`)
    expect(res.status).toBe(404)
    await expectCarriesOn(h, s, 'unknown room')
  })

  it('a missing or wrong key: 403 on upgrade', async () => {
    const h = await harness()
    const s = await seed(h)
    const roomsOpen = h.server.app.relay.openRooms
    expect((await refusedUpgrade(`${h.server.ws}/${s.id}`)).status).toBe(403)
    expect((await refusedUpgrade(`${h.server.ws}/${s.id}?key=`)).status).toBe(403)
    const wrong = 'A'.repeat(43)
    const refused = await refusedUpgrade(`${h.server.ws}/${s.id}?key=${wrong}`)
    expect(refused).toEqual({ status: 403, body: { error: expect.any(String) } })
    expect((await refusedUpgrade(`${h.server.ws}/${s.id}/control?key=${wrong}`)).status).toBe(403)
    expect(h.server.app.relay.openRooms).toBe(roomsOpen)
    await expectCarriesOn(h, s, 'wrong key')
  })

  it('path-traversal room names: refused with 404, nothing created', async () => {
    const h = await harness()
    const s = await seed(h)
    const key = s.keys.facilitator
    const roomsOpen = h.server.app.relay.openRooms
    expect((await refusedUpgrade(`${h.server.ws}/..%2F..%2Fetc%2Fpasswd?key=${key}`)).status).toBe(404)
    expect((await refusedUpgrade(`${h.server.ws}/${s.id}%2F..%2F..%2Fx?key=${key}`)).status).toBe(404)
    // sent as written: the `ws` client and fetch would normalise the dot segments away
    expect(await rawUpgradeStatus(h.server.http, `/ws/${s.id}/../x?key=${key}`)).toBe(404)
    expect(await rawUpgradeStatus(h.server.http, `/ws/${s.id}/..%2F..%2Fetc%2Fpasswd?key=${key}`)).toBe(404)
    expect(await rawUpgradeStatus(h.server.http, `/ws/${s.id}/control/..?key=${key}`)).toBe(404)

    for (const room of ['../../etc/passwd', `${s.id}/../../x`, 'x', `${s.id}/..`]) {
      expect(await h.server.storage.load(room)).toEqual([])
    }
    expect(h.server.app.relay.openRooms).toBe(roomsOpen)
    await expectCarriesOn(h, s, 'path traversal')
  })

  it('a malformed request target on upgrade is refused and the server carries on', async () => {
    const h = await harness()
    const s = await seed(h)
    expect(await rawUpgradeStatus(h.server.http, 'http://[')).toBe(400)
    expect(await rawUpgradeStatus(h.server.http, '//[')).toBe(400)
    await expectCarriesOn(h, s, 'malformed target')
  })
})
