import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, setPlainText } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { visibleObjects } from '../../client/facilitation/usePrivateLayer'
import { ObjectIndex } from '../../client/state/objectIndex'
import { withTextOf } from '../../client/state/liveText'

const ada = createOrigin('u-ada', 'Ada')

/** A board with one of Ada's notes, its index, and the note as the board last passed it on. */
function board() {
  const doc = new Y.Doc()
  const id = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'Our' }, ada)
  const index = new ObjectIndex(doc)
  return { doc, id, index, listed: index.canvas('c').objects[0]! }
}

describe('a note on the canvas shows the words typed since the board last listed it', () => {
  it('takes the text and rich text from the index, the rest from the note as the board passed it', () => {
    const { doc, id, index } = board()
    // an anonymous session: the board passes the note on without its author
    const [shown] = visibleObjects(index.canvas('c').objects, false, true)
    expect(shown!.author).toBe('')
    setPlainText(doc, id, 'Our garden', ada)
    const live = withTextOf(shown!, index.get(id))
    expect(live.text).toBe('Our garden')
    const now = index.get(id)
    expect(now?.ok && live.rich).toBe(now?.ok && now.object.rich)
    // only the words go around the board: the author stays hidden
    expect(live.author).toBe('')
    expect({ ...live, text: '', rich: [] }).toEqual({ ...shown, text: '', rich: [] })
  })

  it('is the same value while nothing changes, and the listed note itself once the list catches up', () => {
    const { doc, id, index, listed } = board()
    expect(withTextOf(listed, index.get(id))).toBe(listed)
    setPlainText(doc, id, 'Our garden', ada)
    const first = withTextOf(listed, index.get(id))
    expect(withTextOf(listed, index.get(id))).toBe(first)
    const caughtUp = index.canvas('c').objects[0]!
    expect(withTextOf(caughtUp, index.get(id))).toBe(caughtUp)
  })

  it('leaves notes the index does not hold (private ones, from their own room) as they are', () => {
    const { listed } = board()
    expect(withTextOf(listed, undefined)).toBe(listed)
    expect(withTextOf(listed, { ok: false })).toBe(listed)
  })
})
