import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { menuKey } from './menuKeys'

/** A menu's items (plain, checkbox and radio items alike). */
const ITEMS = '[role^="menuitem"]'

/**
 * Opening, closing and the keyboard of a menu button (the WAI-ARIA pattern); focus goes to an item
 * on opening. `close` puts focus back on the button; `dismiss` only closes (a choice moved it on).
 */
export function useMenuButton() {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonId = useId()
  const menuId = useId()
  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    const all = menuRef.current?.querySelectorAll<HTMLElement>(ITEMS)
    all?.[open === 'first' ? 0 : all.length - 1]?.focus()
    // a click anywhere else closes the menu (focus stays where the person put it)
    const outside = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = Array.from(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])
    const at = all.indexOf(document.activeElement as HTMLElement)
    // data-label: the text without the check mark, for jumping to an item by its first letter
    const result = menuKey(
      e.key,
      at,
      all.map((item) => item.dataset.label ?? item.textContent ?? ''),
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
  const toggle = () => setOpen((o) => (o ? false : 'first'))
  const dismiss = () => setOpen(false)
  return {
    open,
    /** Spread on the menu button (its text and label are the caller's). */
    buttonProps: {
      ref: buttonRef,
      id: buttonId,
      type: 'button' as const,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open ? true : false,
      'aria-controls': open ? menuId : undefined,
      onClick: toggle,
      onKeyDown: onButtonKey,
    },
    /** Spread on the open menu's element (its class and items are the caller's). */
    menuProps: {
      ref: menuRef,
      id: menuId,
      role: 'menu' as const,
      'aria-labelledby': buttonId,
      onKeyDown: onMenuKey,
    },
    close,
    dismiss,
    wrapRef,
  }
}
