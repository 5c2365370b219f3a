import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportChoiceDialog } from './ExportChoiceDialog'

export type InsightFormat = 'pdf' | 'docx' | 'md'
const FORMATS: readonly InsightFormat[] = ['pdf', 'docx', 'md']

/** The insight report's format: PDF to share, Word (DOCX) to edit, or Markdown. */
export function InsightReportDialog(props: {
  onChoose: (format: InsightFormat) => void
  onCancel: () => void
}) {
  const { t } = useTranslation('report')
  const name = useId()
  const [format, setFormat] = useState<InsightFormat>('pdf')
  return (
    <ExportChoiceDialog
      title={t('dialogTitle')}
      intro={t('dialogIntro')}
      onCancel={props.onCancel}
      actions={
        <button type="button" className="primary" onClick={() => props.onChoose(format)}>
          {t('create')}
        </button>
      }
    >
      <fieldset>
        <legend>{t('format')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="export-check-row">
            <input type="radio" name={name} value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(`formats.${f}`)}
          </label>
        ))}
      </fieldset>
    </ExportChoiceDialog>
  )
}
