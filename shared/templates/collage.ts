import { DEFAULT_COMMITMENTS } from './commitments'
import type { Template } from './types'

export const collage: Template = {
  id: 'collage',
  title: 'Collaborative collage',
  description: 'A shared canvas for pictures, notes and stories around a few prompts.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [{ name: 'Commitments' }, { name: 'Collage' }],
}
