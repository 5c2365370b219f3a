import type { SessionSnapshot } from '../../shared/export/snapshot'
import { buildCookbook } from './cookbook'
import { cookbookHtml } from './cookbookHtml'
import { cookbookPdf } from './cookbookPdf'
import { fileName } from './download'
import { ExportProblem } from './exportJob'
import { longDate } from './layout'
import { currentLanguage, i18n } from '../i18n'

/** The cook book of a session, as a printable web page or a PDF. */
export async function cookbookExport(
  s: SessionSnapshot,
  format: 'html' | 'pdf',
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<{ blob: Blob; name: string }> {
  const book = buildCookbook(s)
  if (book.recipes.length === 0) throw new ExportProblem(i18n.t('export:cookbook.none'))
  const date = longDate(new Date(), currentLanguage())
  const name = fileName([book.title, i18n.t('export:cookbook.suffix')], format)
  if (format === 'html') {
    const blob = new Blob([cookbookHtml(book, date, currentLanguage())], { type: 'text/html;charset=utf-8' })
    return { blob, name }
  }
  return { blob: await cookbookPdf({ book, date, signal, progress }), name }
}
