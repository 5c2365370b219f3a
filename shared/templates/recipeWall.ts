import { DEFAULT_COMMITMENTS } from './commitments'
import type { Template } from './types'

export const recipeWall: Template = {
  id: 'recipe-wall',
  title: 'Recipe wall',
  description:
    'Share methods for co-production as recipes, credited to their authors, ready for a cook book.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [{ name: 'Commitments' }, { name: 'Recipe wall' }],
}
