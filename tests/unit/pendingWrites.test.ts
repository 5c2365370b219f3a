import { describe, expect, it } from 'vitest'
import { flushPendingWrites, holdPendingWrite } from '../../client/state/pendingWrites'

describe('writes held back by a field, made before the document is copied', () => {
  it('every write held is made once, in the order held; a released one is not', () => {
    const made: string[] = []
    const releaseA = holdPendingWrite(() => {
      made.push('a')
      releaseA()
    })
    const releaseB = holdPendingWrite(() => made.push('b'))
    const releaseC = holdPendingWrite(() => made.push('c'))
    releaseC() // saved on its own timer already
    flushPendingWrites()
    releaseB()
    flushPendingWrites()
    expect(made).toEqual(['a', 'b'])
  })

  it('a write made while flushing may hold another (a save that schedules the next): it waits its turn', () => {
    const made: string[] = []
    const release = holdPendingWrite(() => {
      release()
      made.push('first')
      holdPendingWrite(() => made.push('later'))
    })
    flushPendingWrites()
    expect(made).toEqual(['first'])
  })
})
