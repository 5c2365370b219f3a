import { DEFAULT_COMMITMENTS } from './commitments'
import type { Template } from './types'

export const senseMaking: Template = {
  id: 'sense-making',
  title: 'Sense-making session',
  description:
    'Reflect on a prompt in private, reveal and read together, group into themes, vote and agree actions.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { name: 'Commitments' },
    { name: 'Individual reflections' },
    { name: 'Themes' },
    { name: 'Actions' },
  ],
}
