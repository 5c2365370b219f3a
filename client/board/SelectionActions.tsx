import type { BoardObject } from '../../shared/schema/kinds'
import { SelectionBar } from '../canvas/SelectionBar'
import type { BoardCommands } from '../state'
import type { BoardUi } from './useBoardUi'

/** The selection bar, fed with what the selected objects have in common. */
export function SelectionActions({
  objects,
  ui,
  commands,
}: {
  objects: readonly BoardObject[]
  ui: BoardUi
  commands: BoardCommands
}) {
  if (ui.selection.size === 0) return null
  const selected = objects.filter((o) => ui.selection.has(o.id))
  const stickies = selected.flatMap((o) => (o.kind === 'sticky' ? [o] : []))
  const first = stickies[0]?.props.color
  const shared = first && stickies.every((s) => s.props.color === first) ? first : null
  const only = selected.length === 1 ? selected[0] : undefined
  return (
    <SelectionBar
      count={ui.selection.size}
      color={shared}
      canColor={stickies.length > 0}
      onColor={(color) => stickies.forEach((s) => commands.setStickyColor(s.id, color))}
      onEdit={only && !ui.editing ? () => ui.edit(only.id) : null}
      onDelete={ui.deleteSelected}
    />
  )
}
