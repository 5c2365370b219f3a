import type { BoardObject, ShapeType } from '../../shared/schema/kinds'

/** What the list view calls each kind of object (one place, for translation later). */
export const KIND_NAMES: Record<BoardObject['kind'], string> = {
  sticky: 'Note',
  text: 'Text',
  stroke: 'Pen stroke',
  shape: 'Shape',
  frame: 'Frame',
  image: 'Image',
  recipe: 'Recipe card',
}

const SHAPE_NAMES: Record<ShapeType, string> = {
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  line: 'Line',
  arrow: 'Arrow',
}

/** A short name for an object that has no text of its own: "Rectangle", "Pen stroke". */
export function summaryOf(object: BoardObject): string {
  if (object.kind === 'shape') return SHAPE_NAMES[object.props.shape]
  if (object.kind === 'frame') return object.props.title.trim() || KIND_NAMES.frame
  return KIND_NAMES[object.kind]
}

/** The row's label: kind and number, and who made it ("Note 3 — Ada"). */
export function rowLabel(object: BoardObject, number: number): string {
  const who = object.author ? ` — ${object.author}` : ''
  return `${KIND_NAMES[object.kind]} ${number}${who}`
}

/** The accessible name of a row's delete button ("Delete note", as the contract's tests know it). */
export const deleteLabel = (object: BoardObject): string => `Delete ${KIND_NAMES[object.kind].toLowerCase()}`
