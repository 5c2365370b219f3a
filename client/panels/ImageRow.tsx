import { useId, useRef, type ReactNode } from 'react'
import { ALT_MAX, needsDescription, type ObjectOf } from '../../shared/schema/kinds'
import type { RowProps } from './NoteRow'
import { rowLabel } from './objectLabels'
import { AutoGrowField, DeleteButton, useFocusRequest } from './rowParts'
import { useTranslation } from 'react-i18next'
import { ContentNoteLine } from './ContentNoteGate'

/**
 * An image in the list view, known by its description (alt text). One without a description is
 * marked, and anyone who may edit can write one right here.
 */
export function ImageRow(
  props: RowProps<ObjectOf<'image'>> & {
    readonly onSetAlt: (id: string, alt: string) => void
    readonly extras?: ReactNode
  },
) {
  const { t } = useTranslation('panels')
  const { object, readOnly } = props
  const labelId = useId()
  const fieldId = useId()
  const hintId = useId()
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  useFocusRequest(props.focusRequest, fieldRef)
  const label = rowLabel(object, props.number)
  const missing = needsDescription(object.props.alt)
  return (
    <li className="note-row image-row">
      <ContentNoteLine object={object} />
      <span className="note-row-label" id={labelId}>
        {label}
        {missing && <span className="needs-description"> {t('list.needs')}</span>}
      </span>
      {readOnly ? (
        <p className="image-alt">{missing ? t('list.noDescription') : object.props.alt}</p>
      ) : (
        <>
          <label className="field-label" htmlFor={fieldId}>
            {t('list.imageField', { n: props.number })}
          </label>
          <div className="note-row-body">
            <AutoGrowField
              id={fieldId}
              fieldRef={fieldRef}
              value={object.props.alt}
              readOnly={false}
              describedBy={hintId}
              maxLength={ALT_MAX}
              onSave={(alt) => props.onSetAlt(object.id, alt)}
            />
            {props.canDelete && <DeleteButton object={object} labelId={labelId} onDelete={props.onDelete} />}
          </div>
          <p className="hint" id={hintId}>
            {t('list.imageHint')}
          </p>
        </>
      )}
      {props.extras}
    </li>
  )
}
