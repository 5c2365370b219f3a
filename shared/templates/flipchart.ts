import { DEFAULT_COMMITMENTS } from './commitments'
import type { Template } from './types'

export const flipchart: Template = {
  id: 'flipchart',
  title: 'Flipchart notes',
  description: 'Pages of notes in order, each with a heading prompt, like a paper flipchart.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [{ name: 'Commitments' }, { name: 'Flipchart' }],
}
