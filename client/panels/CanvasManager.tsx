import { useId, useRef, type KeyboardEvent } from 'react'
import { DeleteCanvasDialog } from './DeleteCanvasDialog'
import { RenameCanvasForm } from './RenameCanvasForm'
import { useCanvasManager, useCloseOnOutsidePointer, type CanvasActions, type Tab } from './useCanvasManager'

export type { CanvasActions } from './useCanvasManager'

const STRINGS = {
  add: 'Add canvas',
  options: 'Canvas options',
  menu: (name: string) => `Canvas “${name}”`,
  rename: 'Rename canvas',
  left: 'Move canvas left',
  right: 'Move canvas right',
  delete: 'Delete canvas',
  first: 'Already the first canvas',
  last: 'Already the last canvas',
  only: 'The only canvas cannot be deleted',
}

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
        aria-label={STRINGS.add}
        title={STRINGS.add}
        onClick={m.add}
      >
        <span aria-hidden="true">+</span>
      </button>
      <button
        ref={optionsRef}
        type="button"
        className="icon-button"
        aria-label={STRINGS.options}
        title={STRINGS.options}
        aria-expanded={m.open}
        aria-controls={m.open ? menuId : undefined}
        onClick={m.toggle}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {m.open && (
        <div className="canvas-menu" id={menuId} role="group" aria-label={STRINGS.menu(current.name)}>
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
                {STRINGS.rename}
              </button>
              <MenuButton
                label={STRINGS.left}
                blocked={m.atStart && STRINGS.first}
                onClick={() => m.move(-1)}
              />
              <MenuButton label={STRINGS.right} blocked={m.atEnd && STRINGS.last} onClick={() => m.move(1)} />
              <MenuButton
                label={STRINGS.delete}
                danger
                blocked={m.onlyOne && STRINGS.only}
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
