import type { ReactNode } from 'react'
import type { Rect, Viewport } from './viewport'

/**
 * Places HTML exactly over an object on the canvas: laid out at the object's world size, then
 * scaled like the canvas, so text wraps the same way in the editor as on the note.
 */
export function ObjectOverlay(props: { rect: Rect; viewport: Viewport; children: ReactNode }) {
  const { rect, viewport } = props
  return (
    <div
      className="object-overlay"
      style={{
        left: rect.x * viewport.scale + viewport.x,
        top: rect.y * viewport.scale + viewport.y,
        width: rect.w,
        height: rect.h,
        transform: `scale(${viewport.scale})`,
      }}
    >
      {props.children}
    </div>
  )
}
