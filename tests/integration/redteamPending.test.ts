import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { objectsOf, textOf } from '../../shared/schema/boardDoc'
import { serverDoc } from '../helpers/carriesOn'
import { board, note, ownNote } from '../helpers/hostile'
import { encodeUpdate, item } from '../helpers/redteamStructs'

/*
 * Red team (issue #14), against a real server: an update the relay checks and takes, that Yjs
 * holds back whole (pending) because of the order it integrates clients in, and integrates later —
 * when the sender fills the gap — against rules that changed meanwhile.
 */

/** The text of a note's first paragraph. */
const para = (doc: Y.Doc, id: string): Y.XmlText =>
  (textOf(doc, id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText

/** The id of the last clock of a text's last item. */
function lastIdOf(text: Y.XmlText): Y.ID {
  let last = text._start!
  while (last.right) last = last.right
  return Y.createID(last.id.client, last.id.clock + last.length - 1)
}

describe('red team: an update held back by Yjs', () => {
  it('cannot write into a note locked after the relay checked the update', async () => {
    const b = await board('collage')
    const annNote = await note(b, b.annClient, b.ann.origin, 'Ann')
    const malNote = await ownNote(b, 'Mal')
    const [a, c] = [0x7a000, 0x100] // two fresh client ids of Mallory's; Yjs integrates the higher first
    const inAnn = lastIdOf(para(b.attacker.doc, annNote))
    const inMal = lastIdOf(para(b.attacker.doc, malNote))

    // Found by the red team, now fixed: one update, every item in Ann's note (unlocked: allowed): a0 = (a,0) after (c,0);
    // c0 = (c,0) after (a,5); a1 = (a,1..5) "PWNED" after Ann's text. No clock gap within a client
    // (so heldBack lets it through) and every reference resolves within the update, so the relay
    // checks and takes it. Yjs starts with client a: a0 needs c0, c0 needs (a,5), but a's next struct
    // a1 starts at clock 1 while a's state is 0 — so Yjs parks all three as pending (missing a:0),
    // to retry as soon as anything brings a's clock 0.
    const held = encodeUpdate([
      {
        client: a,
        structs: [
          item(Y.createID(a, 0), new Y.ContentString('y'), { origin: Y.createID(c, 0) }),
          item(Y.createID(a, 1), new Y.ContentString('PWNED'), { origin: inAnn }),
        ],
      },
      {
        client: c,
        structs: [item(Y.createID(c, 0), new Y.ContentString('z'), { origin: Y.createID(a, 5) })],
      },
    ])
    expect(await b.attacker.attempt(held), 'checked whole while Ann’s note is unlocked').toBeNull()
    const server = serverDoc(b.h, b.s.id)!
    expect(para(server, annNote).toString(), 'nothing of it integrated yet').toBe('Ann')

    // the facilitator locks Ann's note
    objectsOf(b.fac.doc).get(annNote)!.set('locked', true)
    await expect.poll(() => objectsOf(b.attacker.doc).get(annNote)?.get('locked')).toBe(true)

    // Then one honest-looking letter in her own note at (a,0): checked alone, taken; Yjs then retries
    // the pending structs, and "PWNED" lands in Ann's locked note, which nobody checked again.
    // Expected: Ann's locked note unchanged ("Ann") on the server and at Ann's; got: "AnnPWNED…".
    const filler = encodeUpdate([
      { client: a, structs: [item(Y.createID(a, 0), new Y.ContentString('!'), { origin: inMal })] },
    ])
    await b.attacker.attempt(filler)
    await b.h.server.app.relay.flushed()
    // Ann's client has everything the server relayed once an edit made after it reaches her
    objectsOf(b.fac.doc).get(annNote)!.set('x', 11)
    await expect.poll(() => objectsOf(b.annClient.doc).get(annNote)?.get('x')).toBe(11)
    expect({
      server: para(server, annNote).toString(),
      ann: para(b.annClient.doc, annNote).toString(),
    }).toEqual({ server: 'Ann', ann: 'Ann' })
  })
})
