import type { ShapeType } from '../../../shared/schema/kinds'
import { i18n } from '../../i18n'

/** Which translation names each colour of the tool options and selection bar. */
const COLOR_KEYS = {
  '#1f2933': 'charcoal',
  '#c0392b': 'red',
  '#1a64c8': 'blue',
  '#1d7a46': 'green',
  '#8e44ad': 'purple',
  '#a35000': 'orange',
  transparent: 'none',
  '#dbeafe': 'lightBlue',
  '#fef3c7': 'lightYellow',
  '#dcfce7': 'lightGreen',
  '#fce7f3': 'lightPink',
  '#ede9fe': 'lightPurple',
} as const

const WIDTH_KEYS = { 2: 'fine', 4: 'medium', 8: 'thick', 16: 'marker' } as const

/** A colour's name in the interface's language ("Red"), or its code when it has none. */
export const colorName = (c: string): string =>
  c in COLOR_KEYS ? i18n.t(`board:options.colors.${COLOR_KEYS[c as keyof typeof COLOR_KEYS]}`) : c

/** A line width's name ("Fine", "Thick"), or its number. */
export const widthName = (w: number): string =>
  w in WIDTH_KEYS ? i18n.t(`board:options.widths.${WIDTH_KEYS[w as keyof typeof WIDTH_KEYS]}`) : String(w)

/** A shape's name ("Rectangle"). */
export const shapeName = (s: ShapeType): string => i18n.t(`board:options.shapes.${s}`)
