import { useEffect, useId, useRef, useState } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'

/** Typing is saved this long after the last keystroke (and at once when the field loses focus). */
const SAVE_DELAY_MS = 250

export interface NoteRowProps {
  readonly object: BoardObject
  readonly number: number
  readonly readOnly: boolean
  /** Changes when this row's text field should take focus. */
  readonly focusRequest: number
  readonly onSetText: (id: string, text: string) => void
  readonly onDelete: (id: string) => void
}

/**
 * One note in the list view: its text in a labelled field, and a delete button. While the field has
 * focus it keeps the person's own draft, so a save echoing back never moves their caret.
 */
export function NoteRow({ object, number, readOnly, focusRequest, onSetText, onDelete }: NoteRowProps) {
  const fieldId = useId()
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const save = useDebouncedSave((text) => onSetText(object.id, text))
  const value = draft ?? object.text

  useEffect(() => {
    if (focusRequest > 0) fieldRef.current?.focus()
  }, [focusRequest])

  const who = object.author ? ` — ${object.author}` : ''
  return (
    <li className="note-row">
      <label className="note-row-label" htmlFor={fieldId}>
        {object.kind === 'sticky' ? 'Note' : object.kind} {number}
        {who}
      </label>
      <div className="note-row-body">
        {/* The mirror sizes the field to its text (it grows as you type); it is hidden from assistive tech. */}
        <div className="autogrow">
          <span className="autogrow-mirror" aria-hidden="true">
            {value + '\n'}
          </span>
          <textarea
            id={fieldId}
            ref={fieldRef}
            rows={1}
            value={value}
            readOnly={readOnly}
            onChange={(e) => {
              setDraft(e.target.value)
              save.schedule(e.target.value)
            }}
            onBlur={() => {
              save.flush()
              setDraft(null)
            }}
          />
        </div>
        {!readOnly && (
          <button
            type="button"
            className="note-row-delete"
            aria-label="Delete note"
            onClick={() => onDelete(object.id)}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  )
}

/** Debounces saves; the last text is saved on flush and when the row goes away. */
function useDebouncedSave(save: (text: string) => void) {
  const saveRef = useRef(save)
  saveRef.current = save
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null)
  const api = useRef({
    flush() {
      if (!pending.current) return
      clearTimeout(pending.current.timer)
      const { text } = pending.current
      pending.current = null
      saveRef.current(text)
    },
    schedule(text: string) {
      if (pending.current) clearTimeout(pending.current.timer)
      pending.current = { text, timer: setTimeout(() => api.current.flush(), SAVE_DELAY_MS) }
    },
  })
  useEffect(() => () => api.current.flush(), [])
  return api.current
}
