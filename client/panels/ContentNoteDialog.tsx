import { useId, useRef, useState } from 'react'
import { useModal } from './useModal'
import { useTranslation } from 'react-i18next'
import { CONTENT_NOTE_MAX } from '../../shared/schema/boardDoc'

export interface ContentNoteDialogProps {
  /** The note the selection has now ('' for none, or when the items differ). */
  readonly initial: string
  /** How many items it is for. */
  readonly count: number
  /** Saves the note; '' removes it. */
  readonly onSave: (note: string) => void
  readonly onClose: () => void
}

/**
 * Sets or removes the content note of the selected items: a few words that warn readers before the
 * text, which then stays hidden until each person chooses to read it. A native modal <dialog>.
 */
export function ContentNoteDialog(props: ContentNoteDialogProps) {
  const { t } = useTranslation('material')
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const fieldId = useId()
  const hintId = useId()
  const [note, setNote] = useState(props.initial)
  const done = useRef(false)

  useModal(ref)

  const finish = (value: string | null) => {
    if (done.current) return
    done.current = true
    if (value !== null) props.onSave(value)
    props.onClose()
  }

  return (
    <dialog
      ref={ref}
      className="alt-dialog content-note-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        finish(null)
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          finish(note.trim())
        }}
      >
        <h2 id={titleId}>{t('contentNote.dialogTitle')}</h2>
        <p className="hint">{t('contentNote.forCount', { count: props.count })}</p>
        <label htmlFor={fieldId}>{t('contentNote.field')}</label>
        <input
          id={fieldId}
          type="text"
          maxLength={CONTENT_NOTE_MAX}
          value={note}
          aria-describedby={hintId}
          autoFocus
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={hintId} className="hint">
          {t('contentNote.hint')}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => finish(null)}>
            {t('import.cancel')}
          </button>
          {props.initial !== '' && (
            <button type="button" onClick={() => finish('')}>
              {t('contentNote.clear')}
            </button>
          )}
          <button type="submit" className="primary" disabled={note.trim() === ''}>
            {t('contentNote.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
