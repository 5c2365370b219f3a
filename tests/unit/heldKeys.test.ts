import * as Y from 'yjs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as TypeAhead from '../../client/text/typeAhead'
import { appendPlainText, writePlainText } from '../../shared/schema/richText'

/** What a fragment says, paragraph by paragraph (other blocks by their name). */
const paragraphs = (fragment: Y.XmlFragment): string[] =>
  fragment.toArray().map((node) =>
    node instanceof Y.XmlElement && node.nodeName === 'paragraph'
      ? node
          .toArray()
          .map((t) =>
            t instanceof Y.XmlText ? (t.toDelta() as { insert: string }[]).map((d) => d.insert).join('') : '',
          )
          .join('')
      : `<${(node as Y.XmlElement).nodeName}>`,
  )

const fragmentWith = (build: (f: Y.XmlFragment) => void): Y.XmlFragment => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('t')
  doc.transact(() => build(fragment))
  return fragment
}

describe('appendPlainText: keys typed before the editor arrived, kept at the end of the note', () => {
  it('an empty note gets a paragraph per line', () => {
    const f = fragmentWith((f) => appendPlainText(f, 'Ask about\nchildcare'))
    expect(paragraphs(f)).toEqual(['Ask about', 'childcare'])
  })

  it('the first line continues the last paragraph, formatted or not; the rest are new paragraphs', () => {
    const f = fragmentWith((f) => {
      writePlainText(f, 'One\nTwo')
      const second = f.get(1) as Y.XmlElement
      ;(second.get(0) as Y.XmlText).format(0, 3, { bold: true })
      appendPlainText(f, ' more\n第三行\n')
    })
    expect(paragraphs(f)).toEqual(['One', 'Two more', '第三行', ''])
  })

  it('after a list (or any block that is not a paragraph), everything starts a new paragraph', () => {
    const f = fragmentWith((f) => {
      f.insert(0, [new Y.XmlElement('bulletList')])
      appendPlainText(f, 'after')
    })
    expect(paragraphs(f)).toEqual(['<bulletList>', 'after'])
  })

  it('an empty last paragraph takes the text; nothing typed changes nothing', () => {
    const f = fragmentWith((f) => {
      writePlainText(f, '')
      appendPlainText(f, '')
      appendPlainText(f, 'x')
    })
    expect(paragraphs(f)).toEqual(['x'])
  })
})

/** A keydown as the browser sends it, on the fake window. */
function press(key: string): Event {
  const event = Object.assign(new Event('keydown', { cancelable: true }), {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
  })
  window.dispatchEvent(event)
  return event
}

describe('held keys while the editor’s code is on its way', () => {
  let typeAhead: typeof TypeAhead
  beforeAll(async () => {
    // the unit tests run in node: a bare event target stands in for the window
    ;(globalThis as { window?: EventTarget }).window = new EventTarget()
    typeAhead = await import('../../client/text/typeAhead')
  })

  it('keys, Enter, Backspace and Escape are held for what takes the keyboard next, with where they would go', () => {
    const written: string[] = []
    const keep = (text: string) => written.push(text)
    typeAhead.holdKeysForNewEditor('n1', '', keep)
    for (const key of ['H', 'i', 'x', 'Backspace', 'Enter', '好', 'Escape'])
      expect(press(key).defaultPrevented).toBe(true)
    expect(typeAhead.takeHeldKeys()).toEqual({ text: 'Hi\n好', escape: true, write: keep })
    // holding has stopped: the next key is the board's
    expect(press('n').defaultPrevented).toBe(false)
    expect(written).toEqual([])
  })

  it('let go by hand (a hold that outlived its wait): the keys so far go to the note, once', () => {
    const written: string[] = []
    typeAhead.holdKeysForNewEditor('n1', 'a', (text) => written.push(text))
    press('b')
    typeAhead.releaseHeldKeys()
    typeAhead.releaseHeldKeys()
    expect(written).toEqual(['ab'])
    expect(press('c').defaultPrevented).toBe(false)
  })

  it('a note whose editing ends lets go of its own keys only, never those held for the next note', () => {
    const written: string[] = []
    typeAhead.holdKeysForNewEditor('next', 'x', (text) => written.push(`next:${text}`))
    typeAhead.releaseHeldKeys('closing')
    expect(written).toEqual([])
    expect(press('y').defaultPrevented).toBe(true)
    typeAhead.releaseHeldKeys('next')
    expect(written).toEqual(['next:xy'])
  })

  it('keys still held for one note go into it when another note starts holding', () => {
    const written: string[] = []
    typeAhead.holdKeysForNewEditor('first', 'a', (text) => written.push(`first:${text}`))
    typeAhead.holdKeysForNewEditor('second', 'b', (text) => written.push(`second:${text}`))
    expect(written).toEqual(['first:a'])
    expect(typeAhead.takeHeldKeys().text).toBe('b')
  })

  it('holding again for the same note keeps what was held for it, in order', () => {
    const written: string[] = []
    typeAhead.holdKeysForNewEditor('n1', 'Hel', (text) => written.push(text))
    typeAhead.holdKeysForNewEditor('n1', 'lo', (text) => written.push(text))
    typeAhead.releaseHeldKeys('n1')
    expect(written).toEqual(['Hello'])
  })

  describe('an editor that never takes the keys', () => {
    afterEach(() => vi.useRealTimers())

    // (last in this file: the editor's code, once here, stays for the module's life)
    it('its keys are written into the note, not dropped, once the editor’s code has been here a while', async () => {
      vi.useFakeTimers()
      const origin = await import('../../client/text/editorOrigin')
      origin.provideEditorOrigin('loaded')
      const written: string[] = []
      typeAhead.holdKeysForNewEditor('n1', 'Bring', (text) => written.push(text))
      press(' ')
      vi.advanceTimersByTime(1000)
      expect(written).toEqual([])
      vi.advanceTimersByTime(1500)
      expect(written).toEqual(['Bring '])
      expect(press('z').defaultPrevented).toBe(false)
    })
  })
})
