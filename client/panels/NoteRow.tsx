import { useId, useRef, useState, type ReactNode, type Ref } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { isFormatted } from '../../shared/schema/richBlocks'
import { NoteLangSelect } from './NoteLangSelect'
import { rowLabel } from './objectLabels'
import { AutoGrowField, DeleteButton, useFocusRequest } from './rowParts'
import { RichTextView } from './RichTextView'
import { ContentNoteGate, ContentNoteLine } from './ContentNoteGate'
import { useTranslation } from 'react-i18next'

/** The board's rich-text editor for a note, mounted in the list only while that note is edited. */
export type NoteEditorSlot = (object: BoardObject, props: { label: string; onDone: () => void }) => ReactNode

export interface RowProps<O extends BoardObject = BoardObject> {
  readonly object: O
  /** Its number among objects of its kind ("Note 3"). */
  readonly number: number
  /** Not for this person to change (a viewer, a locked board or object, someone else's when protected). */
  readonly readOnly: boolean
  /** This person may remove it (the board's rules). */
  readonly canDelete: boolean
  /** Changes when this row's main control should take focus. */
  readonly focusRequest: number
  readonly onDelete: (id: string) => void
}

/**
 * A note or a text object in the list view: plain text in a labelled field that saves as you type,
 * and a delete button. Formatted text (bold, lists…) shows as real markup, edited in the rich editor
 * so editing from the list never strips the formatting.
 */
export function NoteRow(
  props: RowProps & {
    readonly onSetText: (id: string, text: string) => void
    /** Tags the note with the language it is written in. */
    readonly onSetLang?: (id: string, lang: string) => void
    /** More controls under the note (votes, reactions, consent, moderation). */
    readonly extras?: ReactNode
    readonly renderEditor?: NoteEditorSlot
  },
) {
  const { t } = useTranslation('panels')
  const { object, readOnly, onSetText, onSetLang } = props
  const label = rowLabel(object, props.number)
  const fieldId = useId()
  const labelId = useId()
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const editRef = useRef<HTMLButtonElement>(null)
  // kept here, not in the formatted text's own state: removing the last bold while editing must
  // not swap the rich editor for the plain field under the person's fingers
  const [editing, setEditing] = useState(false)
  const [backToEdit, setBackToEdit] = useState(0)
  useFocusRequest(props.focusRequest, fieldRef, editRef)
  useFocusRequest(backToEdit, editRef)
  const formatted = editing || isFormatted(object.rich)
  return (
    <li className="note-row">
      <ContentNoteLine object={object} />
      {formatted ? (
        <div className="note-row-label" id={labelId}>
          {label}
        </div>
      ) : (
        <label className="note-row-label" id={labelId} htmlFor={fieldId}>
          {label}
        </label>
      )}
      <div className="note-row-body">
        <ContentNoteGate object={object} labelId={labelId}>
          {formatted ? (
            <FormattedText
              object={object}
              label={label}
              labelId={labelId}
              editRef={editRef}
              editing={editing}
              canEdit={!readOnly && props.renderEditor !== undefined}
              renderEditor={props.renderEditor}
              onEditing={(on, refocus) => {
                setEditing(on)
                if (refocus) setBackToEdit((n) => n + 1)
              }}
            />
          ) : (
            <AutoGrowField
              id={fieldId}
              fieldRef={fieldRef}
              value={object.text}
              lang={object.lang}
              readOnly={readOnly}
              onSave={(text) => onSetText(object.id, text)}
            />
          )}
        </ContentNoteGate>
        {props.canDelete && <DeleteButton object={object} labelId={labelId} onDelete={props.onDelete} />}
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

/**
 * Formatted text in a row: its markup, and an Edit button (a click on the text does the same) that
 * puts the board's rich editor in its place until Escape or focus leaves it.
 */
function FormattedText(props: {
  object: BoardObject
  label: string
  labelId: string
  editRef: Ref<HTMLButtonElement>
  editing: boolean
  canEdit: boolean
  renderEditor?: NoteEditorSlot
  /** Editing starts or ends; `refocus`: put the focus back on the Edit button. */
  onEditing: (editing: boolean, refocus?: boolean) => void
}) {
  const { t } = useTranslation('panels')
  const { object, canEdit, onEditing } = props
  if (props.editing && canEdit)
    return (
      <div
        className="note-row-editor"
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onEditing(false)
        }}
      >
        {props.renderEditor?.(object, { label: props.label, onDone: () => onEditing(false, true) })}
      </div>
    )
  return (
    <>
      <RichTextView
        className="note-row-text"
        rich={object.rich}
        lang={object.lang}
        onClick={canEdit ? () => onEditing(true) : undefined}
      />
      {canEdit && (
        <button
          ref={props.editRef}
          type="button"
          className="row-edit"
          aria-label={t('list.editKind', { kind: t(`kindsLower.${object.kind}`) })}
          aria-describedby={props.labelId}
          onClick={() => onEditing(true)}
        >
          {t('list.edit')}
        </button>
      )}
    </>
  )
}
