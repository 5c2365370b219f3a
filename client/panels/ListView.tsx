import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { NoteRow } from './NoteRow'

export interface ListViewProps {
  readonly canvasName: string
  readonly objects: readonly BoardObject[]
  readonly readOnly: boolean
  /** Adds a note; returns its id (or null when that is not allowed). */
  readonly onAdd: () => string | null
  readonly onSetText: (id: string, text: string) => void
  readonly onDelete: (id: string) => void
}

/** Where focus goes next: a row's text field, or the Add note button. */
type FocusTarget = { readonly id: string | 'add'; readonly seq: number }

/**
 * Every object of the current canvas as a plain list: the keyboard and screen-reader way to read,
 * add, edit and remove notes. Ordered by creation, which stays stable as people move notes around.
 */
export function ListView(props: ListViewProps) {
  const headingId = useId()
  const addRef = useRef<HTMLButtonElement>(null)
  const [focus, setFocus] = useState<FocusTarget>({ id: '', seq: 0 })
  const ordered = useMemo(
    () => [...props.objects].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    [props.objects],
  )

  useEffect(() => {
    if (focus.id === 'add' && focus.seq > 0) addRef.current?.focus()
  }, [focus])

  const add = () => {
    const id = props.onAdd()
    if (id) setFocus((f) => ({ id, seq: f.seq + 1 }))
  }
  const remove = (id: string) => {
    // Keep the keyboard user in the list: focus the next note, else the previous, else Add note.
    const i = ordered.findIndex((o) => o.id === id)
    const neighbour = ordered[i + 1] ?? ordered[i - 1]
    props.onDelete(id)
    setFocus((f) => ({ id: neighbour?.id ?? 'add', seq: f.seq + 1 }))
  }

  return (
    <section className="list-view" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Notes on “{props.canvasName}” <span className="count">({ordered.length})</span>
      </h2>
      {ordered.length === 0 && <p className="muted">No notes on this canvas yet.</p>}
      <ul aria-labelledby={headingId}>
        {ordered.map((object, i) => (
          <NoteRow
            key={object.id}
            object={object}
            number={i + 1}
            readOnly={props.readOnly}
            focusRequest={focus.id === object.id ? focus.seq : 0}
            onSetText={props.onSetText}
            onDelete={remove}
          />
        ))}
      </ul>
      {!props.readOnly && (
        <button ref={addRef} type="button" className="primary" onClick={add}>
          Add note
        </button>
      )}
    </section>
  )
}
