import { DEFAULT_COMMITMENTS } from './commitments'
import { text, type BuiltInTemplate } from './localize'
import { frameRow } from './types'

const PAGES = [
  text('What is working well?', '哪些方面进展顺利？'),
  text('What could be better?', '哪些方面可以更好？'),
  text('Ideas to try', '值得尝试的想法'),
  text('Next steps', '下一步'),
]

export const flipchart: BuiltInTemplate = {
  id: 'flipchart',
  title: text('Flipchart notes', '挂图笔记'),
  description: text(
    'Pages of notes in order, each with a heading prompt, like a paper flipchart.',
    '像纸质挂图一样按顺序翻页记录，每页都有一个标题问题。',
  ),
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: text('Commitments', '约定') },
    { key: 'flipchart', name: text('Flipchart', '挂图'), frames: frameRow(PAGES, 800, 1000, 160) },
  ],
  agenda: PAGES.map((page, i) => ({
    title: text(`Page ${i + 1}`, `第 ${i + 1} 页`),
    prompt: page,
    guidance:
      i === 0
        ? text('Read the commitments first, then turn to page 1.', '先阅读约定，然后翻到第 1 页。')
        : text('Summarise the last page before turning over.', '翻页之前，先总结上一页的内容。'),
    minutes: 10,
    canvas: 'flipchart',
    frame: i,
    mode: 'free' as const,
  })),
}
