import { DEFAULT_COMMITMENTS } from './commitments'
import { frameRow, type Template } from './types'

export const collage: Template = {
  id: 'collage',
  title: 'Collaborative collage',
  description: 'A shared canvas for pictures, notes and stories around a few prompts.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: 'Commitments' },
    {
      key: 'collage',
      name: 'Collage',
      frames: frameRow(
        ['A place that matters to me', 'Something we made together', 'What I hope for'],
        1000,
        800,
      ),
    },
  ],
  agenda: [
    {
      title: 'Welcome and commitments',
      prompt: 'Read our Community Commitments. Before sharing a photo of someone, ask them.',
      guidance: 'Remind people that pictures need a short description so everyone can take part.',
      minutes: 10,
      canvas: 'commitments',
      mode: 'free',
    },
    {
      title: 'Add to the collage',
      prompt: 'Add pictures, words or drawings to the frame that fits them best.',
      guidance: 'Help anyone who is stuck uploading; describing the picture in words is just as good.',
      minutes: 20,
      canvas: 'collage',
      frame: 'A place that matters to me',
      mode: 'free',
    },
    {
      title: 'Walk the collage',
      prompt: 'Look around the collage. Leave a reaction or a note on what moves you.',
      guidance: 'Use Bring everyone here to move through the frames together.',
      minutes: 15,
      canvas: 'collage',
      mode: 'free',
    },
    {
      title: 'What it tells us',
      prompt: 'What does the collage say about our community?',
      guidance: 'Write the group’s words on notes beside the collage.',
      minutes: 10,
      canvas: 'collage',
      frame: 'What I hope for',
      mode: 'free',
    },
  ],
}
