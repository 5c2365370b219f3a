import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * The frame of a card's panel beside the board (recipe, story): a labelled region with its heading
 * and Close button, whose fields start afresh for each card. Opening it (or another card in it) puts
 * the keyboard on the field given `firstField`; Escape closes it, except inside a rich-text editor
 * (where Escape belongs to the editor).
 */
export function CardPanel(props: {
  className: string
  heading: string
  close: string
  closeTitle: string
  cardId: string
  onClose: () => void
  children: (firstField: (el: HTMLInputElement | null) => void) => ReactNode
}) {
  const { cardId, onClose } = props
  const headingId = useId()
  const first = useRef<HTMLInputElement | null>(null)
  useEffect(() => first.current?.focus(), [cardId])
  return (
    <aside className={props.className} aria-labelledby={headingId}>
      <div className="recipe-panel-head">
        <h2 id={headingId}>{props.heading}</h2>
        <button type="button" onClick={onClose} title={props.closeTitle}>
          {props.close}
        </button>
      </div>
      <div
        key={cardId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !(e.target instanceof HTMLElement && e.target.isContentEditable))
            onClose()
        }}
      >
        {props.children((el) => (first.current = el))}
      </div>
    </aside>
  )
}
