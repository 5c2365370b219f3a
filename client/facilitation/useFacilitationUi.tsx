import { lazy, useCallback, useMemo } from 'react'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import { framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import type { SelectionExtras as SelectionExtrasFn } from '../board/SelectionActions'
import type { ObjectIndex, SessionCommitments } from '../state'
import { CanvasBadges, controlsScale } from './CanvasBadges'
import { NoteExtras } from './NoteExtras'
import { SelectionExtras } from './SelectionExtras'
import type { Facilitation } from './useFacilitation'
import type { StepPlaces } from './stepPlaces'

// The panels load when first opened (the side panel waits for them in a Suspense boundary):
// most people never open the agenda or results, and the board page loads less for it.
const AgendaPanel = lazy(() => import('./AgendaPanel').then((m) => ({ default: m.AgendaPanel })))
const ResultsPanel = lazy(() => import('./ResultsPanel').then((m) => ({ default: m.ResultsPanel })))
const CommitmentsPanel = lazy(() =>
  import('./CommitmentsPanel').then((m) => ({ default: m.CommitmentsPanel })),
)

/** The pieces the facilitation adds to the board's panels, list rows, canvas and selection bar. */
export function useFacilitationUi(
  fac: Facilitation,
  index: ObjectIndex,
  commitments: SessionCommitments,
  objects: readonly BoardObject[],
  canvases: readonly CanvasInfo[],
) {
  const lookup = useCallback(
    (id: string) => {
      const read = index.get(id)
      return read?.ok ? read.object : undefined
    },
    [index],
  )
  // Where a step can happen: the canvases, and the frames of each (read when the panel draws).
  const places = useMemo<StepPlaces>(
    () => ({
      canvases,
      framesOf: (canvas) =>
        framesInOrder(index.canvas(canvas).objects).map((f) => ({
          id: f.id,
          title: f.kind === 'frame' ? f.props.title : '',
        })),
    }),
    [canvases, index],
  )
  const panels = {
    agenda: <AgendaPanel fac={fac} places={places} />,
    results: <ResultsPanel fac={fac} lookup={lookup} />,
    commitments: <CommitmentsPanel fac={fac} commitments={commitments} />,
  }
  const rowExtras = (object: BoardObject) => <NoteExtras fac={fac} object={object} />
  const { contributions, state } = fac
  const onVote = useCallback(
    (id: string, delta: 1 | -1) => contributions.vote(id, delta, state.voteBudget),
    [contributions, state.voteBudget],
  )
  const overlay = (visible: readonly BoardObject[], scale: number) => (
    <CanvasBadges
      objects={objects}
      visible={visible}
      controlsScale={controlsScale(scale)}
      privateIds={fac.privateIds}
      showHidden={fac.isFacilitator}
      voting={state.mode === 'voting' && fac.canWrite}
      myVotes={fac.myVotes}
      results={state.results}
      onVote={onVote}
    />
  )
  const frames = useMemo(() => objects.filter((o) => o.kind === 'frame').length, [objects])
  const selectionExtras: SelectionExtrasFn = (selected, helpers, part) => (
    <SelectionExtras fac={fac} selected={selected} frames={frames} {...helpers} part={part} />
  )
  return { panels, rowExtras, overlay, selectionExtras, hasResults: Object.keys(state.results).length > 0 }
}
