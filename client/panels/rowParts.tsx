import { useEffect, useRef, useState, type Ref } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { deleteLabel } from './objectLabels'
import { useDebouncedSave } from './useDebouncedSave'
import { useTranslation } from 'react-i18next'

type ElementRef = { readonly current: HTMLElement | null }

/**
 * Focuses the first of `refs` that is drawn each time `request` changes to a positive number (a
 * row's field, else its delete button, else the row itself).
 */
export function useFocusRequest(request: number, ...refs: ElementRef[]): void {
  const latest = useRef(refs)
  latest.current = refs
  useEffect(() => {
    if (request > 0) latest.current.find((r) => r.current)?.current?.focus()
  }, [request])
}

/**
 * A text field that grows with its text and saves as you type. While it has focus it keeps the
 * person's own draft, so a save echoing back (or someone else's edit) never moves their caret.
 */
export function AutoGrowField(props: {
  id: string
  fieldRef: Ref<HTMLTextAreaElement>
  value: string
  readOnly: boolean
  onSave: (text: string) => void
  describedBy?: string
  maxLength?: number
  /** The text's language tag, so screen readers read it in the right voice ('' for the page's). */
  lang?: string
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const save = useDebouncedSave(props.onSave)
  // a field that became read-only under the person's fingers (the note was locked, or contributions
  // protected; a change the server refused) shows what the board has, not what was being typed
  const value = props.readOnly ? props.value : (draft ?? props.value)
  useEffect(() => {
    if (!props.readOnly) return
    setDraft(null)
    save.cancel()
  }, [props.readOnly, save])
  return (
    // The mirror sizes the field to its text (it grows as you type); it is hidden from assistive tech.
    <div className="autogrow" lang={props.lang || undefined}>
      <span className="autogrow-mirror" aria-hidden="true">
        {value + '\n'}
      </span>
      <textarea
        id={props.id}
        ref={props.fieldRef}
        rows={1}
        lang={props.lang || undefined}
        value={value}
        readOnly={props.readOnly}
        aria-describedby={props.describedBy}
        maxLength={props.maxLength}
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
  )
}

/**
 * A row's delete button. Every row's button has the same short name ("Delete note"); the row's
 * label is its description, so a screen reader says which one.
 */
export function DeleteButton(props: {
  object: BoardObject
  labelId: string
  buttonRef?: Ref<HTMLButtonElement>
  onDelete: (id: string) => void
}) {
  const { t } = useTranslation('panels')
  return (
    <button
      ref={props.buttonRef}
      type="button"
      className="row-delete"
      aria-label={deleteLabel(props.object)}
      aria-describedby={props.labelId}
      onClick={() => props.onDelete(props.object.id)}
    >
      {t('list.delete')}
    </button>
  )
}
