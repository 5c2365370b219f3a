import type { en } from '../en'
import type { Translation } from '../types'
import { board } from './board'
import { common } from './common'
import { exportNs } from './export'
import { facilitation } from './facilitation'
import { material } from './material'
import { groups } from './groups'
import { pages } from './pages'
import { panels } from './panels'
import { schema } from './schema'
import { report } from './report'

/** Simplified Chinese: every key of the English resources, or the typecheck fails. */
export const zhCN: Translation<typeof en> = {
  common,
  pages,
  panels,
  facilitation,
  board,
  export: exportNs,
  schema,
  material,
  groups,
  report,
}
