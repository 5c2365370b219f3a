import { NOTE_TEXT } from '../../theme'
import { canvasMeasure, type Measure } from './fitText'

export const FRAME_TITLE_SIZE = 20
/** Room kept at the right of a frame's title for its note count ("· 12 notes" at 16 px). */
export const FRAME_COUNT_ROOM = 104
/** Gap between the end of the title and the count. */
const GAP = 8

const measureBold = canvasMeasure(NOTE_TEXT.fontFamily, 'bold')

/**
 * Where a frame's title ends and its note count begins (offsets from the frame's left edge): the
 * title is measured in its real font (bold, any script), and cut with an ellipsis where it would
 * run into the count, so the two never overlap.
 */
export function frameTitleLayout(
  title: string,
  frameWidth: number,
  measure: Measure = measureBold,
): { readonly maxTitleWidth: number; readonly countX: number } {
  const maxTitleWidth = Math.max(0, frameWidth - FRAME_COUNT_ROOM)
  const shown = Math.min(maxTitleWidth, Math.ceil(measure(title, FRAME_TITLE_SIZE)))
  return { maxTitleWidth, countX: title ? shown + GAP : 0 }
}
