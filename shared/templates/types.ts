import type { LangText } from '../schema/langText'

/**
 * A text of the group's own words: in each language it comes in, or a plain string (a template saved
 * before sessions had two languages: its words are in whatever language the session speaks).
 */
export type TemplateText = string | LangText

/** A session template as data: what a new session starts with. */
export interface Template {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly commitments: readonly TemplateText[]
  readonly canvases: readonly TemplateCanvas[]
  readonly agenda: readonly TemplateStep[]
  /** The session starts with contributions protected: participants change and delete only their own. */
  readonly protect?: boolean
  /** The session starts with Admit people on: participants wait until a facilitator admits them. */
  readonly admit?: boolean
}

export interface TemplateCanvas {
  /** How agenda steps refer to this canvas within the template. */
  readonly key: string
  readonly name: string
  /** Frames laid out on the canvas: themes, prompt areas, flipchart pages (in this order). */
  readonly frames?: readonly TemplateFrame[]
}

export interface TemplateFrame {
  readonly title: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export type StepMode = 'free' | 'private' | 'voting'

/** One agenda step: the prompt everyone sees, guidance for the facilitator, a duration and a place. */
export interface TemplateStep {
  readonly title: TemplateText
  readonly prompt: TemplateText
  readonly guidance: string
  readonly minutes: number
  readonly canvas: string
  readonly frame?: string
  readonly mode: StepMode
}

/** Frames in a row, `w`×`h` each with a gap: for themes, prompts and pages. */
export function frameRow<T = string>(
  titles: readonly T[],
  w = 900,
  h = 700,
  gap = 120,
): (Omit<TemplateFrame, 'title'> & { readonly title: T })[] {
  return titles.map((title, i) => ({ title, x: i * (w + gap), y: 0, w, h }))
}
