import type { HitCanvas, SceneCanvas } from 'konva/lib/Canvas'
import type { Context } from 'konva/lib/Context'
import { _registerNode } from 'konva/lib/Global'
import { Layer, type LayerConfig } from 'konva/lib/Layer'
import type { Node } from 'konva/lib/Node'
import type { Shape } from 'konva/lib/Shape'
import type { Vector2d } from 'konva/lib/types'

/** A rectangle of the stage in its own (screen) pixels. */
export interface LayerArea {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface WindowLayerConfig extends LayerConfig {
  readonly area?: LayerArea
}

const NONE: LayerArea = { x: 0, y: 0, width: 0, height: 0 }

/**
 * A Konva layer whose canvases cover only a rectangle of the stage (its `area`), not all of it: the
 * layer of the notes others are typing into. Every frame that changes a canvas hands its whole
 * bitmap to the compositor; for a layer the size of the view that copy was most of a slow phone's
 * frame while five people typed, and for the few notes in question it is a small one. Nodes keep
 * their stage coordinates: drawing is shifted by the area's corner, and so is hit testing.
 */
export class WindowLayer extends Layer {
  // set by Konva's own constructor (through setAttrs) before the canvases exist, so not a class field
  // (its initialiser would run after and overwrite it)
  declare private area: LayerArea | undefined

  constructor(config?: WindowLayerConfig) {
    super(config)
    this.place()
  }

  getArea(): LayerArea {
    return this.area ?? NONE
  }

  /** Moves and sizes the layer's canvases, and draws it there at once (no blank frame between). */
  setArea(next: LayerArea): this {
    const area = roundArea(next)
    const old = this.getArea()
    if (old.x === area.x && old.y === area.y && old.width === area.width && old.height === area.height) {
      return this
    }
    this.area = area
    // during Konva's constructor the canvases are not made yet: the constructor places them after
    if (!this.canvas) return this
    this.place()
    if (this.getStage()) this.draw()
    return this
  }

  private place(): void {
    const { x, y } = this.getArea()
    this._setSize()
    const style = this.canvas._canvas.style
    style.left = `${x}px`
    style.top = `${y}px`
  }

  // the stage's size does not size this layer: its area does
  override _setSize(): this {
    const { width, height } = this.getArea()
    this.canvas.setSizeIfChanged(width, height)
    this._syncHitCanvasSize()
    this._setSmoothEnabled()
    return this
  }

  override _syncHitCanvasSize(): void {
    const { width, height } = this.getArea()
    const listening = this.isListening()
    this.hitCanvas.setSizeIfChanged(listening ? width : 0, listening ? height : 0)
  }

  override drawScene(can?: SceneCanvas, top?: Node): this {
    if (can) return super.drawScene(can, top)
    return this.shifted(this.canvas.getContext(), () => super.drawScene(undefined, top))
  }

  override drawHit(can?: HitCanvas, top?: Node): this {
    if (can) return super.drawHit(can, top)
    this._syncHitCanvasSize()
    return this.shifted(this.hitCanvas.getContext(), () => super.drawHit(undefined, top))
  }

  override getIntersection(pos: Vector2d): Shape | null {
    const { x, y, width, height } = this.getArea()
    if (pos.x < x || pos.y < y || pos.x >= x + width || pos.y >= y + height) return null
    return super.getIntersection({ x: pos.x - x, y: pos.y - y })
  }

  /** Clears a canvas of the layer and draws into it with stage coordinates moved to the area. */
  private shifted(context: Context, draw: () => void): this {
    const { x, y, width, height } = this.getArea()
    context.clear()
    if (width === 0 || height === 0) return this
    context.save()
    context.translate(-x, -y)
    // cleared above, in the canvas's own coordinates: the layer's own clear would be shifted
    const clears = this.attrs.clearBeforeDraw as boolean | undefined
    this.attrs.clearBeforeDraw = false
    try {
      draw()
    } finally {
      this.attrs.clearBeforeDraw = clears
      context.restore()
    }
    return this
  }
}

WindowLayer.prototype.className = 'WindowLayer'
_registerNode(WindowLayer)

/** Whole pixels, never negative: a canvas bitmap has whole dimensions. */
function roundArea(a: LayerArea): LayerArea {
  const x = Math.floor(a.x)
  const y = Math.floor(a.y)
  return {
    x,
    y,
    width: Math.max(0, Math.ceil(a.x + a.width) - x),
    height: Math.max(0, Math.ceil(a.y + a.height) - y),
  }
}
