import { collage } from './collage'
import { flipchart } from './flipchart'
import { recipeWall } from './recipeWall'
import { senseMaking } from './senseMaking'
import type { Template } from './types'

/** Every built-in template, in the order the home page offers them. */
export const TEMPLATES: readonly Template[] = [senseMaking, collage, recipeWall, flipchart]

/** Finds a template by id. */
export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id)
}

export type { Template, TemplateCanvas } from './types'
export { buildSessionDocs } from './buildSession'
