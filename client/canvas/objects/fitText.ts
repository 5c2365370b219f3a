/** Measures the width of a line of text at a font size (canvas measureText in the app, a stub in tests). */
export type Measure = (text: string, fontSize: number) => number

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
