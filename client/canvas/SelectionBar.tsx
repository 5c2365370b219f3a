import { STICKY_COLORS, type StickyColor } from '../../shared/schema/kinds'
import { STICKY_FILL } from '../theme'

export interface SelectionBarProps {
  readonly count: number
  /** The colour all selected notes share, if they do. */
  readonly color: StickyColor | null
  readonly canColor: boolean
  readonly onColor: (color: StickyColor) => void
  readonly onEdit: (() => void) | null
  readonly onDelete: () => void
}

/** Actions on the current selection, shown above the board while something is selected. */
export function SelectionBar(props: SelectionBarProps) {
  return (
    <div className="selection-bar" role="group" aria-label="Selection">
      <span className="selection-count">{props.count === 1 ? '1 selected' : `${props.count} selected`}</span>
      {props.canColor && (
        <span className="swatches" role="group" aria-label="Note colour">
          {STICKY_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch"
              style={{ background: STICKY_FILL[c] }}
              aria-label={`Colour ${c}`}
              title={c}
              aria-pressed={props.color === c}
              onClick={() => props.onColor(c)}
            />
          ))}
        </span>
      )}
      {props.onEdit && (
        <button type="button" title="Edit text (Enter)" aria-keyshortcuts="Enter" onClick={props.onEdit}>
          Edit
        </button>
      )}
      <button
        type="button"
        className="danger"
        title="Delete selected (Delete)"
        aria-keyshortcuts="Delete"
        onClick={props.onDelete}
      >
        Delete
      </button>
    </div>
  )
}
