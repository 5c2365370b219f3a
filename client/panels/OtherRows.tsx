import { useId, useRef, type ReactNode } from 'react'
import { creditLine, storyCredit, type BoardObject, type ObjectOf } from '../../shared/schema/kinds'
import type { RowProps } from './NoteRow'
import { rowLabel, summaryOf } from './objectLabels'
import { DeleteButton, useFocusRequest } from './rowParts'
import { useTranslation } from 'react-i18next'

import { i18n } from '../i18n'
import { creditWords, storyWords } from '../i18n/creditWords'
import { ContentNoteGate, ContentNoteLine } from './ContentNoteGate'
import { RichTextView } from './RichTextView'

const byAuthor = (o: BoardObject): string =>
  o.author ? i18n.t('panels:list.byAuthor', { author: o.author }) : ''

/** A recipe card in the list view: its title and credit line (the recipe panel edits the rest). */
export function RecipeRow(props: RowProps<ObjectOf<'recipe'>> & { readonly extras?: ReactNode }) {
  const { t } = useTranslation('panels')
  const { object } = props
  const labelId = useId()
  const rowRef = useRef<HTMLLIElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(props.focusRequest, deleteRef, rowRef)
  const { title, forWhom, credits, anonymous } = object.props
  return (
    <li className="note-row recipe-row" ref={rowRef} tabIndex={-1}>
      <ContentNoteLine object={object} />
      <span className="note-row-label" id={labelId}>
        {rowLabel(object, props.number)}
      </span>
      <div className="note-row-body">
        <div className="row-text">
          <p className="recipe-title">{title.trim() || t('list.untitledRecipe')}</p>
          {forWhom.trim() && <p>{t('list.forWhom', { who: forWhom.trim() })}</p>}
          <p className="recipe-credit">{creditLine(credits, anonymous, creditWords())}</p>
        </div>
        {props.canDelete && (
          <DeleteButton object={object} labelId={labelId} buttonRef={deleteRef} onDelete={props.onDelete} />
        )}
      </div>
      {props.extras}
    </li>
  )
}

/** A shape or a pen stroke, which have no words: summarised as "Rectangle" or "Pen stroke". */
export function SummaryRow(props: RowProps) {
  const { object } = props
  const labelId = useId()
  const rowRef = useRef<HTMLLIElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(props.focusRequest, deleteRef, rowRef)
  return (
    <li className="note-row summary-row" ref={rowRef} tabIndex={-1}>
      <div className="note-row-body">
        <span className="row-text" id={labelId}>
          {summaryOf(object)}
          <span className="muted">{byAuthor(object)}</span>
        </span>
        {props.canDelete && (
          <DeleteButton object={object} labelId={labelId} buttonRef={deleteRef} onDelete={props.onDelete} />
        )}
      </div>
    </li>
  )
}

/** A frame: its title, then a nested list of what it holds (deleting it leaves its contents). */
export function FrameRow(
  props: RowProps<ObjectOf<'frame'>> & { readonly inside: number; readonly children: ReactNode },
) {
  const { t } = useTranslation('panels')
  const { object } = props
  const labelId = useId()
  const rowRef = useRef<HTMLLIElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(props.focusRequest, deleteRef, rowRef)
  return (
    <li className="frame-row" ref={rowRef} tabIndex={-1}>
      <div className="frame-row-head">
        <span className="frame-title" id={labelId}>
          {t('list.frame', { title: summaryOf(object) })}
        </span>
        <span className="count">({t('list.count', { count: props.inside })})</span>
        {props.canDelete && (
          <DeleteButton object={object} labelId={labelId} buttonRef={deleteRef} onDelete={props.onDelete} />
        )}
      </div>
      {props.inside === 0 ? (
        <p className="muted frame-empty">{t('list.frameEmpty')}</p>
      ) : (
        <ul aria-labelledby={labelId}>{props.children}</ul>
      )}
    </li>
  )
}

/**
 * A story card in the list view: its content note first (when it has one), its title and who told
 * it, then the whole story (behind Show text when there is a content note), and its note actions.
 */
export function StoryRow(props: RowProps<ObjectOf<'story'>> & { readonly extras?: ReactNode }) {
  const { object } = props
  const labelId = useId()
  const rowRef = useRef<HTMLLIElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(props.focusRequest, deleteRef, rowRef)
  const { title, credit, anonymous } = object.props
  return (
    <li className="note-row story-row" ref={rowRef} tabIndex={-1}>
      <ContentNoteLine object={object} />
      <span className="note-row-label" id={labelId}>
        {rowLabel(object, props.number)}
      </span>
      <div className="note-row-body">
        <div className="row-text" lang={object.lang || undefined}>
          <p className="recipe-title">{title.trim() || i18n.t('material:story.untitled')}</p>
          <p className="recipe-credit">{storyCredit(credit, anonymous, storyWords())}</p>
          <ContentNoteGate object={object} labelId={labelId}>
            <RichTextView className="story-text" rich={object.rich} lang={object.lang} />
          </ContentNoteGate>
        </div>
        {props.canDelete && (
          <DeleteButton object={object} labelId={labelId} buttonRef={deleteRef} onDelete={props.onDelete} />
        )}
      </div>
      {props.extras}
    </li>
  )
}
