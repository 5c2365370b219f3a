import { DEFAULT_COMMITMENTS } from './commitments'
import { frameRow, type Template } from './types'

export const senseMaking: Template = {
  id: 'sense-making',
  title: 'Sense-making session',
  description:
    'Reflect on a prompt in private, reveal and read together, group into themes, vote and agree actions.',
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: 'Commitments' },
    { key: 'reflections', name: 'Individual reflections' },
    { key: 'themes', name: 'Themes', frames: frameRow(['Theme 1', 'Theme 2', 'Theme 3', 'Theme 4']) },
    {
      key: 'actions',
      name: 'Actions',
      frames: frameRow(['What we will do', 'Who can help', 'What we need']),
    },
  ],
  agenda: [
    {
      title: 'Welcome and commitments',
      prompt: 'Read our Community Commitments. Is there anything you would add or change?',
      guidance: 'Welcome everyone by name. Read the commitments aloud; invite changes before agreeing.',
      minutes: 10,
      canvas: 'commitments',
      mode: 'free',
    },
    {
      title: 'Write on your own',
      prompt: 'Think of a moment this year when you felt your community was heard. What happened?',
      guidance:
        'Private writing: only you see the notes until you reveal them. Offer to scribe for anyone who asks.',
      minutes: 10,
      canvas: 'reflections',
      mode: 'private',
    },
    {
      title: 'Reveal and read',
      prompt: 'Read each other’s notes quietly. Which ones speak to you?',
      guidance: 'Press Reveal, then give people time to read before anyone speaks.',
      minutes: 10,
      canvas: 'reflections',
      mode: 'free',
    },
    {
      title: 'Group into themes',
      prompt: 'Move notes that belong together into the same theme, and give each theme a name.',
      guidance: 'Rename the theme frames with the group’s words, not yours.',
      minutes: 15,
      canvas: 'themes',
      mode: 'free',
    },
    {
      title: 'Dot-vote',
      prompt: 'Which themes matter most to you? Use your votes.',
      guidance: 'Start voting with three votes each; end it when the room is quiet.',
      minutes: 5,
      canvas: 'themes',
      mode: 'voting',
    },
    {
      title: 'Agree actions',
      prompt: 'What will we do next, who can help, and what do we need?',
      guidance: 'Capture names only with consent. Close by thanking people for what they shared.',
      minutes: 15,
      canvas: 'actions',
      mode: 'free',
    },
  ],
}
