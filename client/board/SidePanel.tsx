import type { CanvasInfo } from '../../shared/schema/controlDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { Commitments } from '../panels/Commitments'
import { ListView } from '../panels/ListView'
import type { BoardModel } from '../state'
import type { BoardUi } from './useBoardUi'

export type PanelId = 'list' | 'commitments'

/** The panel beside the board (over it on narrow screens): the list view or the commitments. */
export function SidePanel(props: {
  panel: PanelId
  canvas: CanvasInfo
  objects: readonly BoardObject[]
  commitments: readonly string[]
  model: BoardModel
  ui: BoardUi
}) {
  const { model } = props
  return (
    <aside
      className="side-panel"
      id="side-panel"
      aria-label={props.panel === 'list' ? 'List view' : 'Commitments'}
    >
      {props.panel === 'list' ? (
        <ListView
          canvasName={props.canvas.name}
          objects={props.objects}
          readOnly={model.readOnly}
          // The list focuses the new note's field itself, so the canvas editor stays closed.
          onAdd={() => props.ui.addSticky(false)}
          onSetText={model.commands.setText}
          onDelete={(id) => model.commands.deleteObjects([id])}
        />
      ) : (
        <Commitments commitments={props.commitments} />
      )}
    </aside>
  )
}
