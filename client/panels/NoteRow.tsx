import { useId, useRef, type ReactNode } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { NoteLangSelect } from './NoteLangSelect'
import { rowLabel } from './objectLabels'
import { AutoGrowField, DeleteButton, useFocusRequest } from './rowParts'
import { useTranslation } from 'react-i18next'

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
    /** Tags the note with the language it is written in. */
    readonly onSetLang?: (id: string, lang: string) => void
    /** More controls under the note (votes, reactions, consent, moderation). */
    readonly extras?: ReactNode
  },
) {
  const { t } = useTranslation('panels')
  const { object, readOnly, onSetText, onSetLang } = props
  const label = rowLabel(object, props.number)
  const fieldId = useId()
  const labelId = useId()
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  useFocusRequest(props.focusRequest, fieldRef)
  return (
    <li className="note-row">
      <label className="note-row-label" id={labelId} htmlFor={fieldId}>
        {label}
      </label>
      <div className="note-row-body">
        <AutoGrowField
          id={fieldId}
          fieldRef={fieldRef}
          value={object.text}
          lang={object.lang}
          readOnly={readOnly}
          onSave={(text) => onSetText(object.id, text)}
        />
        {!readOnly && !object.locked && (
          <DeleteButton object={object} labelId={labelId} onDelete={props.onDelete} />
        )}
      </div>
      {!readOnly && onSetLang && (
        <NoteLangSelect
          className="row-lang"
          value={object.lang}
          label={t('list.noteLang', { label })}
          onChange={(lang) => onSetLang(object.id, lang)}
        />
      )}
      {props.extras}
    </li>
  )
}
