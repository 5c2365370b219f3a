import { useId, useRef, type ReactNode } from 'react'
import { creditLine, type BoardObject, type ObjectOf } from '../../shared/schema/kinds'
import type { RowProps } from './NoteRow'
import { rowLabel, summaryOf } from './objectLabels'
import { DeleteButton, useFocusRequest } from './rowParts'

const STRINGS = {
  untitled: 'Untitled recipe',
  forWhom: (who: string) => `For ${who}`,
  inside: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  empty: 'Nothing in this frame yet.',
  frame: (title: string) => `Frame: ${title}`,
}

const byAuthor = (o: BoardObject): string => (o.author ? ` — ${o.author}` : '')

/** A recipe card in the list view: its title and credit line (the recipe panel edits the rest). */
export function RecipeRow(props: RowProps<ObjectOf<'recipe'>>) {
  const { object } = props
  const labelId = useId()
  const rowRef = useRef<HTMLLIElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(props.focusRequest, deleteRef, rowRef)
  const { title, forWhom, credits, anonymous } = object.props
  return (
    <li className="note-row recipe-row" ref={rowRef} tabIndex={-1}>
      <span className="note-row-label" id={labelId}>
        {rowLabel(object, props.number)}
      </span>
      <div className="note-row-body">
        <div className="row-text">
          <p className="recipe-title">{title.trim() || STRINGS.untitled}</p>
          {forWhom.trim() && <p>{STRINGS.forWhom(forWhom.trim())}</p>}
          <p className="recipe-credit">{creditLine(credits, anonymous)}</p>
        </div>
        {!props.readOnly && !object.locked && (
          <DeleteButton object={object} labelId={labelId} buttonRef={deleteRef} onDelete={props.onDelete} />
        )}
      </div>
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
        {!props.readOnly && !object.locked && (
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
  const { object } = props
  const labelId = useId()
  const rowRef = useRef<HTMLLIElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(props.focusRequest, deleteRef, rowRef)
  return (
    <li className="frame-row" ref={rowRef} tabIndex={-1}>
      <div className="frame-row-head">
        <span className="frame-title" id={labelId}>
          {STRINGS.frame(summaryOf(object))}
        </span>
        <span className="count">({STRINGS.inside(props.inside)})</span>
        {!props.readOnly && !object.locked && (
          <DeleteButton object={object} labelId={labelId} buttonRef={deleteRef} onDelete={props.onDelete} />
        )}
      </div>
      {props.inside === 0 ? (
        <p className="muted frame-empty">{STRINGS.empty}</p>
      ) : (
        <ul aria-labelledby={labelId}>{props.children}</ul>
      )}
    </li>
  )
}
