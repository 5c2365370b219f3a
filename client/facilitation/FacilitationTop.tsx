import './facilitation.css'
import { FacilitationStrip } from './FacilitationStrip'
import { FacilitatorBar, type FacilitatorBarProps } from './FacilitatorBar'

/** Between the header and the board: the facilitator's controls (for them), then what everyone sees. */
export function FacilitationTop(props: FacilitatorBarProps) {
  return (
    <div className="facilitation-top">
      {props.fac.isFacilitator && <FacilitatorBar {...props} />}
      <FacilitationStrip fac={props.fac} view={props.view} />
    </div>
  )
}
