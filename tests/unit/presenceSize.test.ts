import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { joinPresence, setPresenceSelection } from '../../client/sync/presence'
import { AWARENESS_STATE_MAX, SHARED_SELECTION_MAX } from '../../shared/presence'
import { newId } from '../../shared/ops/ids'

describe('the awareness state a client publishes', () => {
  it('stays within the relay’s size limit, whatever is selected', () => {
    const awareness = new Awareness(new Y.Doc())
    joinPresence(awareness, {
      id: 'u'.repeat(64),
      name: 'N'.repeat(60),
      color: '#123456',
      role: 'participant',
    })
    // every object of a big board selected at once (select all)
    const ids = Array.from({ length: 2000 }, () => newId())
    setPresenceSelection(awareness, ids)
    // the largest cursor and view a state can carry (what the throttled publisher writes)
    awareness.setLocalStateField('cursor', { canvas: 'c'.repeat(64), x: -123456.789012, y: 987654.321098 })
    awareness.setLocalStateField('view', { canvas: 'c'.repeat(64), x: 1.2345678901234e15, y: -1e15 })
    const state = awareness.getLocalState() as { selection: string[] }
    expect(state.selection).toEqual(ids.slice(0, SHARED_SELECTION_MAX))
    expect(JSON.stringify(state).length).toBeLessThan(AWARENESS_STATE_MAX)
  })
})
