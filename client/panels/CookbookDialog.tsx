import { useTranslation } from 'react-i18next'
import { ExportChoiceDialog } from './ExportChoiceDialog'

export type CookbookFormat = 'html' | 'pdf'

/** Which cook book to make: a printable web page, or a PDF. */
export function CookbookDialog(props: {
  recipeCount: number
  onChoose: (format: CookbookFormat) => void
  onCancel: () => void
}) {
  const { t } = useTranslation('panels')
  return (
    <ExportChoiceDialog
      title={t('cookbook.title')}
      intro={t('cookbook.intro', { count: props.recipeCount })}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={() => props.onChoose('pdf')}>
            {t('cookbook.pdf')}
          </button>
          <button type="button" className="primary" onClick={() => props.onChoose('html')}>
            {t('cookbook.html')}
          </button>
        </>
      }
    >
      <p className="hint">{t('cookbook.htmlHint')}</p>
    </ExportChoiceDialog>
  )
}
