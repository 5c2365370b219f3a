/** A session template as data: what a new session starts with. */
export interface Template {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly commitments: readonly string[]
  readonly canvases: readonly TemplateCanvas[]
}

export interface TemplateCanvas {
  readonly name: string
}
