import type { CSSProperties } from 'react'
import { GRID_SPACING } from '../theme'
import type { Viewport } from './viewport'

/** Below this many screen pixels between dots the grid gets busy, so every other dot is dropped. */
const MIN_SCREEN_SPACING = 12

/**
 * The dot grid as a CSS background that follows the camera: free to draw at any size, and never
 * part of the canvas the objects are painted on.
 */
export function gridStyle(v: Viewport): CSSProperties {
  let spacing = GRID_SPACING * v.scale
  while (spacing < MIN_SCREEN_SPACING) spacing *= 2
  const offset = (n: number) => `${((n % spacing) + spacing) % spacing}px`
  return {
    backgroundSize: `${spacing}px ${spacing}px`,
    backgroundPosition: `${offset(v.x)} ${offset(v.y)}`,
  }
}
