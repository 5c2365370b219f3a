import { en } from './en'
import { zhCN } from './zh-CN'

/** Every translation, bundled: two languages are small enough to ship together. */
export const resources = { en, 'zh-CN': zhCN } as const
