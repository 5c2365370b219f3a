import { isExportable, withoutNames } from '../../shared/export/snapshot'
import { frameContents, framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { i18n } from '../i18n'

/**
 * What of a canvas may be drawn in an export: only what its authors agreed to share and the
 * facilitator has not hidden; in an anonymous session, with every name taken off (notes show their
 * author, recipe cards their credits).
 */
export function drawableObjects(
  objects: readonly BoardObject[],
  canvasId: string,
  anonymous: boolean,
): BoardObject[] {
  return objects
    .filter((o) => o.canvas === canvasId && isExportable(o))
    .map((o) => (anonymous ? withoutNames(o) : o))
}

/** One picture of an export: a whole canvas, or one frame (a flipchart page) with what it holds. */
export interface ExportPage {
  /** The frame's title, or '' for a whole canvas. */
  readonly title: string
  readonly frameId: string | null
  /** The last page of a canvas split into frames: what lies outside every frame. */
  readonly outside: boolean
  readonly objects: readonly BoardObject[]
}

export interface PageOptions {
  /** Each frame is a page of its own (flipcharts, or the "Each frame as a page" option). */
  readonly framesAsPages: boolean
  /** A frame the person picked: just that frame is exported. */
  readonly frameId?: string | null
}

/** The page (or heading) of what lies outside every frame. */
export const outsideFrames = (): string => i18n.t('export:outsideFrames')

/**
 * The pages to draw from a canvas's drawable objects, in page order. With frames as pages, what
 * lies outside every frame becomes a last page of its own, so nothing shared goes missing.
 */
export function pagesOf(drawable: readonly BoardObject[], options: PageOptions): ExportPage[] {
  const chosen = options.frameId ? drawable.find((o) => o.id === options.frameId) : undefined
  if (chosen?.kind === 'frame') return [framePage(chosen, drawable)]
  const frames = options.framesAsPages ? outermost(framesInOrder(drawable), drawable) : []
  if (frames.length === 0) return [{ title: '', frameId: null, outside: false, objects: drawable }]
  const pages = frames.map((f) => framePage(f, drawable))
  const inPages = new Set(pages.flatMap((p) => p.objects.map((o) => o.id)))
  const loose = drawable.filter((o) => !inPages.has(o.id))
  if (loose.length > 0) pages.push({ title: outsideFrames(), frameId: null, outside: true, objects: loose })
  return pages
}

/** Frames not inside another frame: an inner frame belongs on its outer frame's page. */
function outermost(frames: readonly BoardObject[], drawable: readonly BoardObject[]): BoardObject[] {
  const inner = new Set(frames.flatMap((f) => frameContents(f, drawable).map((o) => o.id)))
  return frames.filter((f) => !inner.has(f.id))
}

function framePage(frame: BoardObject, drawable: readonly BoardObject[]): ExportPage {
  const inside = new Set(frameContents(frame, drawable).map((o) => o.id))
  inside.add(frame.id)
  return {
    title: frame.kind === 'frame' ? frame.props.title : '',
    frameId: frame.id,
    outside: false,
    // keep the canvas's stacking order
    objects: drawable.filter((o) => inside.has(o.id)),
  }
}

/** The one frame among the selected objects, if exactly one frame is selected. */
export function selectedFrame(
  objects: readonly BoardObject[],
  selection: ReadonlySet<string>,
): string | null {
  const frames = objects.filter((o) => o.kind === 'frame' && selection.has(o.id))
  return frames.length === 1 ? frames[0]!.id : null
}

/** Does this canvas call for a cook book: recipe cards on it, or a recipe-wall session? */
export const offersCookbook = (template: string, objects: readonly BoardObject[]): boolean =>
  template === 'recipe-wall' || objects.some((o) => o.kind === 'recipe')
