import { useId, useRef, useState } from 'react'
import './export.css'
import { useModal } from './PdfExportDialog'
import { useTranslation } from 'react-i18next'

export type InsightFormat = 'pdf' | 'docx' | 'md'
const FORMATS: readonly InsightFormat[] = ['pdf', 'docx', 'md']

/** The insight report's format: PDF to share, Word (DOCX) to edit, or Markdown. */
export function InsightReportDialog(props: {
  onChoose: (format: InsightFormat) => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['report', 'common'])
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const introId = useId()
  const name = useId()
  const [format, setFormat] = useState<InsightFormat>('pdf')
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
      <h2 id={titleId}>{t('dialogTitle')}</h2>
      <p id={introId}>{t('dialogIntro')}</p>
      <fieldset>
        <legend>{t('format')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="export-check-row">
            <input type="radio" name={name} value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(`formats.${f}`)}
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
        <button type="button" className="primary" onClick={() => props.onChoose(format)}>
          {t('create')}
        </button>
      </div>
    </dialog>
  )
}
