import { DEFAULT_COMMITMENTS } from './commitments'
import { text, type BuiltInTemplate } from './localize'
import { frameRow } from './types'

export const recipeWall: BuiltInTemplate = {
  id: 'recipe-wall',
  title: text('Recipe wall', '食谱墙'),
  description: text(
    'Share methods for co-production as recipes, credited to their authors, ready for a cook book.',
    '把共创的方法写成食谱来分享，为作者署名，随时可以汇编成食谱集。',
  ),
  commitments: DEFAULT_COMMITMENTS,
  canvases: [
    { key: 'commitments', name: text('Commitments', '约定') },
    {
      key: 'wall',
      name: text('Recipe wall', '食谱墙'),
      frames: frameRow(
        [
          text('Starting together', '一起起步'),
          text('Making decisions', '做出决定'),
          text('Sharing power', '分享权力'),
          text('Keeping going', '坚持下去'),
        ],
        1000,
        900,
      ),
    },
  ],
  agenda: [
    {
      title: text('Welcome and commitments', '欢迎与约定'),
      prompt: text(
        'Read our Community Commitments. Each recipe will be credited as its authors choose.',
        '请阅读我们的社区约定。每份食谱都会按作者的意愿署名。',
      ),
      guidance: text(
        'Explain how the cook book will credit people, and that anonymous is always fine.',
        '说明食谱集将如何为大家署名，并说明匿名永远是可以的。',
      ),
      minutes: 10,
      canvas: 'wall',
      mode: 'free',
    },
    {
      title: text('Write your recipe', '写下你的食谱'),
      prompt: text(
        'Add a recipe card for a method that works for you: who it is for, the ingredients, the steps.',
        '为一个对你有效的方法添加一张食谱卡：适合谁、需要哪些食材、有哪些步骤。',
      ),
      guidance: text(
        'Pair people up if writing alone is hard; one can interview the other.',
        '如果独自书写有困难，可以两人一组，一人采访另一人。',
      ),
      minutes: 20,
      canvas: 'wall',
      mode: 'free',
    },
    {
      title: text('Share recipes', '分享食谱'),
      prompt: text(
        'Tell the group about your recipe. What makes it work?',
        '向大家介绍你的食谱。它为什么有效？',
      ),
      guidance: text(
        'Go round the frames one at a time; move cards between themes as the group agrees.',
        '逐个框架轮流分享；经小组同意后，可以把卡片移到其他主题。',
      ),
      minutes: 25,
      canvas: 'wall',
      mode: 'free',
    },
    {
      title: text('Favourites for the cook book', '为食谱集挑选最爱'),
      prompt: text('Vote for the recipes you would most like to try.', '投票选出你最想尝试的食谱。'),
      guidance: text(
        'Check credits and consent on each card before exporting the cook book.',
        '导出食谱集之前，检查每张卡片的署名和分享许可。',
      ),
      minutes: 10,
      canvas: 'wall',
      mode: 'voting',
    },
  ],
}
