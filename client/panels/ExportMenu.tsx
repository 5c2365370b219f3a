import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import './export.css'
import { menuKey } from './menuKeys'
import { useTranslation } from 'react-i18next'

export type ExportFormat = 'png' | 'pdf' | 'md' | 'csv' | 'json' | 'cookbook'

export interface ExportMenuProps {
  /** Offer the cook book (recipe cards on this canvas, or a recipe wall). */
  readonly cookbook: boolean
  /** The "Each frame as a page" choice, when this canvas has frames. */
  readonly framesAsPages: { readonly checked: boolean; readonly onToggle: () => void } | null
  /** An export is running: the items wait. */
  readonly busy: boolean
  readonly onChoose: (format: ExportFormat) => void
}

const ITEMS = '[role^="menuitem"]'

/**
 * The Export button and its menu (the WAI-ARIA menu button pattern): arrow keys, Home and End move
 * between items, a letter jumps to the next item starting with it, Escape closes the menu and puts
 * focus back on the button.
 */
export function ExportMenu(props: ExportMenuProps) {
  const { t } = useTranslation('panels')
  const menu = useMenuButton()
  const choose = (format: ExportFormat) => {
    if (props.busy) return
    menu.close()
    props.onChoose(format)
  }
  return (
    <div className="export-menu-wrap" ref={menu.wrapRef}>
      <button
        ref={menu.buttonRef}
        id={menu.buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={menu.open ? true : false}
        aria-controls={menu.open ? menu.menuId : undefined}
        onClick={menu.toggle}
        onKeyDown={menu.onButtonKey}
      >
        {t('exportMenu.button')}
      </button>
      {menu.open && (
        <div
          ref={menu.menuRef}
          id={menu.menuId}
          className="export-menu"
          role="menu"
          aria-labelledby={menu.buttonId}
          onKeyDown={menu.onMenuKey}
        >
          <MenuItems {...props} onChoose={choose} />
        </div>
      )}
    </div>
  )
}

/** Opening, closing and the keyboard of a menu button; focus goes to an item on opening. */
function useMenuButton() {
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
  return { open, close, toggle, onMenuKey, onButtonKey, buttonRef, menuRef, wrapRef, buttonId, menuId }
}

/** The formats, then (when the canvas has frames) the "Each frame as a page" choice. */
function MenuItems(props: ExportMenuProps) {
  const { t } = useTranslation('panels')
  const formats: ExportFormat[] = ['png', 'pdf', 'md', 'csv', 'json']
  if (props.cookbook) formats.push('cookbook')
  return (
    <>
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={props.busy || undefined}
          title={t(`exportMenu.hints.${format}`)}
          onClick={() => props.onChoose(format)}
        >
          {t(`exportMenu.items.${format}`)}
        </button>
      ))}
      {props.framesAsPages && (
        <>
          <div role="separator" className="export-menu-separator" />
          <button
            type="button"
            role="menuitemcheckbox"
            tabIndex={-1}
            data-label={t('exportMenu.framesAsPages')}
            aria-checked={props.framesAsPages.checked}
            onClick={props.framesAsPages.onToggle}
          >
            <span className="export-check" aria-hidden="true">
              {props.framesAsPages.checked ? '✓' : ''}
            </span>
            {t('exportMenu.framesAsPages')}
          </button>
        </>
      )}
    </>
  )
}
