import { memo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { ToolIcon } from './icons'
import { TOOLS, type ToolDef, type ToolId } from './tools'
import { useTranslation } from 'react-i18next'
import { i18n } from '../../i18n'

export interface ToolbarProps {
  readonly activeTool: ToolId
  readonly onTool: (tool: ToolId) => void
  readonly readOnly: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly onUndo: () => void
  readonly onRedo: () => void
}

const NEXT_KEYS = new Set(['ArrowDown', 'ArrowRight'])
const PREV_KEYS = new Set(['ArrowUp', 'ArrowLeft'])

/**
 * The "Tools" toolbar. One tab stop, arrow keys move between buttons (the ARIA toolbar pattern).
 * Unavailable buttons stay focusable with aria-disabled, so their tooltip still explains why.
 */
export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const { t } = useTranslation('board')
  const ref = useRef<HTMLDivElement>(null)
  const [focusIndex, setFocusIndex] = useState(0)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = NEXT_KEYS.has(e.key) ? 1 : PREV_KEYS.has(e.key) ? -1 : 0
    if (step === 0 && e.key !== 'Home' && e.key !== 'End') return
    e.preventDefault()
    const buttons = [...(ref.current?.querySelectorAll('button') ?? [])]
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? buttons.length - 1
          : (current + step + buttons.length) % buttons.length
    setFocusIndex(next)
    buttons[next]?.focus()
  }
  let index = 0
  const slot = () => {
    const mine = index++
    return { tabIndex: mine === focusIndex ? 0 : -1, onFocus: () => setFocusIndex(mine) }
  }
  const history = props.readOnly ? t('tools.viewOnly') : undefined
  return (
    <div ref={ref} className="toolbar" role="toolbar" aria-label={t('tools.group')} onKeyDown={onKeyDown}>
      {TOOLS.map((tool) => (
        <ToolButton
          key={tool.id}
          {...slot()}
          {...toolButtonState(tool, props)}
          onClick={() => props.onTool(tool.id)}
        >
          <ToolIcon name={tool.id} />
        </ToolButton>
      ))}
      <span className="toolbar-divider" aria-hidden="true" />
      <ToolButton
        {...slot()}
        label={t('tools.undo')}
        title={history ?? t('tools.undoHint')}
        shortcut="Control+Z"
        disabled={props.readOnly || !props.canUndo}
        onClick={props.onUndo}
      >
        <ToolIcon name="undo" />
      </ToolButton>
      <ToolButton
        {...slot()}
        label={t('tools.redo')}
        title={history ?? t('tools.redoHint')}
        shortcut="Control+Shift+Z"
        disabled={props.readOnly || !props.canRedo}
        onClick={props.onRedo}
      >
        <ToolIcon name="redo" />
      </ToolButton>
    </div>
  )
})

function toolButtonState(tool: ToolDef, props: ToolbarProps) {
  const blocked = tool.writes && props.readOnly
  const t = i18n.t
  const label = t(`board:tools.labels.${tool.id}`)
  const hint = t(`board:tools.hints.${tool.id}`)
  return {
    label,
    title: blocked
      ? t('board:tools.viewOnly')
      : t('board:tools.title', { label, hint, key: tool.key.toUpperCase() }),
    shortcut: tool.key.toUpperCase(),
    disabled: blocked,
    // Every tool shows whether it is on: modes, and placing tools while armed for the next click.
    pressed: props.activeTool === tool.id,
  }
}

interface ToolButtonProps {
  readonly label: string
  readonly title: string
  readonly shortcut: string
  readonly disabled: boolean
  readonly pressed?: boolean
  readonly tabIndex: number
  readonly onFocus: () => void
  readonly onClick: () => void
  readonly children: ReactNode
}

function ToolButton(props: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={props.label}
      title={props.title}
      aria-keyshortcuts={props.shortcut}
      aria-disabled={props.disabled || undefined}
      aria-pressed={props.pressed}
      tabIndex={props.tabIndex}
      onFocus={props.onFocus}
      onClick={() => {
        if (!props.disabled) props.onClick()
      }}
    >
      {props.children}
      <span className="tool-label" aria-hidden="true">
        {props.label}
      </span>
    </button>
  )
}
