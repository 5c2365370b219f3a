import { zipSync, type Zippable } from 'fflate'
import type { SessionSnapshot } from '../../shared/export/snapshot'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import { fileName } from './download'
import { breathe, ExportProblem } from './exportJob'
import { drawableObjects, pagesOf } from './exportObjects'
import { BoardRenderer, canvasBlob } from './renderBoard'
import { i18n } from '../i18n'

/** The wanted resolution: two pixels per canvas unit, sharp on high-density screens and in print. */
export const PNG_PIXEL_RATIO = 2

export interface PngInput {
  readonly snapshot: SessionSnapshot
  readonly sessionTitle: string
  readonly canvas: CanvasInfo
  /** The one frame selected, if any: just that frame is exported. */
  readonly frameId: string | null
  readonly framesAsPages: boolean
  readonly imageSource: (src: string) => string | null
  readonly signal: AbortSignal
  readonly progress: (done: number, total: number) => void
}

/** A canvas (or a frame of it) as a PNG, or its frames as one PNG each in a zip. */
export async function pngExport(input: PngInput): Promise<{ blob: Blob; name: string }> {
  const s = input.snapshot
  const drawable = drawableObjects(s.objects, input.canvas.id, s.facilitation.anonymous)
  const pages = pagesOf(drawable, { framesAsPages: input.framesAsPages, frameId: input.frameId }).filter(
    (p) => p.objects.length > 0,
  )
  if (pages.length === 0) throw new ExportProblem(i18n.t('export:png.nothing'))
  const renderer = new BoardRenderer(input.imageSource)
  try {
    const files: Zippable = {}
    input.progress(0, pages.length)
    for (const [i, page] of pages.entries()) {
      await breathe(input.signal)
      const rendered = await renderer.render(page.objects, {
        pixelRatio: PNG_PIXEL_RATIO,
        signal: input.signal,
      })
      if (!rendered) continue
      const blob = await canvasBlob(rendered.canvas)
      rendered.canvas.width = 0 // let the bitmap go before the next page is drawn
      const name = [input.sessionTitle, input.canvas.name, page.title]
      if (pages.length === 1) return { blob, name: fileName(name, 'png') }
      const entry = `${String(i + 1).padStart(2, '0')} ${fileName([page.title || i18n.t('export:png.page')], 'png')}`
      // PNGs are compressed already: stored as they are, the zip is quick to make and no bigger
      files[entry] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }]
      input.progress(i + 1, pages.length)
    }
    if (Object.keys(files).length === 0) throw new ExportProblem(i18n.t('export:png.nothing'))
    await breathe(input.signal)
    const zip = zipSync(files)
    return {
      blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      name: fileName([input.sessionTitle, input.canvas.name, i18n.t('export:png.pages')], 'zip'),
    }
  } finally {
    renderer.dispose()
  }
}
