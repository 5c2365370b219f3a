import type { ShapeType } from '../../../shared/schema/kinds'

/**
 * Names of colours, widths and shapes for the tool options and selection bar. Kept in one place so a
 * later translation replaces one file.
 */
export const COLOR_NAMES: Record<string, string> = {
  '#1f2933': 'Charcoal',
  '#c0392b': 'Red',
  '#1a64c8': 'Blue',
  '#1d7a46': 'Green',
  '#8e44ad': 'Purple',
  '#a35000': 'Orange',
  transparent: 'No fill',
  '#dbeafe': 'Light blue',
  '#fef3c7': 'Light yellow',
  '#dcfce7': 'Light green',
  '#fce7f3': 'Light pink',
  '#ede9fe': 'Light purple',
}

export const colorName = (c: string): string => COLOR_NAMES[c] ?? c

export const WIDTH_NAMES: Record<number, string> = { 2: 'Fine', 4: 'Medium', 8: 'Thick', 16: 'Marker' }

export const SHAPE_NAMES: Record<ShapeType, string> = {
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  line: 'Line',
  arrow: 'Arrow',
}
