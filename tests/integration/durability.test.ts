import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { noteTexts } from '../helpers/board'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { RawYClient } from '../helpers/rawClient'
import { connect, createSession, synced } from '../helpers/server'

const origin = createOrigin('u-killer', 'Kim')
const KILLS = 20

describe('an update that was echoed survives kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-kill-'))
  let child: ChildServer | undefined
  afterAll(async () => {
    await child?.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(`keeps every echoed note across ${KILLS} SIGKILLs`, async () => {
    child = await startChildServer(dataDir)
    const { id, keys } = await createSession(child.http)
    const written: string[] = []
    for (let i = 0; i < KILLS; i++) {
      const raw = await RawYClient.open(`${child.ws}/${id}?key=${keys.participant}`)
      const text = `note ${i}`
      addObject(raw.doc, { kind: 'sticky', canvas: 'c1', x: i * 10, y: 0, text }, origin)
      await raw.echoed()
      written.push(text)
      // killed right after the echo: no chance to flush anything more
      expect(await child.kill('SIGKILL')).toBe(null)
      raw.close()
      child = await startChildServer(dataDir)
    }
    const reader = connect(child.ws, id, keys.viewer)
    await synced(reader)
    const texts = [...objectsOf(reader.doc).entries()]
      .map(([oid, map]) => readObject(oid, map))
      .flatMap((r) => (r.ok && r.object.kind === 'sticky' ? [r.object.text] : []))
    expect(texts.sort()).toEqual([...written].sort())
    reader.destroy()
  })

  it('exits 0 on SIGTERM after storing what it had', async () => {
    child = child ?? (await startChildServer(dataDir))
    const { id, keys } = await createSession(child.http)
    const raw = await RawYClient.open(`${child.ws}/${id}?key=${keys.facilitator}`)
    addObject(raw.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'before SIGTERM' }, origin)
    await raw.echoed()
    expect(await child.kill('SIGTERM')).toBe(0)
    raw.close()
    child = await startChildServer(dataDir)
    const reader = connect(child.ws, id, keys.viewer)
    await synced(reader)
    expect(noteTexts(reader.doc)).toEqual(['before SIGTERM'])
    reader.destroy()
  })
})
