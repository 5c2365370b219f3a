import type Konva from 'konva'
import { createRef, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import { Layer, Stage } from '../canvas/konva'
import type { Rect } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { ImageSourceContext } from '../canvas/objects/imageSource'
import { ALL_SHOWN, ShownTextContext } from '../canvas/objects/shownText'
import { OBJECT_NODES } from '../canvas/objects/registry'
import type { NodeComponent, NodeHandlers } from '../canvas/objects/types'
import { loadFontsFor } from '../canvas/objects/webFonts'
import { pixelRatioFor, withMargin } from './layout'
import { i18n } from '../i18n'

/** Space around the content of an exported picture, in canvas units. */
export const EXPORT_MARGIN = 40
/** How long to wait for pictures on the board before drawing without the ones still missing. */
const IMAGE_WAIT_MS = 20_000
const POLL_MS = 50

const NO_HANDLERS: NodeHandlers = {
  select: () => {},
  tap: () => {},
  edit: () => {},
  dragStart: () => {},
  dragMove: () => {},
  dragEnd: () => {},
}

/** A drawn export: the bitmap (white behind everything), and the canvas area it shows. */
export interface Rendered {
  readonly canvas: HTMLCanvasElement
  readonly crop: Rect
  readonly pixelRatio: number
}

export interface RenderOptions {
  /** Pixels per canvas unit wanted (lowered only for boards too big for a browser bitmap). */
  readonly pixelRatio: number
  readonly signal: AbortSignal
  /** Lower limits than the browser's, e.g. for pictures in a PDF. */
  readonly limits?: { side: number; area: number }
}

/**
 * Draws board objects off screen exactly as the board does, with the board's own node for each
 * kind (OBJECT_NODES), in a hidden react-konva stage that is never attached to the page.
 */
export class BoardRenderer {
  private readonly root: Root
  private readonly layer: RefObject<Konva.Layer | null> = createRef()

  constructor(private readonly imageSource: (src: string) => string | null) {
    this.root = createRoot(document.createElement('div'))
  }

  /** Draws these objects cropped to what they cover plus a margin; null when there is nothing to draw. */
  async render(objects: readonly BoardObject[], options: RenderOptions): Promise<Rendered | null> {
    options.signal.throwIfAborted()
    // The web font's subsets for every script in the picture, before anything is drawn or measured.
    // (All of the objects as JSON: texts, titles, recipe fields and names, with nothing missed.)
    await loadFontsFor(JSON.stringify(objects))
    // flushSync: the Konva nodes exist when it returns (react-konva commits its children in a layout effect)
    flushSync(() => this.root.render(this.scene(objects)))
    const layer = this.layer.current
    if (!layer) throw new Error(i18n.t('common:errors.surface'))
    await this.imagesDrawn(layer, objects, options.signal)
    await document.fonts.ready
    options.signal.throwIfAborted()
    const box = layer.getClientRect()
    if (!(box.width > 0 && box.height > 0) || !Number.isFinite(box.x + box.y)) return null
    const crop = withMargin({ x: box.x, y: box.y, w: box.width, h: box.height }, EXPORT_MARGIN)
    const pixelRatio = pixelRatioFor(crop, options.pixelRatio, options.limits)
    const drawn = layer.toCanvas({ x: crop.x, y: crop.y, width: crop.w, height: crop.h, pixelRatio })
    return { canvas: onWhite(drawn), crop, pixelRatio }
  }

  /** Unmounts the hidden stage and lets its bitmaps go. */
  dispose(): void {
    this.root.unmount()
  }

  private scene(objects: readonly BoardObject[]) {
    // The stage itself stays 1×1: exports draw the layer into bitmaps of their own size, so the
    // stage never allocates a board-sized canvas that nobody sees.
    return (
      <ImageSourceContext.Provider value={this.imageSource}>
        {/* exports show every content note, then the text it warns about */}
        <ShownTextContext.Provider value={ALL_SHOWN}>
          <Stage width={1} height={1} listening={false}>
            <Layer ref={this.layer} listening={false}>
              {objects.map((object) => {
                // the same cast as ObjectNode: the registry's mapped type checks each kind's node
                const Node = OBJECT_NODES[object.kind] as NodeComponent<BoardObject>
                return (
                  <Node
                    key={object.id}
                    object={object}
                    selected={false}
                    editing={false}
                    draggable={false}
                    peerColor={null}
                    handlers={NO_HANDLERS}
                  />
                )
              })}
            </Layer>
          </Stage>
        </ShownTextContext.Provider>
      </ImageSourceContext.Provider>
    )
  }

  /**
   * Waits until every picture that can load is on the stage. The image nodes load their pictures
   * themselves (and cache them), so this first finds out which addresses load at all, then waits
   * for that many Konva images to appear.
   */
  private async imagesDrawn(layer: Konva.Layer, objects: readonly BoardObject[], signal: AbortSignal) {
    const urls = objects.flatMap((o) => (o.kind === 'image' ? [this.imageSource(o.props.src)] : []))
    if (urls.length === 0) return
    const loads = new Map<string, Promise<boolean>>()
    for (const url of urls) if (url && !loads.has(url)) loads.set(url, probe(url))
    const ok = await Promise.all(urls.map((url) => (url ? loads.get(url)! : Promise.resolve(false))))
    const expected = ok.filter(Boolean).length
    const until = Date.now() + IMAGE_WAIT_MS
    while (layer.find('Image').length < expected && Date.now() < until) {
      signal.throwIfAborted()
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  }
}

/** Does this picture load? (The browser caches it, so the node's own load is quick after this.) */
function probe(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const image = new Image()
    image.onload = () => resolve(true)
    image.onerror = () => resolve(false)
    image.src = url
  })
}

/** The drawing on white: exports are read on paper and in documents, not on the board's grey. */
function onWhite(drawn: HTMLCanvasElement): HTMLCanvasElement {
  const out = document.createElement('canvas')
  out.width = drawn.width
  out.height = drawn.height
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error(i18n.t('common:errors.noCanvas'))
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.drawImage(drawn, 0, 0)
  // free the intermediate bitmap now rather than whenever the collector runs
  drawn.width = 0
  drawn.height = 0
  return out
}

/** A bitmap as a file. */
export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(i18n.t('common:errors.encode')))),
      type,
      quality,
    ),
  )
}
