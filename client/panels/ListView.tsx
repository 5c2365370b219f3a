import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { isNote, type BoardObject } from '../../shared/schema/kinds'
import { ImageRow } from './ImageRow'
import { NoteRow, type NoteEditorSlot } from './NoteRow'
import { FrameRow, RecipeRow, StoryRow, SummaryRow } from './OtherRows'
import { buildOutline, countInside, flattenOutline, numberByKind, type OutlineNode } from './outline'
import { useTranslation } from 'react-i18next'

export interface ListViewProps {
  readonly canvasName: string
  readonly objects: readonly BoardObject[]
  /** How many objects this version cannot show (from a newer app, or damaged). */
  readonly unreadable: number
  readonly readOnly: boolean
  /** May this person change the object, and remove it (the board's rules)? */
  readonly canEdit: (object: BoardObject) => boolean
  readonly canDelete: (object: BoardObject) => boolean
  /** Adds a note; returns its id (or null when that is not allowed). */
  readonly onAdd: () => string | null
  readonly onSetText: (id: string, text: string) => void
  readonly onSetAlt: (id: string, alt: string) => void
  /** Tags a note with its language ('' for the board's own). */
  readonly onSetLang?: (id: string, lang: string) => void
  readonly onDelete: (id: string) => void
  /** More for each note's row (votes, reactions, consent, privacy, moderation). */
  readonly rowExtras?: (object: BoardObject) => ReactNode
  /** The rich-text editor for formatted notes (plain notes are edited in a text field). */
  readonly renderEditor?: NoteEditorSlot
}

/** Where focus goes next: a row (its field, else its delete button), or the Add note button. */
type FocusTarget = { readonly id: string | 'add'; readonly seq: number }

/**
 * Everything on the current canvas as an outline: the keyboard and screen-reader way to read the
 * board, and to add, edit and remove notes. Frames are groups holding what lies inside them; notes
 * and text can be edited, images described; shapes and strokes are summarised.
 */
export function ListView(props: ListViewProps) {
  const { t } = useTranslation('panels')
  const headingId = useId()
  const addRef = useRef<HTMLButtonElement>(null)
  const [focus, setFocus] = useState<FocusTarget>({ id: '', seq: 0 })
  const outline = useMemo(() => buildOutline(props.objects), [props.objects])
  const order = useMemo(() => flattenOutline(outline), [outline])
  const numbers = useMemo(() => numberByKind(props.objects), [props.objects])

  useEffect(() => {
    if (focus.id === 'add' && focus.seq > 0) addRef.current?.focus()
  }, [focus])

  const add = () => {
    const id = props.onAdd()
    if (id) setFocus((f) => ({ id, seq: f.seq + 1 }))
  }
  const remove = (id: string) => {
    // Keep the keyboard user in the list: focus the next item, else the previous, else Add note.
    const i = order.findIndex((o) => o.id === id)
    const neighbour = order[i + 1] ?? order[i - 1]
    props.onDelete(id)
    setFocus((f) => ({ id: neighbour?.id ?? 'add', seq: f.seq + 1 }))
  }

  const renderNode = (node: OutlineNode) => {
    const { object } = node
    const common = {
      number: numbers.get(object.id) ?? 0,
      readOnly: props.readOnly || !props.canEdit(object),
      canDelete: !props.readOnly && props.canDelete(object),
      focusRequest: focus.id === object.id ? focus.seq : 0,
      onDelete: remove,
    }
    if (node.type === 'frame') {
      return (
        <FrameRow key={object.id} {...common} object={node.object} inside={countInside(node.children)}>
          {node.children.map(renderNode)}
        </FrameRow>
      )
    }
    if (object.kind === 'story') {
      return <StoryRow key={object.id} {...common} object={object} extras={props.rowExtras?.(object)} />
    }
    if (isNote(object)) {
      return (
        <NoteRow
          key={object.id}
          {...common}
          object={object}
          onSetText={props.onSetText}
          onSetLang={props.onSetLang}
          extras={props.rowExtras?.(object)}
          renderEditor={props.renderEditor}
        />
      )
    }
    switch (object.kind) {
      case 'image':
        return (
          <ImageRow
            key={object.id}
            {...common}
            object={object}
            onSetAlt={props.onSetAlt}
            extras={props.rowExtras?.(object)}
          />
        )
      case 'recipe':
        return <RecipeRow key={object.id} {...common} object={object} extras={props.rowExtras?.(object)} />
      default:
        return <SummaryRow key={object.id} {...common} object={object} />
    }
  }

  return (
    <section className="list-view" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('list.heading', { canvas: props.canvasName })}{' '}
        <span className="count">({t('list.count', { count: order.length })})</span>
      </h2>
      {order.length === 0 && <p className="muted">{t('list.empty')}</p>}
      {props.unreadable > 0 && <p className="muted">{t('list.unreadable', { count: props.unreadable })}</p>}
      <ul aria-labelledby={headingId}>{outline.map(renderNode)}</ul>
      {!props.readOnly && (
        <button ref={addRef} type="button" className="primary" onClick={add}>
          {t('list.add')}
        </button>
      )}
    </section>
  )
}
