import type { CanvasInfo } from '../../shared/schema/controlDoc'

/** Where an agenda step can happen: the session's canvases, and the frames on each. */
export interface StepPlaces {
  readonly canvases: readonly CanvasInfo[]
  readonly framesOf: (canvasId: string) => readonly { readonly id: string; readonly title: string }[]
}

/** A step's place in words' parts: its canvas's name and its frame's title ('' for none or gone). */
export function placeOf(
  places: StepPlaces,
  step: { readonly canvas: string; readonly frame: string },
): { canvas: string; frame: string } {
  const canvas = places.canvases.find((c) => c.id === step.canvas)?.name ?? ''
  const frame =
    canvas && step.frame ? (places.framesOf(step.canvas).find((f) => f.id === step.frame)?.title ?? '') : ''
  return { canvas, frame }
}
