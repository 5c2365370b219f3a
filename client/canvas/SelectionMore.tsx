import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { useTranslation } from 'react-i18next'

/** Space kept between the panel and the button, and between the panel and the board's edges. */
const GAP = 6

export interface More {
  readonly open: boolean
  readonly setOpen: (open: boolean) => void
  readonly id: string
  readonly button: RefObject<HTMLButtonElement | null>
  readonly panel: RefObject<HTMLDivElement | null>
}

/** The state the More button and its panel share. */
export function useMore(): More {
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  return { open, setOpen, id, button, panel }
}

/** Closes the panel and gives the focus back to More (Escape in the panel or on the button). */
function onEscape(more: More, e: KeyboardEvent): void {
  if (e.key !== 'Escape' || !more.open) return
  e.stopPropagation() // the board's own Escape (letting go of the selection) is not meant
  more.setOpen(false)
  more.button.current?.focus()
}

/** The last button of the selection bar: opens the panel of less-used actions (see MorePanel). */
export function MoreButton({ more }: { more: More }) {
  const { t } = useTranslation('board')
  return (
    <button
      ref={more.button}
      type="button"
      className="selection-more-button"
      aria-expanded={more.open}
      aria-controls={more.open ? more.id : undefined}
      onClick={() => more.setOpen(!more.open)}
      onKeyDown={(e) => onEscape(more, e)}
    >
      {t('selection.more')}
    </button>
  )
}

/**
 * The actions on a selection that people reach for less often (duplicate, order, lock, language,
 * content note, quote, hide), in a panel under the selection bar (above it when the bar is at the
 * bottom, on a phone), as Miro's and FigJam's "…" does. With every action in the bar, a
 * facilitator's bar was 1,600 px long and Delete sat past the edge of a 1,280 px laptop's screen,
 * behind a sideways scroll. The panel follows the bar in the page, so Tab goes from More into it;
 * Escape, a click elsewhere or an action closes it (one that opens a dialog leaves it open under
 * the dialog, which it holds).
 */
export function MorePanel({ more, children }: { more: More; children: ReactNode }) {
  const { t } = useTranslation('board')
  const [place, setPlace] = useState<CSSProperties>({ visibility: 'hidden' })
  const { open, setOpen, button, panel } = more
  useLayoutEffect(() => {
    if (!open) return
    const b = button.current
    const p = panel.current
    const area = p?.offsetParent
    if (!b || !p || !area) return
    const at = b.getBoundingClientRect()
    // under (or over) the whole bar, lined up with the button's right end
    const row = (b.parentElement ?? b).getBoundingClientRect()
    const box = area.getBoundingClientRect()
    const w = p.offsetWidth
    const h = p.offsetHeight
    const left = Math.max(GAP, Math.min(at.right - box.left - w, box.width - w - GAP))
    const below = row.bottom - box.top + GAP
    const top = below + h <= box.height - GAP ? below : Math.max(GAP, row.top - box.top - GAP - h)
    setPlace({ left, top })
  }, [open, button, panel])
  useEffect(() => {
    if (!open) return
    const away = (e: PointerEvent): void => {
      const target = e.target as Node
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', away, true)
    return () => document.removeEventListener('pointerdown', away, true)
  }, [open, setOpen, button, panel])
  // an action done closes the panel; one that opens a dialog (aria-haspopup) leaves it to the dialog
  const acted = (e: MouseEvent): void => {
    const target = e.target as Element
    // a dialog opened from the panel is its own (its Save submits the form once this click is over)
    if (target.closest('dialog, [role="dialog"]')) return
    const pressed = target.closest('button')
    if (pressed && !pressed.hasAttribute('aria-haspopup')) {
      setOpen(false)
      button.current?.focus()
    }
  }
  if (!open) return null
  return (
    <div
      ref={panel}
      id={more.id}
      className="selection-more"
      role="group"
      aria-label={t('selection.moreGroup')}
      style={place}
      onClick={acted}
      onKeyDown={(e) => onEscape(more, e)}
    >
      {children}
    </div>
  )
}
