/** Measures the width of a line of text at a font size (canvas measureText in the app, a stub in tests). */
export type Measure = (text: string, fontSize: number) => number

/** How many lines `text` wraps to at a font size (word wrap; words longer than the width break). */
export function wrappedLines(text: string, width: number, fontSize: number, measure: Measure): number {
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let line = ''
    lines++
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate, fontSize) <= width) {
        line = candidate
        continue
      }
      if (line) lines++
      // a word wider than the line takes as many lines as it needs
      const wordWidth = measure(word, fontSize)
      if (wordWidth > width) lines += Math.ceil(wordWidth / width) - 1
      line = word
    }
  }
  return lines
}

/**
 * The largest font size, from `max` down to `min`, at which the text fits the box: long notes
 * shrink to stay readable as a whole instead of being cut off. At `min` the text may still overflow.
 */
export function fitFontSize(
  text: string,
  box: { readonly width: number; readonly height: number },
  size: { readonly max: number; readonly min: number; readonly lineHeight: number },
  measure: Measure,
): number {
  for (let fontSize = size.max; fontSize > size.min; fontSize -= 1) {
    const lines = wrappedLines(text, box.width, fontSize, measure)
    if (lines * fontSize * size.lineHeight <= box.height) return fontSize
  }
  return size.min
}

let context: CanvasRenderingContext2D | null | undefined
/** Measures with a shared offscreen canvas in the note font (`weight`: 'bold' for titles). */
export function canvasMeasure(fontFamily: string, weight = ''): Measure {
  return (text, fontSize) => {
    if (context === undefined) context = document.createElement('canvas').getContext('2d')
    if (!context) return text.length * fontSize * (weight ? 0.62 : 0.55)
    context.font = `${weight} ${fontSize}px ${fontFamily}`.trim()
    return context.measureText(text).width
  }
}
