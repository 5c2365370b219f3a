import { useEffect, useId, useRef } from 'react'

const STRINGS = {
  title: (name: string) => `Delete “${name}”?`,
  body: (count: number) =>
    count === 0
      ? 'The canvas is empty. It goes for everyone in the session.'
      : `The canvas and the ${count === 1 ? 'object' : `${count} objects`} on it go for everyone in the session. This cannot be undone.`,
  confirm: 'Delete',
  cancel: 'Keep it',
}

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
      <h2 id={titleId}>{STRINGS.title(props.name)}</h2>
      <p id={bodyId}>{STRINGS.body(props.objectCount)}</p>
      <div className="confirm-actions">
        <button type="button" ref={cancelRef} onClick={props.onCancel}>
          {STRINGS.cancel}
        </button>
        <button type="button" className="danger-solid" onClick={props.onConfirm}>
          {STRINGS.confirm}
        </button>
      </div>
    </dialog>
  )
}
