import type { ReactNode } from 'react'
import { isNoteKind, type BoardObject, type TextSize } from '../../shared/schema/kinds'
import { SelectionBar } from '../canvas/SelectionBar'
import type { BoardCommands, Permissions } from '../state'
import type { BoardTools } from './useBoardTools'
import type { BoardUi } from './useBoardUi'
import type { useObjectActions } from './useObjectActions'
import { i18n } from '../i18n'
import { ContentNoteActions } from './ContentNoteActions'
import { useShownTextStore } from '../canvas/objects/shownText'

/** Kinds with an edit action in the selection bar (named "Edit", "Edit recipe", "Describe image"). */
const EDITABLE = ['sticky', 'text', 'recipe', 'story', 'image'] as const
type Editable = (typeof EDITABLE)[number]
const isEditable = (kind: BoardObject['kind']): kind is Editable =>
  (EDITABLE as readonly string[]).includes(kind)

/** The one value all items share, or null. */
function shared<T>(values: readonly T[]): T | null {
  const first = values[0]
  return first !== undefined && values.every((v) => v === first) ? first : null
}

/** The colour that stands for an object's ink: text and strokes' colour, a shape's outline. */
function inkOf(o: BoardObject): string | null {
  if (o.kind === 'text' || o.kind === 'stroke') return o.props.color
  if (o.kind === 'shape') return o.props.stroke
  return null
}

export interface SelectionActionsProps {
  readonly objects: readonly BoardObject[]
  readonly ui: BoardUi
  readonly commands: BoardCommands
  readonly tools: BoardTools
  readonly actions: ReturnType<typeof useObjectActions>
  /** What this person may do with each selected object (the board's rules). */
  readonly may: Permissions
  readonly describe: (id: string) => void
  /** Focus goes back to the canvas (after editing a frame's title). */
  readonly backToCanvas: () => void
  readonly extras?: SelectionExtras
}

/**
 * More actions for the selection, given what is selected and how to select or name things: those
 * for the bar itself (`part` "main"), or for its More panel ("more").
 */
export type SelectionExtras = (
  selected: readonly BoardObject[],
  helpers: { readonly select: (ids: readonly string[]) => void; readonly nameFrame: (id: string) => void },
  part: 'main' | 'more',
) => ReactNode

/** The selection bar, fed with what the selected objects have in common. */
export function SelectionActions(props: SelectionActionsProps) {
  const { objects, ui, commands, tools, actions, may } = props
  const shownText = useShownTextStore()
  if (ui.selection.size === 0) return null
  const selected = objects.filter((o) => ui.selection.has(o.id))
  // anyone may select, read and react; only what the rules let this person change is styled or moved
  const changeable = selected.filter(may.edit)
  const stickies = changeable.flatMap((o) => (o.kind === 'sticky' ? [o] : []))
  const texts = changeable.flatMap((o) => (o.kind === 'text' ? [o] : []))
  const inked = changeable.filter((o) => inkOf(o) !== null)
  const boxes = changeable.flatMap((o) =>
    o.kind === 'shape' && (o.props.shape === 'rect' || o.props.shape === 'ellipse') ? [o] : [],
  )
  const only = selected.length === 1 ? selected[0] : undefined
  const written = changeable.filter((o) => isNoteKind(o.kind))
  const editLabel = i18n.t(`board:edit.${only && isEditable(only.kind) ? only.kind : 'other'}`)
  const anyLocked = selected.some((o) => o.locked)
  const helpers = { select: ui.select, nameFrame: tools.requestTitle }
  const canLock = selected.some(may.moderate)
  const setInk = (color: string) => {
    for (const o of inked) {
      if (o.kind === 'shape') commands.updateProps(o.id, 'shape', { stroke: color })
      else if (o.kind === 'text' || o.kind === 'stroke') commands.updateProps(o.id, o.kind, { color })
    }
  }
  const onEdit = () => {
    if (!only) return
    // choosing to edit a text behind a content note is choosing to read it
    if (only.contentNote && only.kind !== 'story') shownText.show(only.id)
    if (only.kind === 'recipe' || only.kind === 'story') tools.openRecipe(only.id)
    else if (only.kind === 'image') props.describe(only.id)
    else ui.edit(only.id)
  }
  return (
    <SelectionBar
      count={ui.selection.size}
      color={shared(stickies.map((s) => s.props.color))}
      canColor={stickies.length > 0}
      onColor={(color) => stickies.forEach((s) => commands.setStickyColor(s.id, color))}
      ink={inked.length > 0 ? { value: shared(inked.map(inkOf)), onPick: setInk } : null}
      fill={
        boxes.length > 0
          ? {
              value: shared(boxes.map((b) => b.props.fill)),
              onPick: (fill: string) => boxes.forEach((b) => commands.updateProps(b.id, 'shape', { fill })),
            }
          : null
      }
      textSize={
        texts.length > 0
          ? {
              value: shared(texts.map((t) => t.props.size)),
              onPick: (size: TextSize) => texts.forEach((t) => commands.updateProps(t.id, 'text', { size })),
            }
          : null
      }
      lang={
        written.length > 0 && written.length === selected.length
          ? {
              value: shared(written.map((o) => o.lang)),
              onPick: (lang: string) =>
                commands.setLang(
                  written.map((o) => o.id),
                  lang,
                ),
            }
          : null
      }
      frameTitle={
        only?.kind === 'frame' && may.edit(only)
          ? {
              value: only.props.title,
              onChange: (title) => commands.updateProps(only.id, 'frame', { title }),
              focusNow: tools.titleRequest === only.id,
              onFocused: () => tools.requestTitle(null),
              onDone: props.backToCanvas,
            }
          : null
      }
      onEdit={
        only && isEditable(only.kind) && (may.edit(only) || only.kind === 'story') && !ui.editing
          ? onEdit
          : null
      }
      editLabel={editLabel}
      onDuplicate={actions.duplicate}
      onFront={changeable.length > 0 ? actions.bringToFront : null}
      onBack={changeable.length > 0 ? actions.sendToBack : null}
      lock={canLock ? { locked: anyLocked, onToggle: () => actions.setLocked(!anyLocked) } : null}
      anyLocked={anyLocked}
      onDelete={selected.some(may.delete) ? ui.deleteSelected : null}
      extra={
        <>
          <ContentNoteActions
            selected={selected}
            may={may}
            commands={commands}
            readOnly={false}
            part="show"
          />
          {props.extras?.(selected, helpers, 'main')}
        </>
      }
      more={
        <>
          <ContentNoteActions selected={selected} may={may} commands={commands} readOnly={false} part="set" />
          {props.extras?.(selected, helpers, 'more')}
        </>
      }
    />
  )
}
