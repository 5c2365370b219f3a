import { useId, useRef, type ReactNode } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { rowLabel } from './objectLabels'
import { AutoGrowField, DeleteButton, useFocusRequest } from './rowParts'

export interface RowProps<O extends BoardObject = BoardObject> {
  readonly object: O
  /** Its number among objects of its kind ("Note 3"). */
  readonly number: number
  readonly readOnly: boolean
  /** Changes when this row's main control should take focus. */
  readonly focusRequest: number
  readonly onDelete: (id: string) => void
}

/**
 * A note or a text object in the list view: its text in a labelled field that saves as you type,
 * and a delete button.
 */
export function NoteRow(
  props: RowProps & {
    readonly onSetText: (id: string, text: string) => void
    /** More controls under the note (votes, reactions, consent, moderation). */
    readonly extras?: ReactNode
  },
) {
  const { object, readOnly, onSetText } = props
  const fieldId = useId()
  const labelId = useId()
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  useFocusRequest(props.focusRequest, fieldRef)
  return (
    <li className="note-row">
      <label className="note-row-label" id={labelId} htmlFor={fieldId}>
        {rowLabel(object, props.number)}
      </label>
      <div className="note-row-body">
        <AutoGrowField
          id={fieldId}
          fieldRef={fieldRef}
          value={object.text}
          readOnly={readOnly}
          onSave={(text) => onSetText(object.id, text)}
        />
        {!readOnly && !object.locked && (
          <DeleteButton object={object} labelId={labelId} onDelete={props.onDelete} />
        )}
      </div>
      {props.extras}
    </li>
  )
}
