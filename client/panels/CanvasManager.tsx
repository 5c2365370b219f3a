import { useId, useRef, type KeyboardEvent } from 'react'
import { DeleteCanvasDialog } from './DeleteCanvasDialog'
import { RenameCanvasForm } from './RenameCanvasForm'
import { useCanvasManager, useCloseOnOutsidePointer, type CanvasActions, type Tab } from './useCanvasManager'
import { useTranslation } from 'react-i18next'

export type { CanvasActions } from './useCanvasManager'

/**
 * The facilitator's canvas controls beside the tabs: "Add canvas", and a "Canvas options"
 * disclosure for the open canvas (rename, move left or right, delete with a confirmation).
 */
export function CanvasManager(props: {
  canvases: readonly Tab[]
  current: Tab
  objectCount: number
  actions: CanvasActions
  onSelect: (id: string) => void
}) {
  const { t } = useTranslation('panels')
  const { current } = props
  const menuId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const optionsRef = useRef<HTMLButtonElement>(null)
  const m = useCanvasManager({ ...props, optionsRef })
  useCloseOnOutsidePointer(rootRef, m.open, () => m.close(false))
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !m.open || m.confirming) return
    e.preventDefault()
    e.stopPropagation()
    m.close(true)
  }

  return (
    <div className="canvas-manager" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="icon-button"
        aria-label={t('canvases.add')}
        title={t('canvases.add')}
        onClick={m.add}
      >
        <span aria-hidden="true">+</span>
      </button>
      <button
        ref={optionsRef}
        type="button"
        className="icon-button"
        aria-label={t('canvases.options')}
        title={t('canvases.options')}
        aria-expanded={m.open}
        aria-controls={m.open ? menuId : undefined}
        onClick={m.toggle}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {m.open && (
        <div
          className="canvas-menu"
          id={menuId}
          role="group"
          aria-label={t('canvases.menu', { name: current.name })}
        >
          {m.renaming ? (
            <RenameCanvasForm
              key={current.id}
              name={current.name}
              onSave={m.rename}
              onCancel={() => m.close(true)}
            />
          ) : (
            <>
              <button type="button" onClick={m.startRename}>
                {t('canvases.rename')}
              </button>
              <MenuButton
                label={t('canvases.left')}
                blocked={m.atStart && t('canvases.first')}
                onClick={() => m.move(-1)}
              />
              <MenuButton
                label={t('canvases.right')}
                blocked={m.atEnd && t('canvases.last')}
                onClick={() => m.move(1)}
              />
              <MenuButton
                label={t('canvases.delete')}
                danger
                blocked={m.onlyOne && t('canvases.only')}
                onClick={() => m.askDelete(true)}
              />
            </>
          )}
        </div>
      )}
      {m.confirming && (
        <DeleteCanvasDialog
          name={current.name}
          objectCount={props.objectCount}
          onConfirm={m.remove}
          onCancel={() => m.askDelete(false)}
        />
      )}
      <p className="visually-hidden" aria-live="polite">
        {m.message}
      </p>
    </div>
  )
}

/** A menu action that stays focusable when unavailable, its tooltip saying why. */
function MenuButton(props: {
  label: string
  blocked: string | false
  danger?: boolean
  onClick: () => void
}) {
  return (
    <button
      type="button"
      className={props.danger ? 'danger' : undefined}
      aria-disabled={props.blocked ? true : undefined}
      title={props.blocked || undefined}
      onClick={() => {
        if (!props.blocked) props.onClick()
      }}
    >
      {props.label}
    </button>
  )
}
