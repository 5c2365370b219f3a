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
import { useTranslation } from 'react-i18next'
import { NoteLangSelect } from '../panels/NoteLangSelect'
import { MoreButton, MorePanel, useMore } from './SelectionMore'
import { usePhoneLayout } from './phoneLayout'

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
  /** Bring to front and send to back; null when none of the selection may be changed. */
  readonly onFront: (() => void) | null
  readonly onBack: (() => void) | null
  /** Lock state of the selection for a facilitator, null for others. */
  readonly lock: { readonly locked: boolean; readonly onToggle: () => void } | null
  readonly anyLocked: boolean
  readonly onDelete: (() => void) | null
  /** The language tag of the selected notes, when only notes and text are selected. */
  readonly lang: { readonly value: string | null; readonly onPick: (lang: string) => void } | null
  /** More actions from outside the canvas for the bar itself (show a text, themes, reactions, votes). */
  readonly extra?: ReactNode
  /** Less-used actions from outside the canvas, for the More panel (content note, quote, hiding). */
  readonly more?: ReactNode
}

/**
 * Actions on the current selection, shown above the board while something is selected: what people
 * do most (colour, edit, react, vote, delete) in the bar, the rest behind More (see MorePanel). On
 * a phone the bar scrolls sideways: its actions come first, the colours after More.
 */
export function SelectionBar(props: SelectionBarProps) {
  const { t } = useTranslation('board')
  const more = useMore()
  // on a phone the actions come first, in what the screen shows, and the colours after them
  const phone = usePhoneLayout()
  return (
    <>
      <div className="selection-bar" role="group" aria-label={t('selection.group')}>
        <span className="selection-count">
          {t('selection.count', { count: props.count })}
          {props.anyLocked && <span className="locked-chip"> · {t('selection.locked')}</span>}
        </span>
        {!phone && <Styling {...props} />}
        {props.frameTitle && <FrameTitleField {...props.frameTitle} />}
        {props.onEdit && (
          <button
            type="button"
            title={t('selection.editHint', { label: props.editLabel })}
            aria-keyshortcuts="Enter"
            onClick={props.onEdit}
          >
            {props.editLabel}
          </button>
        )}
        {props.extra}
        <button
          type="button"
          className="danger"
          title={
            props.onDelete
              ? t('selection.deleteHint')
              : props.anyLocked
                ? t('selection.lockedHint')
                : t('selection.protectedHint')
          }
          aria-keyshortcuts="Delete"
          aria-disabled={!props.onDelete || undefined}
          onClick={() => props.onDelete?.()}
        >
          {t('selection.delete')}
        </button>
        <MoreButton more={more} />
        {phone && <Styling {...props} />}
      </div>
      <MorePanel more={more}>
        <ArrangeButtons {...props} />
        {props.more}
        {props.lang && <NoteLangSelect value={props.lang.value} onChange={props.lang.onPick} />}
      </MorePanel>
    </>
  )
}

/** Colours and text sizes of what is selected (those it can take). */
function Styling(props: SelectionBarProps) {
  const { t } = useTranslation('board')
  return (
    <>
      {props.canColor && <NoteColours value={props.color} onPick={props.onColor} />}
      {props.ink && (
        <Swatches
          label={t('selection.ink')}
          colors={INK_COLORS}
          value={props.ink.value}
          onPick={props.ink.onPick}
        />
      )}
      {props.fill && (
        <Swatches
          label={t('selection.fill')}
          colors={SHAPE_FILLS}
          value={props.fill.value}
          onPick={props.fill.onPick}
        />
      )}
      {props.textSize && <TextSizes {...props.textSize} />}
    </>
  )
}

/** Duplicate, bring to front, send to back, and (for a facilitator) lock. */
function ArrangeButtons(props: SelectionBarProps) {
  const { t } = useTranslation('board')
  return (
    <>
      <button
        type="button"
        title={t('selection.duplicateHint')}
        aria-keyshortcuts="Control+D"
        onClick={props.onDuplicate}
      >
        {t('selection.duplicate')}
      </button>
      {props.onFront && (
        <button type="button" title={t('selection.frontHint')} aria-keyshortcuts="]" onClick={props.onFront}>
          {t('selection.front')}
        </button>
      )}
      {props.onBack && (
        <button type="button" title={t('selection.backHint')} aria-keyshortcuts="[" onClick={props.onBack}>
          {t('selection.back')}
        </button>
      )}
      {props.lock && (
        <button
          type="button"
          title={props.lock.locked ? t('selection.unlockHint') : t('selection.lockHint')}
          onClick={props.lock.onToggle}
        >
          {props.lock.locked ? t('selection.unlock') : t('selection.lock')}
        </button>
      )}
    </>
  )
}

function NoteColours(props: { value: StickyColor | null; onPick: (color: StickyColor) => void }) {
  const { t } = useTranslation('board')
  return (
    <span className="swatches" role="group" aria-label={t('selection.noteColour')}>
      {STICKY_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className="swatch"
          style={{ background: STICKY_FILL[c] }}
          aria-label={t('selection.colour', { name: t(`selection.stickyColors.${c}`) })}
          title={t(`selection.stickyColors.${c}`)}
          aria-pressed={props.value === c}
          onClick={() => props.onPick(c)}
        />
      ))}
    </span>
  )
}

function TextSizes(props: { value: TextSize | null; onPick: (size: TextSize) => void }) {
  const { t } = useTranslation('board')
  return (
    <span className="option-set" role="group" aria-label={t('selection.textSize')}>
      {TEXT_SIZES.map((s) => (
        <button
          key={s}
          type="button"
          className="option-button"
          aria-pressed={props.value === s}
          onClick={() => props.onPick(s)}
        >
          {t(`selection.sizes.${s}`)}
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
  const { t } = useTranslation('board')
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
      aria-label={t('selection.frameTitle')}
      title={t('selection.frameTitle')}
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
