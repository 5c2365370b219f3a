import { useId, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
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
  /** How many wait to be admitted (facilitators): a badge on People. */
  readonly waitingCount?: number
  /** The Export menu (facilitators only; absent for everyone else). */
  readonly exportControl?: ReactNode
  /** Toggles of the facilitation panels (Agenda, Results). */
  readonly facilitationButtons?: ReactNode
  /** On a phone the panel buttons (and the facilitator's bar) fold into a menu: whether it is open. */
  readonly menu: { readonly open: boolean; readonly onToggle: (open: boolean) => void }
}

/** Pressing one of the menu's buttons is the end of a visit to it (buttons that open more keep it). */
export function closeMenuAfterPress(e: MouseEvent<HTMLElement>, menu: BoardHeaderProps['menu']): void {
  const pressed = (e.target as HTMLElement).closest('button')
  if (!menu.open || !pressed) return
  if (!pressed.hasAttribute('aria-haspopup') && !pressed.hasAttribute('aria-expanded')) menu.onToggle(false)
}

/** The id of what the Menu button shows and hides. */
export const BOARD_MENU_ID = 'board-menu'

/**
 * The bar above the board: session title, canvas tabs, who is here, the link status and panels.
 * On a phone only the title, the tabs, presence and the status stay; the rest is behind **Menu**.
 */
export function BoardHeader(props: BoardHeaderProps) {
  const { t } = useTranslation(['board', 'common', 'panels'])
  const { menu } = props
  const menuButton = useRef<HTMLButtonElement>(null)
  const waitingId = useId()
  const waiting = props.waitingCount ?? 0
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || !menu.open) return
    e.stopPropagation()
    menu.onToggle(false)
    menuButton.current?.focus()
  }
  const closeAfterPress = (e: MouseEvent<HTMLElement>) => closeMenuAfterPress(e, menu)
  return (
    <header className="board-header" onKeyDown={onKeyDown}>
      <h1 className="board-title" title={props.title}>
        {props.title || t('common:untitledSession')}
      </h1>
      <CanvasTabs
        canvases={props.canvases}
        current={props.current}
        onSelect={props.onCanvas}
        manage={props.manageCanvases}
      />
      <PresenceList people={props.people} />
      <ConnectionStatus state={props.link.state} pending={props.link.pending} />
      <button
        type="button"
        ref={menuButton}
        className="board-menu-button"
        aria-expanded={menu.open}
        aria-controls={BOARD_MENU_ID}
        aria-describedby={waiting > 0 ? waitingId : undefined}
        onClick={() => menu.onToggle(!menu.open)}
      >
        {t('header.menu')}
        {/* on a phone People is behind Menu: the cue shows on Menu too */}
        {waiting > 0 && (
          <span className="badge" aria-hidden="true">
            {waiting}
          </span>
        )}
      </button>
      <div className="board-header-end" id={BOARD_MENU_ID} onClick={closeAfterPress}>
        <button
          type="button"
          aria-pressed={props.peopleOpen}
          aria-controls={props.peopleOpen ? 'side-panel' : undefined}
          aria-describedby={waiting > 0 ? waitingId : undefined}
          onClick={props.onTogglePeople}
        >
          {t('header.people')}
          {waiting > 0 && (
            <span className="badge" aria-hidden="true">
              {waiting}
            </span>
          )}
        </button>
        {waiting > 0 && (
          <span id={waitingId} className="visually-hidden">
            {t('panels:lobby.badge', { count: waiting })}
          </span>
        )}
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
