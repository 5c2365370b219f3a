import './material.css'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardObject } from '../../shared/schema/kinds'
import { useShownTextStore, useTextShown } from '../canvas/objects/shownText'

/** A row's content note, said first: before the row's label and its text. */
export function ContentNoteLine({ object }: { object: BoardObject }) {
  const { t } = useTranslation('material')
  if (!object.contentNote) return null
  return (
    <p className="content-note-line" lang={object.lang || undefined}>
      <strong>{t('contentNote.prefix', { note: object.contentNote })}</strong>
    </p>
  )
}

/**
 * The text of a row behind its content note: a Show text button until this person chooses to read
 * it (their own choice, shared with the canvas), then the text and a Hide text button.
 */
export function ContentNoteGate(props: { object: BoardObject; labelId: string; children: ReactNode }) {
  const { t } = useTranslation('material')
  const { object } = props
  const shown = useTextShown(object)
  const store = useShownTextStore()
  if (!object.contentNote) return <>{props.children}</>
  return (
    <>
      {shown && props.children}
      <button
        type="button"
        className="row-show-text"
        aria-describedby={props.labelId}
        aria-expanded={shown}
        onClick={() => (shown ? store.hide(object.id) : store.show(object.id))}
      >
        {shown ? t('contentNote.hide') : t('contentNote.show')}
      </button>
    </>
  )
}
