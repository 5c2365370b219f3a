import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { menuKey } from './menuKeys'

/**
 * The canvases whose tabs do not fit the row, behind a "More canvases" menu button (the WAI-ARIA
 * menu button pattern: Enter, Space or the arrows open it on an item; arrows, Home, End and a first
 * letter move; Escape closes it and puts focus back on the button).
 */
export function MoreCanvases(props: {
  canvases: readonly { readonly id: string; readonly name: string }[]
  onSelect: (id: string) => void
}) {
  const { t } = useTranslation(['panels', 'common'])
  const [open, setOpen] = useState<false | 'first' | 'last'>(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonId = useId()
  const menuId = useId()
  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

  useEffect(() => {
    if (!open) return
    const all = items()
    all[open === 'first' ? 0 : all.length - 1]?.focus()
    // a click anywhere else closes the menu (focus stays where the person put it)
    const outside = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = items()
    const result = menuKey(
      e.key,
      all.indexOf(document.activeElement as HTMLElement),
      all.map((item) => item.textContent ?? ''),
    )
    // a letter that matches no item still belongs to the menu, not to the board's shortcuts
    if (result === null) return void (e.key.length === 1 && e.key !== ' ' && e.preventDefault())
    if (result === 'leave') return setOpen(false)
    e.preventDefault()
    if (result === 'close') close()
    else all[result]?.focus()
  }
  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    setOpen(e.key === 'ArrowDown' ? 'first' : 'last')
  }
  return (
    <div className="more-canvases" ref={wrapRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open ? true : false}
        aria-controls={open ? menuId : undefined}
        aria-label={t('canvases.more')}
        title={t('canvases.moreHint', { count: props.canvases.length })}
        onClick={() => setOpen((o) => (o ? false : 'first'))}
        onKeyDown={onButtonKey}
      >
        {t('canvases.moreShort')} <span className="more-count">{props.canvases.length}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="canvas-menu more-canvases-menu"
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKey}
        >
          {props.canvases.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false)
                props.onSelect(c.id)
              }}
            >
              {c.name || t('common:untitled')}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
