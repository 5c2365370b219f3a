import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import './export.css'

export type ExportFormat = 'png' | 'pdf' | 'md' | 'csv' | 'json' | 'cookbook'

const STRINGS = {
  button: 'Export',
  framesAsPages: 'Each frame as a page',
  items: {
    png: 'PNG',
    pdf: 'PDF',
    md: 'Markdown',
    csv: 'CSV',
    json: 'JSON',
    cookbook: 'Cook book',
  } satisfies Record<ExportFormat, string>,
  hints: {
    png: 'A picture of this canvas',
    pdf: 'A report of the session',
    md: 'The words, as a document',
    csv: 'A table for spreadsheets',
    json: 'Everything, to import again',
    cookbook: 'The recipes, ready to print',
  } satisfies Record<ExportFormat, string>,
}

export interface ExportMenuProps {
  /** Offer the cook book (recipe cards on this canvas, or a recipe wall). */
  readonly cookbook: boolean
  /** The "Each frame as a page" choice, when this canvas has frames. */
  readonly framesAsPages: { readonly checked: boolean; readonly onToggle: () => void } | null
  /** An export is running: the items wait. */
  readonly busy: boolean
  readonly onChoose: (format: ExportFormat) => void
}

/**
 * The Export button and its menu (the WAI-ARIA menu button pattern): arrow keys, Home and End move
 * between items, a letter jumps to the next item starting with it, Escape closes the menu and puts
 * focus back on the button.
 */
export function ExportMenu(props: ExportMenuProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonId = useId()
  const menuId = useId()
  const formats: ExportFormat[] = [
    'png',
    'pdf',
    'md',
    'csv',
    'json',
    ...(props.cookbook ? ['cookbook' as const] : []),
  ]

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])
  const focusAt = (index: number) => {
    const all = items()
    all[(index + all.length) % all.length]?.focus()
  }
  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    const all = menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')
    all?.[open === 'first' ? 0 : all.length - 1]?.focus()
    // a click anywhere else closes the menu (focus stays where the person put it)
    const outside = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLElement)
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(at + 1),
      ArrowUp: () => focusAt(at - 1),
      Home: () => focusAt(0),
      End: () => focusAt(-1),
      Escape: close,
      Tab: () => setOpen(false),
    }
    const action = keys[e.key]
    if (action) {
      if (e.key !== 'Tab') e.preventDefault()
      action()
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      const letter = e.key.toLocaleLowerCase()
      const order = [...all.slice(at + 1), ...all.slice(0, at + 1)]
      order.find((item) => item.textContent?.trim().toLocaleLowerCase().startsWith(letter))?.focus()
    }
  }

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(e.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  const choose = (format: ExportFormat) => {
    if (props.busy) return
    close()
    props.onChoose(format)
  }

  return (
    <div className="export-menu-wrap" ref={wrapRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open ? true : false}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => (o ? false : 'first'))}
        onKeyDown={onButtonKey}
      >
        {STRINGS.button}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="export-menu"
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKey}
        >
          {formats.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={props.busy || undefined}
              title={STRINGS.hints[format]}
              onClick={() => choose(format)}
            >
              {STRINGS.items[format]}
            </button>
          ))}
          {props.framesAsPages && (
            <>
              <div role="separator" className="export-menu-separator" />
              <button
                type="button"
                role="menuitemcheckbox"
                tabIndex={-1}
                aria-checked={props.framesAsPages.checked}
                onClick={props.framesAsPages.onToggle}
              >
                <span className="export-check" aria-hidden="true">
                  {props.framesAsPages.checked ? '✓' : ''}
                </span>
                {STRINGS.framesAsPages}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  )
}
