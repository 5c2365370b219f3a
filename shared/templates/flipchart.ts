import { DEFAULT_COMMITMENTS } from './commitments'
import { frameRow, type Template } from './types'

const PAGES = ['What is working well?', 'What could be better?', 'Ideas to try', 'Next steps']

export const flipchart: Template = {
  id: 'flipchart',
  title: 'Flipchart notes',
  description: 'Pages of notes in order, each with a heading prompt, like a paper flipchart.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: 'Commitments' },
    { key: 'flipchart', name: 'Flipchart', frames: frameRow(PAGES, 800, 1000, 160) },
  ],
  agenda: PAGES.map((page, i) => ({
    title: `Page ${i + 1}`,
    prompt: page,
    guidance:
      i === 0
        ? 'Read the commitments first, then turn to page 1.'
        : 'Summarise the last page before turning over.',
    minutes: 10,
    canvas: 'flipchart',
    frame: page,
    mode: 'free' as const,
  })),
}
