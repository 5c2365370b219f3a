import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import type { NoteEditorSlot } from '../panels/NoteRow'
import type { PeoplePanelProps } from '../panels/PeoplePanel'
import type { BoardModel, SessionCommitments } from '../state'
import type * as Y from 'yjs'
import { listNoteEditor } from './ListNoteEditor'
import type { BoardUi } from './useBoardUi'

// Each panel's code loads the first time it is opened: the board page loads less up front.
const ListView = lazy(() => import('../panels/ListView').then((m) => ({ default: m.ListView })))
const PeoplePanel = lazy(() => import('../panels/PeoplePanel').then((m) => ({ default: m.PeoplePanel })))
const Commitments = lazy(() => import('../panels/Commitments').then((m) => ({ default: m.Commitments })))

export type PanelId = 'list' | 'commitments' | 'people' | 'agenda' | 'results' | 'groups'

interface SidePanelProps {
  panel: PanelId
  canvas: CanvasInfo
  objects: readonly BoardObject[]
  /** Objects on this canvas this version cannot show (unknown kind, invalid props). */
  unreadable: number
  commitments: SessionCommitments
  model: BoardModel
  /** The board document, for the rich editor of formatted notes in the list view. */
  doc: Y.Doc
  ui: BoardUi
  people: PeoplePanelProps
  /** Panels (or panel contents) the facilitation provides: agenda, results, editable commitments. */
  facilitation?: Partial<Record<PanelId, ReactNode>>
  /** More for each row of the list view (votes, reactions, consent, privacy, moderation). */
  rowExtras?: (object: BoardObject) => ReactNode
  onClose: () => void
}

/**
 * Closes the panel and gives the keyboard back to the header button that opened it (when it is on
 * screen: on a phone it waits behind Menu).
 */
function closePanel(onClose: () => void): void {
  const opener = document.querySelector<HTMLElement>('.board-header [aria-controls="side-panel"]')
  onClose()
  requestAnimationFrame(() => opener?.focus())
}

/** The panel beside the board (over it on narrow screens): the list view or the commitments. */
export function SidePanel(props: SidePanelProps) {
  const { t } = useTranslation('board')
  const { t: tg } = useTranslation('groups')
  const renderEditor = useMemo(() => listNoteEditor(props.doc), [props.doc])
  return (
    // Focusable, so a keyboard can scroll a long panel that holds nothing else to focus (axe's
    // scrollable-region-focusable).
    <aside
      className="side-panel"
      id="side-panel"
      aria-label={props.panel === 'groups' ? tg('heading') : t(`panels.${props.panel}`)}
      tabIndex={0}
    >
      {/* on a phone the panel covers the board: its own way back, not only the toggle behind Menu */}
      <button
        type="button"
        className="side-panel-close"
        aria-label={t('panels.close')}
        title={t('panels.close')}
        onClick={() => closePanel(props.onClose)}
      >
        ×
      </button>
      {/* a panel opened for the first time is empty for the moment its code takes to load */}
      <Suspense fallback={null}>{panelContent(props, renderEditor)}</Suspense>
    </aside>
  )
}

function panelContent(props: SidePanelProps, renderEditor: NoteEditorSlot): ReactNode {
  const { model } = props
  return props.facilitation?.[props.panel] ? (
    props.facilitation[props.panel]
  ) : props.panel === 'list' ? (
    <ListView
      canvasName={props.canvas.name}
      objects={props.objects}
      unreadable={props.unreadable}
      readOnly={model.readOnly}
      canEdit={model.may.edit}
      canDelete={model.may.delete}
      // The list focuses the new note's field itself, so the canvas editor stays closed.
      onAdd={() => props.ui.addSticky(false)}
      onSetText={model.commands.setText}
      onSetLang={(id, lang) => model.commands.setLang([id], lang)}
      onSetAlt={(id, alt) => model.commands.updateProps(id, 'image', { alt })}
      onDelete={(id) => model.commands.deleteObjects([id])}
      rowExtras={props.rowExtras}
      renderEditor={renderEditor}
    />
  ) : props.panel === 'people' ? (
    <PeoplePanel {...props.people} />
  ) : (
    <Commitments commitments={props.commitments} />
  )
}
