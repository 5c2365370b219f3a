import type { ReactNode } from 'react'
import { INK_COLORS, SHAPES, STROKE_WIDTHS } from '../../../shared/schema/kinds'
import { colorName, shapeName, widthName } from './toolStrings'
import { SHAPE_FILLS, type ToolId, type ToolOptions } from './tools'
import { useTranslation } from 'react-i18next'

export interface ToolOptionsProps {
  readonly tool: ToolId
  readonly options: ToolOptions
  readonly onChange: (change: Partial<ToolOptions>) => void
  readonly onAddShape: () => void
  readonly onAddFrame: () => void
}

/** A small bar of the active tool's settings: ink and width for Pen, type and colours for Shape. */
export function ToolOptionsBar(props: ToolOptionsProps) {
  const { t } = useTranslation('board')
  const { tool, options: o, onChange } = props
  if (tool !== 'select' && tool !== 'pen' && tool !== 'shape' && tool !== 'frame') return null
  const name = t(`tools.labels.${tool}`)
  const dragHint = tool === 'select' ? '' : t(`options.dragHint.${tool}`)
  return (
    <div className="tool-options" role="group" aria-label={t('options.group', { tool: name })}>
      {tool === 'select' && (
        <label className="tool-options-check" title={t('options.snapHint')}>
          <input type="checkbox" checked={o.snap} onChange={(e) => onChange({ snap: e.target.checked })} />
          {t('options.snap')}
        </label>
      )}
      {tool === 'pen' && <PenOptions {...props} />}
      {tool === 'shape' && <ShapeOptions {...props} />}
      {tool === 'frame' && (
        <OptionButton title={t('options.addFrameHint')} onClick={props.onAddFrame}>
          {t('options.addFrame')}
        </OptionButton>
      )}
      {dragHint && !o.eraser && <span className="option-hint">{dragHint}</span>}
    </div>
  )
}

function OptionButton(props: {
  title: string
  pressed?: boolean
  shortcut?: string
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="option-button"
      title={props.title}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  )
}

function PenOptions({ options: o, onChange }: ToolOptionsProps) {
  const { t } = useTranslation('board')
  return (
    <>
      <Swatches
        label={t('options.ink')}
        colors={INK_COLORS}
        value={o.eraser ? null : o.ink}
        onPick={(ink) => onChange({ ink, eraser: false })}
      />
      <span className="option-set" role="group" aria-label={t('options.width')}>
        {STROKE_WIDTHS.map((w) => (
          <OptionButton
            key={w}
            pressed={!o.eraser && o.width === w}
            title={t('options.widthTitle', { name: widthName(w) })}
            onClick={() => onChange({ width: w, eraser: false })}
          >
            <span className="width-dot" style={{ width: w + 2, height: w + 2 }} aria-hidden="true" />
            <span className="option-text">{widthName(w)}</span>
          </OptionButton>
        ))}
      </span>
      <OptionButton
        pressed={o.eraser}
        shortcut="E"
        title={t('options.eraserHint')}
        onClick={() => onChange({ eraser: !o.eraser })}
      >
        {t('options.eraser')}
      </OptionButton>
    </>
  )
}

function ShapeOptions({ options: o, onChange, onAddShape }: ToolOptionsProps) {
  const { t } = useTranslation('board')
  return (
    <>
      <span className="option-set" role="group" aria-label={t('options.shapeType')}>
        {SHAPES.map((s) => (
          <OptionButton
            key={s}
            pressed={o.shape === s}
            title={shapeName(s)}
            onClick={() => onChange({ shape: s })}
          >
            {shapeName(s)}
          </OptionButton>
        ))}
      </span>
      <Swatches
        label={t('options.outline')}
        colors={INK_COLORS}
        value={o.shapeStroke}
        onPick={(c) => onChange({ shapeStroke: c })}
      />
      {(o.shape === 'rect' || o.shape === 'ellipse') && (
        <Swatches
          label={t('options.fill')}
          colors={SHAPE_FILLS}
          value={o.shapeFill}
          onPick={(c) => onChange({ shapeFill: c })}
        />
      )}
      <OptionButton title={t('options.addShapeHint')} onClick={onAddShape}>
        {t('options.addShape')}
      </OptionButton>
    </>
  )
}

/** Colour choices as toggle buttons named by colour (never by colour alone). */
export function Swatches(props: {
  label: string
  colors: readonly string[]
  value: string | null
  onPick: (color: string) => void
}) {
  const { t } = useTranslation('board')
  return (
    <span className="swatches" role="group" aria-label={props.label}>
      {props.colors.map((c) => (
        <button
          key={c}
          type="button"
          className={c === 'transparent' ? 'swatch swatch-none' : 'swatch'}
          style={c === 'transparent' ? undefined : { background: c }}
          aria-label={t('options.colorLabel', { label: props.label, color: colorName(c) })}
          title={colorName(c)}
          aria-pressed={props.value === c}
          onClick={() => props.onPick(c)}
        />
      ))}
    </span>
  )
}
