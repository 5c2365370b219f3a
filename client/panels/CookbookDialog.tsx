import { useId, useRef } from 'react'
import './export.css'
import { useModal } from './PdfExportDialog'
import { useTranslation } from 'react-i18next'

export type CookbookFormat = 'html' | 'pdf'

/** Which cook book to make: a printable web page, or a PDF. */
export function CookbookDialog(props: {
  recipeCount: number
  onChoose: (format: CookbookFormat) => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['panels', 'common'])
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const introId = useId()
  useModal(ref)
  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id={titleId}>{t('cookbook.title')}</h2>
      <p id={introId}>{t('cookbook.intro', { count: props.recipeCount })}</p>
      <p className="hint">{t('cookbook.htmlHint')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
        <button type="button" onClick={() => props.onChoose('pdf')}>
          {t('cookbook.pdf')}
        </button>
        <button type="button" className="primary" onClick={() => props.onChoose('html')}>
          {t('cookbook.html')}
        </button>
      </div>
    </dialog>
  )
}
