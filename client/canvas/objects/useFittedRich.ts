import { useMemo } from 'react'
import { flattenRich, type RichText } from '../../../shared/schema/richBlocks'
import { NOTE_TEXT } from '../../theme'
import { fitRich, type RichLayout } from './richLayout'
import { canvasRichMeasure } from './RichTextShape'
import { useFontsFor } from './webFonts'

const measure = canvasRichMeasure(NOTE_TEXT.fontFamily)

/**
 * Lays `rich` out in the note font to fit `box`, between `size.max` and `size.min` (a card's opening
 * lines: equal sizes; a note: the largest that fits). `fontText` is all the text the node draws, so
 * the fonts it needs start loading and the layout is measured again once they arrive.
 */
export function useFittedRich(
  rich: RichText,
  box: { readonly width: number; readonly height: number },
  size: { readonly max: number; readonly min: number; readonly lineHeight: number },
  fontText: string,
): RichLayout {
  const fonts = useFontsFor(fontText)
  const { width, height } = box
  const { max, min, lineHeight } = size
  return useMemo(
    () => fitRich(flattenRich(rich), { width, height }, { max, min, lineHeight }, measure),
    // fonts: not read, but a new value means a web font has arrived and the text measures anew
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rich, width, height, max, min, lineHeight, fonts],
  )
}
