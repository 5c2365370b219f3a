import type { ReactNode } from 'react'
import { INK_COLORS, SHAPES, STROKE_WIDTHS } from '../../../shared/schema/kinds'
import { colorName, SHAPE_NAMES, WIDTH_NAMES } from './toolStrings'
import { SHAPE_FILLS, type ToolId, type ToolOptions } from './tools'

const STRINGS = {
  group: (tool: string) => `${tool} options`,
  names: { select: 'Select', pen: 'Pen', shape: 'Shape', frame: 'Frame' } as Record<string, string>,
  snap: 'Snap to objects',
  snapHint: 'While dragging, line edges up with other objects',
  ink: 'Ink colour',
  width: 'Line width',
  eraser: 'Eraser',
  eraserHint: 'Eraser: drag across strokes to remove them (E)',
  shapeType: 'Shape type',
  outline: 'Outline colour',
  fill: 'Fill',
  addShape: 'Add shape',
  addShapeHint: 'Add this shape in the middle of the view (or drag on the board)',
  addFrame: 'Add frame',
  addFrameHint: 'Add a frame in the middle of the view (or drag on the board)',
  dragHint: {
    pen: 'Draw on the board',
    shape: 'Drag on the board to draw',
    frame: 'Drag on the board to draw a frame',
  } as Record<string, string>,
}

export interface ToolOptionsProps {
  readonly tool: ToolId
  readonly options: ToolOptions
  readonly onChange: (change: Partial<ToolOptions>) => void
  readonly onAddShape: () => void
  readonly onAddFrame: () => void
}

/** A small bar of the active tool's settings: ink and width for Pen, type and colours for Shape. */
export function ToolOptionsBar(props: ToolOptionsProps) {
  const { tool, options: o, onChange } = props
  const name = STRINGS.names[tool]
  if (!name) return null
  return (
    <div className="tool-options" role="group" aria-label={STRINGS.group(name)}>
      {tool === 'select' && (
        <label className="tool-options-check" title={STRINGS.snapHint}>
          <input type="checkbox" checked={o.snap} onChange={(e) => onChange({ snap: e.target.checked })} />
          {STRINGS.snap}
        </label>
      )}
      {tool === 'pen' && <PenOptions {...props} />}
      {tool === 'shape' && <ShapeOptions {...props} />}
      {tool === 'frame' && (
        <OptionButton title={STRINGS.addFrameHint} onClick={props.onAddFrame}>
          {STRINGS.addFrame}
        </OptionButton>
      )}
      {STRINGS.dragHint[tool] && !o.eraser && <span className="option-hint">{STRINGS.dragHint[tool]}</span>}
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
  return (
    <>
      <Swatches
        label={STRINGS.ink}
        colors={INK_COLORS}
        value={o.eraser ? null : o.ink}
        onPick={(ink) => onChange({ ink, eraser: false })}
      />
      <span className="option-set" role="group" aria-label={STRINGS.width}>
        {STROKE_WIDTHS.map((w) => (
          <OptionButton
            key={w}
            pressed={!o.eraser && o.width === w}
            title={`${STRINGS.width}: ${WIDTH_NAMES[w] ?? w}`}
            onClick={() => onChange({ width: w, eraser: false })}
          >
            <span className="width-dot" style={{ width: w + 2, height: w + 2 }} aria-hidden="true" />
            <span className="option-text">{WIDTH_NAMES[w] ?? w}</span>
          </OptionButton>
        ))}
      </span>
      <OptionButton
        pressed={o.eraser}
        shortcut="E"
        title={STRINGS.eraserHint}
        onClick={() => onChange({ eraser: !o.eraser })}
      >
        {STRINGS.eraser}
      </OptionButton>
    </>
  )
}

function ShapeOptions({ options: o, onChange, onAddShape }: ToolOptionsProps) {
  return (
    <>
      <span className="option-set" role="group" aria-label={STRINGS.shapeType}>
        {SHAPES.map((s) => (
          <OptionButton
            key={s}
            pressed={o.shape === s}
            title={SHAPE_NAMES[s]}
            onClick={() => onChange({ shape: s })}
          >
            {SHAPE_NAMES[s]}
          </OptionButton>
        ))}
      </span>
      <Swatches
        label={STRINGS.outline}
        colors={INK_COLORS}
        value={o.shapeStroke}
        onPick={(c) => onChange({ shapeStroke: c })}
      />
      {(o.shape === 'rect' || o.shape === 'ellipse') && (
        <Swatches
          label={STRINGS.fill}
          colors={SHAPE_FILLS}
          value={o.shapeFill}
          onPick={(c) => onChange({ shapeFill: c })}
        />
      )}
      <OptionButton title={STRINGS.addShapeHint} onClick={onAddShape}>
        {STRINGS.addShape}
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
  return (
    <span className="swatches" role="group" aria-label={props.label}>
      {props.colors.map((c) => (
        <button
          key={c}
          type="button"
          className={c === 'transparent' ? 'swatch swatch-none' : 'swatch'}
          style={c === 'transparent' ? undefined : { background: c }}
          aria-label={`${props.label}: ${colorName(c)}`}
          title={colorName(c)}
          aria-pressed={props.value === c}
          onClick={() => props.onPick(c)}
        />
      ))}
    </span>
  )
}
