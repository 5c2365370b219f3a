import { useEffect, useId, useRef, useState } from 'react'

/** Typing is saved this long after the last keystroke, and at once when the field loses focus. */
const SAVE_DELAY_MS = 300

/**
 * A field's shown value and its saving: while it has focus it shows the person's own draft (so a
 * save echoing back never moves the caret), and saves a moment after they stop typing.
 */
export function useDraft(value: string, save: (text: string) => void) {
  const [draft, setDraft] = useState<string | null>(null)
  const saveRef = useRef(save)
  saveRef.current = save
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null)
  const flush = useRef(() => {
    if (!pending.current) return
    clearTimeout(pending.current.timer)
    const { text } = pending.current
    pending.current = null
    saveRef.current(text)
  })
  useEffect(() => () => flush.current(), [])
  return {
    value: draft ?? value,
    onChange: (text: string) => {
      setDraft(text)
      if (pending.current) clearTimeout(pending.current.timer)
      pending.current = { text, timer: setTimeout(() => flush.current(), SAVE_DELAY_MS) }
    },
    onBlur: () => {
      flush.current()
      setDraft(null)
    },
  }
}

export interface TextFieldProps {
  readonly label: string
  readonly value: string
  readonly onSave: (text: string) => void
  readonly maxLength: number
  readonly readOnly: boolean
  readonly multiline?: boolean
  readonly hint?: string
  /** Shown while the field is empty (what the card says then). */
  readonly placeholder?: string
  readonly inputRef?: (el: HTMLInputElement | null) => void
}

/** A labelled text field (or text area) that saves as the person types. */
export function TextField(props: TextFieldProps) {
  const id = useId()
  const hintId = useId()
  const draft = useDraft(props.value, props.onSave)
  const common = {
    id,
    value: draft.value,
    maxLength: props.maxLength,
    readOnly: props.readOnly,
    placeholder: props.placeholder,
    'aria-describedby': props.hint ? hintId : undefined,
    onBlur: draft.onBlur,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => draft.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={props.inputRef}
          type="text"
          onChange={(e) => draft.onChange(e.target.value)}
        />
      )}
    </div>
  )
}

export interface ListFieldProps {
  /** Names the group ("Ingredients") and each item ("Ingredient 2"). */
  readonly label: string
  readonly itemLabel: (n: number) => string
  readonly addLabel: string
  readonly removeLabel: (n: number) => string
  readonly items: readonly string[]
  readonly onSave: (items: string[]) => void
  readonly maxItems: number
  readonly maxLength: number
  readonly readOnly: boolean
}

/** A list of short texts with Add and Remove buttons; focus follows the item added or removed. */
export function ListField(props: ListFieldProps) {
  const headingId = useId()
  const fields = useRef<(HTMLInputElement | null)[]>([])
  const addRef = useRef<HTMLButtonElement>(null)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const { items } = props

  useEffect(() => {
    if (focusIndex === null) return
    const target = fields.current[focusIndex] ?? addRef.current
    target?.focus()
    setFocusIndex(null)
  }, [focusIndex, items])

  const setItem = (i: number, text: string) => props.onSave(items.map((v, j) => (j === i ? text : v)))
  return (
    <fieldset className="list-field" aria-labelledby={headingId}>
      <legend id={headingId}>{props.label}</legend>
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            <ListItemField
              label={props.itemLabel(i + 1)}
              value={item}
              maxLength={props.maxLength}
              readOnly={props.readOnly}
              inputRef={(el) => (fields.current[i] = el)}
              onSave={(text) => setItem(i, text)}
            />
            {!props.readOnly && (
              <button
                type="button"
                className="list-field-remove"
                aria-label={props.removeLabel(i + 1)}
                title={props.removeLabel(i + 1)}
                onClick={() => {
                  props.onSave(items.filter((_, j) => j !== i))
                  setFocusIndex(Math.min(i, items.length - 2))
                }}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ol>
      {!props.readOnly && items.length < props.maxItems && (
        <button
          ref={addRef}
          type="button"
          onClick={() => {
            props.onSave([...items, ''])
            setFocusIndex(items.length)
          }}
        >
          {props.addLabel}
        </button>
      )}
    </fieldset>
  )
}

function ListItemField(props: {
  label: string
  value: string
  maxLength: number
  readOnly: boolean
  inputRef: (el: HTMLInputElement | null) => void
  onSave: (text: string) => void
}) {
  const draft = useDraft(props.value, props.onSave)
  return (
    <input
      ref={props.inputRef}
      type="text"
      aria-label={props.label}
      value={draft.value}
      maxLength={props.maxLength}
      readOnly={props.readOnly}
      onChange={(e) => draft.onChange(e.target.value)}
      onBlur={draft.onBlur}
    />
  )
}
