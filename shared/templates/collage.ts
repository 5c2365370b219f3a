import { DEFAULT_COMMITMENTS } from './commitments'
import { text, type BuiltInTemplate } from './localize'
import { frameRow } from './types'

export const collage: BuiltInTemplate = {
  id: 'collage',
  title: text('Collaborative collage', '协作拼贴'),
  description: text(
    'A shared canvas for pictures, notes and stories around a few prompts.',
    '一张共享画布，围绕几个问题汇集图片、便签和故事。',
  ),
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: text('Commitments', '约定') },
    {
      key: 'collage',
      name: text('Collage', '拼贴'),
      frames: frameRow(
        [
          text('A place that matters to me', '对我很重要的一个地方'),
          text('Something we made together', '我们一起创造的东西'),
          text('What I hope for', '我的期望'),
        ],
        1000,
        800,
      ),
    },
  ],
  agenda: [
    {
      title: text('Welcome and commitments', '欢迎与约定'),
      prompt: text(
        'Read our Community Commitments. Before sharing a photo of someone, ask them.',
        '请阅读我们的社区约定。分享别人的照片之前，请先征得对方同意。',
      ),
      guidance: text(
        'Remind people that pictures need a short description so everyone can take part.',
        '提醒大家为图片写一段简短的描述，让每个人都能参与。',
      ),
      minutes: 10,
      canvas: 'collage',
      mode: 'free',
    },
    {
      title: text('Add to the collage', '添加到拼贴'),
      prompt: text(
        'Add pictures, words or drawings to the frame that fits them best.',
        '把图片、文字或画作添加到最合适的框架里。',
      ),
      guidance: text(
        'Help anyone who is stuck uploading; describing the picture in words is just as good.',
        '帮助上传遇到困难的人；用文字描述图片也一样好。',
      ),
      minutes: 20,
      canvas: 'collage',
      frame: 0,
      mode: 'free',
    },
    {
      title: text('Walk the collage', '浏览拼贴'),
      prompt: text(
        'Look around the collage. Leave a reaction or a note on what moves you.',
        '看看整幅拼贴。在打动你的内容旁留下回应或便签。',
      ),
      guidance: text(
        'Use Bring everyone here to move through the frames together.',
        '使用“让大家来这里”，带大家一起逐个浏览各个框架。',
      ),
      minutes: 15,
      canvas: 'collage',
      mode: 'free',
    },
    {
      title: text('What it tells us', '它告诉了我们什么'),
      prompt: text('What does the collage say about our community?', '这幅拼贴讲述了我们社区的什么？'),
      guidance: text(
        'Write the group’s words on notes beside the collage.',
        '把小组的原话写在拼贴旁边的便签上。',
      ),
      minutes: 10,
      canvas: 'collage',
      frame: 2,
      mode: 'free',
    },
  ],
}
