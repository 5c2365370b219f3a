import { useId, useRef, useState } from 'react'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import './export.css'
import { useModal } from './useModal'
import { useTranslation } from 'react-i18next'

/** Which canvases go into the PDF: every one is ticked to start with. */
export function PdfExportDialog(props: {
  canvases: readonly CanvasInfo[]
  framesAsPages: boolean
  onConfirm: (canvasIds: readonly string[], framesAsPages: boolean) => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['panels', 'common'])
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const hintId = useId()
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(props.canvases.map((c) => c.id)))
  const [frames, setFrames] = useState(props.framesAsPages)
  const [tried, setTried] = useState(false)
  useModal(ref)

  const toggle = (id: string) =>
    setChosen((old) => {
      const next = new Set(old)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const submit = () => {
    setTried(true)
    const ids = props.canvases.filter((c) => chosen.has(c.id)).map((c) => c.id)
    if (ids.length > 0) props.onConfirm(ids, frames)
  }

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id={titleId}>{t('pdfDialog.title')}</h2>
      <p>{t('pdfDialog.intro')}</p>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <fieldset aria-describedby={tried && chosen.size === 0 ? hintId : undefined}>
          <legend>{t('pdfDialog.canvases')}</legend>
          {props.canvases.map((c) => (
            <label key={c.id} className="export-check-row">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
              {c.name}
            </label>
          ))}
        </fieldset>
        {tried && chosen.size === 0 && (
          <p id={hintId} className="error" role="alert">
            {t('pdfDialog.none')}
          </p>
        )}
        <label className="export-check-row">
          <input type="checkbox" checked={frames} onChange={(e) => setFrames(e.target.checked)} />
          {t('pdfDialog.framesAsPages')}
        </label>
        <p className="hint">{t('pdfDialog.framesHint')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="primary">
            {t('pdfDialog.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
