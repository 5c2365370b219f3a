import { useId, useRef, type ReactNode } from 'react'
import './export.css'
import { useModal } from './useModal'
import { useTranslation } from 'react-i18next'

/**
 * The modal shell of an export that asks one question before it starts (which format): a title, an
 * introduction that describes the dialog, what the caller puts between, then Cancel and the caller's
 * buttons. Escape cancels.
 */
export function ExportChoiceDialog(props: {
  title: string
  intro: string
  onCancel: () => void
  /** The buttons after Cancel, the default one last. */
  actions: ReactNode
  children?: ReactNode
}) {
  const { t } = useTranslation('common')
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
      <h2 id={titleId}>{props.title}</h2>
      <p id={introId}>{props.intro}</p>
      {props.children}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        {props.actions}
      </div>
    </dialog>
  )
}
