import { useId, useRef, useState } from 'react'
import { useModal } from './useModal'
import { ALT_MAX } from '../../shared/schema/kinds'
import { useTranslation } from 'react-i18next'

export interface AltTextDialogProps {
  /** Where the picture is, for a preview beside the field. */
  readonly previewUrl: string | null
  readonly initial: string
  readonly onSave: (alt: string) => void
  /** Closing without saving (Skip, Escape): the image keeps its description, or stays "needs a description". */
  readonly onSkip: () => void
}

/**
 * A modal dialog asking for an image's description. A native <dialog> opened with showModal()
 * gives the dialog role, keeps focus inside, makes the page behind inert, and closes on Escape.
 */
export function AltTextDialog(props: AltTextDialogProps) {
  const { t } = useTranslation('panels')
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const fieldId = useId()
  const hintId = useId()
  const [alt, setAlt] = useState(props.initial)
  const done = useRef(false)

  useModal(ref)

  const finish = (save: boolean) => {
    if (done.current) return
    done.current = true
    if (save) props.onSave(alt.trim())
    else props.onSkip()
  }

  return (
    <dialog
      ref={ref}
      className="alt-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        finish(false)
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          finish(true)
        }}
      >
        <h2 id={titleId}>{t('altText.title')}</h2>
        <p className="hint">{t('altText.intro')}</p>
        {props.previewUrl && <img className="alt-preview" src={props.previewUrl} alt="" />}
        <label htmlFor={fieldId}>{t('altText.field')}</label>
        <textarea
          id={fieldId}
          rows={3}
          maxLength={ALT_MAX}
          value={alt}
          aria-describedby={hintId}
          autoFocus
          onChange={(e) => setAlt(e.target.value)}
        />
        <p id={hintId} className="hint">
          {t('altText.hint')}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => finish(false)}>
            {t('altText.skip')}
          </button>
          <button type="submit" className="primary">
            {t('altText.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
