import type { BoardObject } from '../../shared/schema/kinds'
import { i18n } from '../i18n'

/** What the list view calls an object's kind ("Note", "Image"), in the interface's language. */
export const kindName = (kind: BoardObject['kind']): string => i18n.t(`panels:kinds.${kind}`)

/** A short name for an object that has no text of its own: "Rectangle", "Pen stroke". */
export function summaryOf(object: BoardObject): string {
  if (object.kind === 'shape') return i18n.t(`panels:shapes.${object.props.shape}`)
  if (object.kind === 'frame') return object.props.title.trim() || kindName('frame')
  return kindName(object.kind)
}

/**
 * What an object says in a line of its own (the results of a vote): a note's or a story's words, a
 * recipe's or a frame's title, a picture's description; its kind when it has none ("Recipe card").
 */
export function shortText(object: BoardObject): string {
  switch (object.kind) {
    case 'recipe':
      return object.props.title.trim() || kindName(object.kind)
    case 'image':
      return object.props.alt.trim() || kindName(object.kind)
    case 'story':
      return object.props.title.trim() || object.text.trim() || kindName(object.kind)
    case 'sticky':
    case 'text':
      return object.text.trim()
    default:
      return summaryOf(object) // a frame's title, a shape's or a stroke's name
  }
}

/** The row's label: kind and number, and who made it ("Note 3 — Ada"). */
export function rowLabel(object: BoardObject, number: number): string {
  const who = object.author ? i18n.t('panels:list.byAuthor', { author: object.author }) : ''
  return `${i18n.t('panels:list.rowLabel', { kind: kindName(object.kind), n: number })}${who}`
}

/** The accessible name of a row's delete button ("Delete note", as the contract's tests know it). */
export const deleteLabel = (object: BoardObject): string =>
  i18n.t('panels:list.deleteKind', { kind: i18n.t(`panels:kindsLower.${object.kind}`) })
