import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The confirmation before a canvas is deleted: a native modal dialog, so focus stays inside it and
 * Escape cancels. Focus starts on the safe choice.
 */
export function DeleteCanvasDialog(props: {
  name: string
  objectCount: number
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['panels', 'common'])
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    cancelRef.current?.focus()
    return () => dialog.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape closes a native dialog: treat it as "keep".
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id={titleId}>{t('canvases.deleteTitle', { name: props.name })}</h2>
      <p id={bodyId}>
        {props.objectCount === 0
          ? t('canvases.deleteEmpty')
          : t('canvases.deleteBody', { count: props.objectCount })}
      </p>
      <div className="confirm-actions">
        <button type="button" ref={cancelRef} onClick={props.onCancel}>
          {t('canvases.keep')}
        </button>
        <button type="button" className="danger-solid" onClick={props.onConfirm}>
          {t('common:delete')}
        </button>
      </div>
    </dialog>
  )
}
