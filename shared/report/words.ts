import type { UiLang } from '../lang'
import type { CreditWords } from '../schema/kinds'

/**
 * The insight report's own words (headings, labels), in each interface language. They live here,
 * not in the page's translations, because the server writes the report too (`npm run export`),
 * in the session's main language; the page writes it in the reader's.
 */
export interface ReportWords {
  readonly kicker: string
  readonly untitled: string
  readonly held: (dates: string) => string
  readonly made: (date: string) => string
  readonly anonymous: string
  readonly commitments: string
  readonly noCommitments: string
  readonly themes: string
  readonly untitledTheme: string
  /** A theme's heading when the session has several canvases: "Ideas — Board". */
  readonly themeOn: (theme: string, canvas: string) => string
  /** The notes of a canvas that sit in no theme. */
  readonly unthemed: (canvas: string) => string
  readonly quotes: string
  readonly notes: string
  readonly noThemes: string
  readonly votes: (n: number) => string
  readonly stories: string
  readonly untitledStory: string
  readonly toldBy: (name: string) => string
  readonly toldAnonymously: string
  readonly contentNote: (note: string) => string
  readonly inTheme: (theme: string) => string
  readonly recipes: string
  readonly untitledRecipe: string
  readonly recipeCredit: CreditWords
  readonly forWhom: string
  readonly ingredients: string
  readonly method: string
  readonly tips: string
  readonly participation: string
  readonly answers: (agree: number, discuss: number) => string
  readonly contributors: (n: number) => string
  readonly counts: (c: { notes: number; stories: number; recipes: number; images: number }) => string
  readonly votesCast: (n: number) => string
  readonly byPerson: string
  readonly contributions: (n: number) => string
  readonly namesWithheld: string
  readonly images: string
  readonly noDescription: string
  readonly imageMissing: string
  readonly agenda: string
  readonly minutes: (n: number) => string
  readonly notReached: string
  readonly removedPerson: string
}

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`

const en: ReportWords = {
  kicker: 'Insight report',
  untitled: 'Untitled session',
  held: (dates) => `Session held ${dates}`,
  made: (date) => `Report made ${date}`,
  anonymous: 'Anonymous session: no one is named.',
  commitments: 'Community Commitments',
  noCommitments: 'This session has no Community Commitments written down.',
  themes: 'Themes',
  untitledTheme: 'Untitled theme',
  themeOn: (theme, canvas) => `${theme} — ${canvas}`,
  unthemed: (canvas) => `Not in a theme — ${canvas}`,
  quotes: 'Quotes',
  notes: 'Notes',
  noThemes: 'No notes may be shared from this session.',
  votes: (n) => plural(n, 'vote', 'votes'),
  stories: 'Stories',
  untitledStory: 'Untitled story',
  toldBy: (name) => `Told by ${name}`,
  toldAnonymously: 'Told anonymously',
  contentNote: (note) => `Content note: ${note}`,
  inTheme: (theme) => `Theme: ${theme}`,
  recipes: 'Recipes',
  untitledRecipe: 'Untitled recipe',
  recipeCredit: {
    anonymous: 'Recipe by anonymous',
    by: (names) => `Recipe by ${names}`,
    and: (first, last) => `${first} and ${last}`,
    separator: ', ',
  },
  forWhom: 'Who it is for',
  ingredients: 'Ingredients',
  method: 'Method',
  tips: 'Tips',
  participation: 'Participation',
  answers: (agree, discuss) =>
    `${plural(agree, 'person', 'people')} agreed to the Community Commitments; ${discuss} wanted to discuss them.`,
  contributors: (n) => `${plural(n, 'person', 'people')} contributed.`,
  counts: (c) =>
    [
      plural(c.notes, 'note', 'notes'),
      plural(c.stories, 'story', 'stories'),
      plural(c.recipes, 'recipe', 'recipes'),
      plural(c.images, 'image', 'images'),
    ].join(', ') + '.',
  votesCast: (n) => `${plural(n, 'vote', 'votes')} given.`,
  byPerson: 'Contributions by person',
  contributions: (n) => plural(n, 'contribution', 'contributions'),
  namesWithheld: 'This session is anonymous, so no one is named.',
  images: 'Images',
  noDescription: 'Image with no description',
  imageMissing: '(the picture could not be loaded)',
  agenda: 'Agenda as it ran',
  minutes: (n) => `${n} min`,
  notReached: 'not reached',
  removedPerson: 'Removed person',
}

const zh: ReportWords = {
  kicker: '洞察报告',
  untitled: '未命名的会议',
  held: (dates) => `会议日期：${dates}`,
  made: (date) => `报告生成于 ${date}`,
  anonymous: '匿名会议：不显示任何人的名字。',
  commitments: '社区承诺',
  noCommitments: '本次会议没有写下社区承诺。',
  themes: '主题',
  untitledTheme: '未命名的主题',
  themeOn: (theme, canvas) => `${theme} — ${canvas}`,
  unthemed: (canvas) => `不属于任何主题 — ${canvas}`,
  quotes: '引述',
  notes: '便签',
  noThemes: '本次会议没有可以分享的便签。',
  votes: (n) => `${n} 票`,
  stories: '故事',
  untitledStory: '未命名的故事',
  toldBy: (name) => `讲述者：${name}`,
  toldAnonymously: '匿名讲述',
  contentNote: (note) => `内容提示：${note}`,
  inTheme: (theme) => `主题：${theme}`,
  recipes: '食谱',
  untitledRecipe: '未命名的食谱',
  recipeCredit: {
    anonymous: '食谱作者：匿名',
    by: (names) => `食谱作者：${names}`,
    and: (first, last) => `${first}和${last}`,
    separator: '、',
  },
  forWhom: '适合谁',
  ingredients: '材料',
  method: '方法',
  tips: '提示',
  participation: '参与情况',
  answers: (agree, discuss) => `${agree} 人同意社区承诺；${discuss} 人希望讨论。`,
  contributors: (n) => `${n} 人参与贡献。`,
  counts: (c) => `${c.notes} 条便签，${c.stories} 个故事，${c.recipes} 个食谱，${c.images} 张图片。`,
  votesCast: (n) => `共投出 ${n} 票。`,
  byPerson: '每人的贡献',
  contributions: (n) => `${n} 项贡献`,
  namesWithheld: '这是匿名会议，不显示任何人的名字。',
  images: '图片',
  noDescription: '没有描述的图片',
  imageMissing: '（无法载入图片）',
  agenda: '实际进行的议程',
  minutes: (n) => `${n} 分钟`,
  notReached: '未进行',
  removedPerson: '已移出的人',
}

/** The report's words in each interface language. */
export const REPORT_WORDS: { readonly [L in UiLang]: ReportWords } = { en, 'zh-CN': zh }
