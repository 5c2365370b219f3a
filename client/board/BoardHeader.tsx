import type { ReactNode } from 'react'
import type { PendingThings } from '../../shared/schema/changes'
import { ContrastToggle } from '../a11y/ContrastToggle'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import type { CanvasActions } from '../panels/CanvasManager'
import { CanvasTabs } from '../panels/CanvasTabs'
import { ConnectionStatus, type LinkState } from '../panels/ConnectionStatus'
import { PresenceList, type PresentPerson } from '../panels/PresenceList'
import { useTranslation } from 'react-i18next'
import { LanguageSelect } from '../i18n/LanguageSelect'

export interface BoardHeaderProps {
  readonly title: string
  readonly canvases: readonly CanvasInfo[]
  readonly current: string
  readonly onCanvas: (id: string) => void
  /** A facilitator's canvas controls (absent for everyone else). */
  readonly manageCanvases?: { readonly actions: CanvasActions; readonly objectCount: number }
  readonly people: readonly PresentPerson[]
  readonly link: { readonly state: LinkState; readonly pending: PendingThings }
  readonly listOpen: boolean
  readonly onToggleList: () => void
  readonly commitmentsOpen: boolean
  readonly onToggleCommitments: () => void
  readonly peopleOpen: boolean
  readonly onTogglePeople: () => void
  /** The Export menu (facilitators only; absent for everyone else). */
  readonly exportControl?: ReactNode
  /** Toggles of the facilitation panels (Agenda, Results). */
  readonly facilitationButtons?: ReactNode
}

/** The bar above the board: session title, canvas tabs, who is here, the link status and panels. */
export function BoardHeader(props: BoardHeaderProps) {
  const { t } = useTranslation(['board', 'common'])
  return (
    <header className="board-header">
      <h1 className="board-title" title={props.title}>
        {props.title || t('common:untitledSession')}
      </h1>
      <CanvasTabs
        canvases={props.canvases}
        current={props.current}
        onSelect={props.onCanvas}
        manage={props.manageCanvases}
      />
      <div className="board-header-end">
        <PresenceList people={props.people} />
        <button
          type="button"
          aria-pressed={props.peopleOpen}
          aria-controls={props.peopleOpen ? 'side-panel' : undefined}
          onClick={props.onTogglePeople}
        >
          {t('header.people')}
        </button>
        <ConnectionStatus state={props.link.state} pending={props.link.pending} />
        {props.facilitationButtons}
        <button
          type="button"
          aria-pressed={props.commitmentsOpen}
          aria-controls={props.commitmentsOpen ? 'side-panel' : undefined}
          onClick={props.onToggleCommitments}
        >
          {t('header.commitments')}
        </button>
        <button
          type="button"
          aria-pressed={props.listOpen}
          aria-controls={props.listOpen ? 'side-panel' : undefined}
          onClick={props.onToggleList}
        >
          {t('header.list')}
        </button>
        {props.exportControl}
        <LanguageSelect className="board-language" />
        <ContrastToggle />
      </div>
    </header>
  )
}
