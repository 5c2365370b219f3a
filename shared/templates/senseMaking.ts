import { DEFAULT_COMMITMENTS } from './commitments'
import { text, type BuiltInTemplate } from './localize'
import { frameRow } from './types'

export const senseMaking: BuiltInTemplate = {
  id: 'sense-making',
  title: text('Sense-making session', '共同梳理会'),
  description: text(
    'Reflect on a prompt in private, reveal and read together, group into themes, vote and agree actions.',
    '先各自思考一个问题，再一起公开阅读，归纳成主题，投票并商定行动。',
  ),
  commitments: DEFAULT_COMMITMENTS,
  // people write about their own lives here: only they (and the facilitator) change their notes
  protect: true,
  // a space about people's own lives: who comes in is the facilitator's call (Admit people)
  admit: true,
  canvases: [
    { key: 'commitments', name: text('Commitments', '约定') },
    { key: 'reflections', name: text('Individual reflections', '个人思考') },
    {
      key: 'themes',
      name: text('Themes', '主题'),
      frames: frameRow([
        text('Theme 1', '主题 1'),
        text('Theme 2', '主题 2'),
        text('Theme 3', '主题 3'),
        text('Theme 4', '主题 4'),
      ]),
    },
    {
      key: 'actions',
      name: text('Actions', '行动'),
      frames: frameRow([
        text('What we will do', '我们要做什么'),
        text('Who can help', '谁可以帮忙'),
        text('What we need', '我们需要什么'),
      ]),
    },
  ],
  agenda: [
    {
      title: text('Welcome and commitments', '欢迎与约定'),
      prompt: text(
        'Read our Community Commitments. Is there anything you would add or change?',
        '请阅读我们的社区约定。你有什么想补充或修改的吗？',
      ),
      guidance: text(
        'Welcome everyone by name. Read the commitments aloud; invite changes before agreeing.',
        '叫出每个人的名字表示欢迎。大声朗读约定；在大家同意之前，先邀请大家提出修改。',
      ),
      minutes: 10,
      canvas: 'reflections',
      mode: 'free',
    },
    {
      title: text('Write on your own', '独立书写'),
      prompt: text(
        'Think of a moment this year when you felt your community was heard. What happened?',
        '回想今年你觉得自己的社区被倾听的一个时刻。当时发生了什么？',
      ),
      guidance: text(
        'Private writing: only you see the notes until you reveal them. Offer to scribe for anyone who asks.',
        '独立书写：在你公开之前，便签只有写的人自己能看到。如果有人需要，可以主动帮忙代写。',
      ),
      minutes: 10,
      canvas: 'reflections',
      mode: 'private',
    },
    {
      title: text('Reveal and read', '公开与阅读'),
      prompt: text(
        'Read each other’s notes quietly. Which ones speak to you?',
        '安静地阅读彼此的便签。哪些让你有共鸣？',
      ),
      guidance: text(
        'Press Reveal, then give people time to read before anyone speaks.',
        '按下“公开”，在任何人发言之前，先给大家留出阅读的时间。',
      ),
      minutes: 10,
      canvas: 'reflections',
      mode: 'free',
    },
    {
      title: text('Group into themes', '归纳主题'),
      prompt: text(
        'Move notes that belong together into the same theme, and give each theme a name.',
        '把相关的便签移到同一个主题里，并给每个主题起个名字。',
      ),
      guidance: text(
        'Rename the theme frames with the group’s words, not yours.',
        '用小组自己的话而不是你的话来重命名主题框架。',
      ),
      minutes: 15,
      canvas: 'themes',
      mode: 'free',
    },
    {
      title: text('Dot-vote', '圆点投票'),
      prompt: text(
        'Which themes matter most to you? Use your votes.',
        '哪些主题对你最重要？用你的票来表达。',
      ),
      guidance: text(
        'Start voting with three votes each; end it when the room is quiet.',
        '开始投票，每人三票；当大家都安静下来时结束投票。',
      ),
      minutes: 5,
      canvas: 'themes',
      mode: 'voting',
    },
    {
      title: text('Agree actions', '商定行动'),
      prompt: text(
        'What will we do next, who can help, and what do we need?',
        '接下来我们要做什么？谁可以帮忙？我们需要什么？',
      ),
      guidance: text(
        'Capture names only with consent. Close by thanking people for what they shared.',
        '只有在本人同意时才记下名字。最后感谢大家的分享。',
      ),
      minutes: 15,
      canvas: 'actions',
      mode: 'free',
    },
  ],
}
