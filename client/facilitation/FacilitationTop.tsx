import { lazy, Suspense } from 'react'
import './facilitation.css'
import { FacilitationStrip } from './FacilitationStrip'
import type { FacilitatorBarProps } from './FacilitatorBar'

// Only facilitators load the code of their bar.
const FacilitatorBar = lazy(() => import('./FacilitatorBar').then((m) => ({ default: m.FacilitatorBar })))

/** Between the header and the board: the facilitator's controls (for them), then what everyone sees. */
export function FacilitationTop(props: FacilitatorBarProps & { readonly onShowResults?: () => void }) {
  return (
    <div className="facilitation-top">
      {props.fac.isFacilitator && (
        <Suspense fallback={null}>
          <FacilitatorBar {...props} />
        </Suspense>
      )}
      <FacilitationStrip fac={props.fac} view={props.view} onShowResults={props.onShowResults} />
    </div>
  )
}
