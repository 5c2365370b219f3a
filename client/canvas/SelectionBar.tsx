import { useEffect, useRef, useState, type ReactNode } from 'react'
import {
  INK_COLORS,
  STICKY_COLORS,
  TEXT_SIZES,
  type StickyColor,
  type TextSize,
} from '../../shared/schema/kinds'
import { STICKY_FILL } from '../theme'
import { Swatches } from './tools/ToolOptions'
import { SHAPE_FILLS } from './tools/tools'

const STRINGS = {
  group: 'Selection',
  count: (n: number) => (n === 1 ? '1 selected' : `${n} selected`),
  noteColour: 'Note colour',
  colour: (c: string) => `Colour ${c}`,
  ink: 'Colour',
  fill: 'Fill',
  textSize: 'Text size',
  sizes: { small: 'Small', medium: 'Medium', large: 'Large', heading: 'Heading' } as Record<TextSize, string>,
  frameTitle: 'Frame title',
  duplicate: 'Duplicate',
  duplicateHint: 'Duplicate (Ctrl+D)',
  front: 'Bring to front',
  frontHint: 'Bring to front (])',
  back: 'Send to back',
  backHint: 'Send to back ([)',
  lock: 'Lock',
  lockHint: 'Lock: nobody can move, resize or delete these until unlocked',
  unlock: 'Unlock',
  unlockHint: 'Unlock, so these can be moved again',
  locked: 'Locked',
  delete: 'Delete',
  deleteHint: 'Delete selected (Delete)',
  lockedHint: 'Locked objects cannot be deleted',
}

export interface ColorChoice {
  readonly value: string | null
  readonly onPick: (color: string) => void
}

export interface SelectionBarProps {
  readonly count: number
  /** The colour all selected notes share, if they do. */
  readonly color: StickyColor | null
  readonly canColor: boolean
  readonly onColor: (color: StickyColor) => void
  /** Ink of selected text, strokes and shapes (their shared colour, if any); null hides the choice. */
  readonly ink: ColorChoice | null
  /** Fill of selected rectangles and ellipses. */
  readonly fill: ColorChoice | null
  readonly textSize: { readonly value: TextSize | null; readonly onPick: (size: TextSize) => void } | null
  readonly frameTitle: FrameTitleProps | null
  readonly onEdit: (() => void) | null
  /** Name of the edit action: "Edit", "Edit recipe", "Describe image". */
  readonly editLabel: string
  readonly onDuplicate: () => void
  readonly onFront: () => void
  readonly onBack: () => void
  /** Lock state of the selection for a facilitator, null for others. */
  readonly lock: { readonly locked: boolean; readonly onToggle: () => void } | null
  readonly anyLocked: boolean
  readonly onDelete: (() => void) | null
  /** More actions from outside the canvas (themes, reactions, consent, moderation). */
  readonly extra?: ReactNode
}

/** Actions on the current selection, shown above the board while something is selected. */
export function SelectionBar(props: SelectionBarProps) {
  return (
    <div className="selection-bar" role="group" aria-label={STRINGS.group}>
      <span className="selection-count">
        {STRINGS.count(props.count)}
        {props.anyLocked && <span className="locked-chip"> · {STRINGS.locked}</span>}
      </span>
      {props.canColor && <NoteColours value={props.color} onPick={props.onColor} />}
      {props.ink && (
        <Swatches label={STRINGS.ink} colors={INK_COLORS} value={props.ink.value} onPick={props.ink.onPick} />
      )}
      {props.fill && (
        <Swatches
          label={STRINGS.fill}
          colors={SHAPE_FILLS}
          value={props.fill.value}
          onPick={props.fill.onPick}
        />
      )}
      {props.textSize && <TextSizes {...props.textSize} />}
      {props.frameTitle && <FrameTitleField {...props.frameTitle} />}
      {props.onEdit && (
        <button
          type="button"
          title={`${props.editLabel} (Enter)`}
          aria-keyshortcuts="Enter"
          onClick={props.onEdit}
        >
          {props.editLabel}
        </button>
      )}
      <ArrangeButtons {...props} />
      {props.extra}
      <button
        type="button"
        className="danger"
        title={props.onDelete ? STRINGS.deleteHint : STRINGS.lockedHint}
        aria-keyshortcuts="Delete"
        aria-disabled={!props.onDelete || undefined}
        onClick={() => props.onDelete?.()}
      >
        {STRINGS.delete}
      </button>
    </div>
  )
}

/** Duplicate, bring to front, send to back, and (for a facilitator) lock. */
function ArrangeButtons(props: SelectionBarProps) {
  return (
    <>
      <button
        type="button"
        title={STRINGS.duplicateHint}
        aria-keyshortcuts="Control+D"
        onClick={props.onDuplicate}
      >
        {STRINGS.duplicate}
      </button>
      <button type="button" title={STRINGS.frontHint} aria-keyshortcuts="]" onClick={props.onFront}>
        {STRINGS.front}
      </button>
      <button type="button" title={STRINGS.backHint} aria-keyshortcuts="[" onClick={props.onBack}>
        {STRINGS.back}
      </button>
      {props.lock && (
        <button
          type="button"
          title={props.lock.locked ? STRINGS.unlockHint : STRINGS.lockHint}
          onClick={props.lock.onToggle}
        >
          {props.lock.locked ? STRINGS.unlock : STRINGS.lock}
        </button>
      )}
    </>
  )
}

function NoteColours(props: { value: StickyColor | null; onPick: (color: StickyColor) => void }) {
  return (
    <span className="swatches" role="group" aria-label={STRINGS.noteColour}>
      {STICKY_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className="swatch"
          style={{ background: STICKY_FILL[c] }}
          aria-label={STRINGS.colour(c)}
          title={c}
          aria-pressed={props.value === c}
          onClick={() => props.onPick(c)}
        />
      ))}
    </span>
  )
}

function TextSizes(props: { value: TextSize | null; onPick: (size: TextSize) => void }) {
  return (
    <span className="option-set" role="group" aria-label={STRINGS.textSize}>
      {TEXT_SIZES.map((s) => (
        <button
          key={s}
          type="button"
          className="option-button"
          aria-pressed={props.value === s}
          onClick={() => props.onPick(s)}
        >
          {STRINGS.sizes[s]}
        </button>
      ))}
    </span>
  )
}

export interface FrameTitleProps {
  readonly value: string
  readonly onChange: (title: string) => void
  /** The field should take focus (a new frame, or Enter on a frame); it then reports it did. */
  readonly focusNow: boolean
  readonly onFocused: () => void
  readonly onDone: () => void
}

/** The selected frame's title; the person's draft is kept while they type, so echoes never move the caret. */
function FrameTitleField(props: FrameTitleProps) {
  const ref = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const { focusNow, onFocused } = props
  useEffect(() => {
    if (!focusNow) return
    ref.current?.focus()
    ref.current?.select()
    onFocused()
  }, [focusNow, onFocused])
  return (
    <input
      ref={ref}
      type="text"
      className="frame-title-field"
      aria-label={STRINGS.frameTitle}
      title={STRINGS.frameTitle}
      maxLength={200}
      value={draft ?? props.value}
      onChange={(e) => {
        setDraft(e.target.value)
        props.onChange(e.target.value)
      }}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') props.onDone()
      }}
    />
  )
}
