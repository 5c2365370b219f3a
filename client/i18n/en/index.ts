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

/** The English resources, one namespace per area of the app; the other languages follow this shape. */
export const en = {
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
