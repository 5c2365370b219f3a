import { DEFAULT_COMMITMENTS } from './commitments'
import { frameRow, type Template } from './types'

export const recipeWall: Template = {
  id: 'recipe-wall',
  title: 'Recipe wall',
  description:
    'Share methods for co-production as recipes, credited to their authors, ready for a cook book.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: 'Commitments' },
    {
      key: 'wall',
      name: 'Recipe wall',
      frames: frameRow(
        ['Starting together', 'Making decisions', 'Sharing power', 'Keeping going'],
        1000,
        900,
      ),
    },
  ],
  agenda: [
    {
      title: 'Welcome and commitments',
      prompt: 'Read our Community Commitments. Each recipe will be credited as its authors choose.',
      guidance: 'Explain how the cook book will credit people, and that anonymous is always fine.',
      minutes: 10,
      canvas: 'commitments',
      mode: 'free',
    },
    {
      title: 'Write your recipe',
      prompt: 'Add a recipe card for a method that works for you: who it is for, the ingredients, the steps.',
      guidance: 'Pair people up if writing alone is hard; one can interview the other.',
      minutes: 20,
      canvas: 'wall',
      mode: 'free',
    },
    {
      title: 'Share recipes',
      prompt: 'Tell the group about your recipe. What makes it work?',
      guidance: 'Go round the frames one at a time; move cards between themes as the group agrees.',
      minutes: 25,
      canvas: 'wall',
      mode: 'free',
    },
    {
      title: 'Favourites for the cook book',
      prompt: 'Vote for the recipes you would most like to try.',
      guidance: 'Check credits and consent on each card before exporting the cook book.',
      minutes: 10,
      canvas: 'wall',
      mode: 'voting',
    },
  ],
}
