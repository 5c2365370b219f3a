import type { CanvasInfo } from '../../shared/schema/controlDoc'
import { CanvasTabs } from '../panels/CanvasTabs'
import { ConnectionStatus, type LinkState } from '../panels/ConnectionStatus'
import { PresenceList, type PresentPerson } from '../panels/PresenceList'

export interface BoardHeaderProps {
  readonly title: string
  readonly canvases: readonly CanvasInfo[]
  readonly current: string
  readonly onCanvas: (id: string) => void
  readonly people: readonly PresentPerson[]
  readonly link: { readonly state: LinkState; readonly pending: number }
  readonly listOpen: boolean
  readonly onToggleList: () => void
  readonly commitmentsOpen: boolean
  readonly onToggleCommitments: () => void
}

/** The bar above the board: session title, canvas tabs, who is here, the link status and panels. */
export function BoardHeader(props: BoardHeaderProps) {
  return (
    <header className="board-header">
      <h1 className="board-title" title={props.title}>
        {props.title || 'Untitled session'}
      </h1>
      <CanvasTabs canvases={props.canvases} current={props.current} onSelect={props.onCanvas} />
      <div className="board-header-end">
        <PresenceList people={props.people} />
        <ConnectionStatus state={props.link.state} pending={props.link.pending} />
        <button
          type="button"
          aria-pressed={props.commitmentsOpen}
          aria-controls={props.commitmentsOpen ? 'side-panel' : undefined}
          onClick={props.onToggleCommitments}
        >
          Commitments
        </button>
        <button
          type="button"
          aria-pressed={props.listOpen}
          aria-controls={props.listOpen ? 'side-panel' : undefined}
          onClick={props.onToggleList}
        >
          List view
        </button>
      </div>
    </header>
  )
}
