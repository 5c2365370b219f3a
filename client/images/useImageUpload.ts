import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { freeSpot, obstacles } from '../canvas/placement'
import { onScreen, screenToWorld, viewCenter, type Point, type Size, type Viewport } from '../canvas/viewport'
import type { BoardModel } from '../state'
import { uploadImage, type ImageSession } from './imageApi'
import { uploadErrorMessage } from './uploadMessages'
import { i18n } from '../i18n'

export interface ImageUploadArgs {
  readonly session: ImageSession
  readonly model: BoardModel
  readonly canvasId: string
  readonly objects: readonly BoardObject[]
  readonly viewport: Viewport
  readonly size: Size
  /** Called with the new image's id: it is selected and its description asked for. */
  readonly onAdded: (id: string) => void
  /** Files dropped here are uploaded where they land. */
  readonly dropTarget: RefObject<HTMLElement | null>
}

/** A new picture is shown at most this big (world units); it can be resized after. */
const MAX_SIDE = 480

const isFileDrag = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')

/**
 * Adding pictures: from the file picker, dropped on the board, or pasted. Each file is uploaded;
 * on success an image object is placed (where it was dropped, else in the middle of the view), and
 * on failure the server's reason is shown in the page.
 */
export function useImageUpload(args: ImageUploadArgs) {
  const latest = useRef(args)
  latest.current = args
  const inputRef = useRef<HTMLInputElement>(null)
  /** Where the picked files go: the spot clicked with the Image tool armed, else the middle. */
  const pickAt = useRef<Point | null>(null)
  const [errors, setErrors] = useState<readonly string[]>([])
  const [pending, setPending] = useState(0)

  const uploadOne = useCallback(async (file: File, at: Point | null, shift: number) => {
    setPending((n) => n + 1)
    try {
      const uploaded = await uploadImage(latest.current.session, file)
      const { model, canvasId, objects, viewport, size, onAdded } = latest.current
      const fit = Math.min(1, MAX_SIDE / Math.max(uploaded.width, uploaded.height, 1))
      const w = Math.max(16, Math.round(uploaded.width * fit))
      const h = Math.max(16, Math.round(uploaded.height * fit))
      const c = at ?? viewCenter(viewport, size)
      const preferred = { x: Math.round(c.x - w / 2) + shift, y: Math.round(c.y - h / 2) + shift, w, h }
      const spot = at
        ? preferred
        : freeSpot(obstacles(objects), preferred, undefined, onScreen(viewport, size))
      const props = { w, h, src: uploaded.src, mime: uploaded.mime, alt: '' }
      const id = model.commands.addObject('image', canvasId, spot.x, spot.y, props)
      if (id) onAdded(id)
      else setErrors((e) => [...e, uploadErrorMessage(null, file.name)])
    } catch (error) {
      setErrors((e) => [...e, uploadErrorMessage(error, file.name || i18n.t('common:errors.picture'))])
    } finally {
      setPending((n) => n - 1)
    }
  }, [])

  const upload = useCallback(
    (files: readonly File[], at: Point | null = null) => {
      if (latest.current.model.readOnly || files.length === 0) return
      setErrors([])
      // Several files at once fan out a little, so none hides another.
      files.forEach((file, i) => void uploadOne(file, at, i * 24))
    },
    [uploadOne],
  )

  useFileDrop(args.dropTarget, latest, upload)

  return {
    inputRef,
    /** Opens the file picker (the Image tool); the pictures land at `at`, or in the middle of the view. */
    pick: (at: Point | null = null) => {
      pickAt.current = at
      inputRef.current?.click()
    },
    onInputChange: (e: { currentTarget: HTMLInputElement }) => {
      const files = [...(e.currentTarget.files ?? [])]
      e.currentTarget.value = '' // picking the same file again still counts
      upload(files, pickAt.current)
      pickAt.current = null
    },
    upload,
    errors,
    dismissErrors: () => setErrors([]),
    pending,
  }
}

/** Files dragged from the desktop onto the board land where they are dropped. */
function useFileDrop(
  target: RefObject<HTMLElement | null>,
  latest: { readonly current: ImageUploadArgs },
  upload: (files: readonly File[], at: Point | null) => void,
) {
  useEffect(() => {
    const el = target.current
    if (!el) return
    const over = (e: DragEvent) => {
      if (!isFileDrag(e) || latest.current.model.readOnly) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const drop = (e: DragEvent) => {
      if (!isFileDrag(e)) return
      e.preventDefault()
      const box = el.getBoundingClientRect()
      const at = screenToWorld(latest.current.viewport, { x: e.clientX - box.left, y: e.clientY - box.top })
      upload([...(e.dataTransfer?.files ?? [])], at)
    }
    el.addEventListener('dragover', over)
    el.addEventListener('drop', drop)
    return () => {
      el.removeEventListener('dragover', over)
      el.removeEventListener('drop', drop)
    }
  }, [target, latest, upload])
}
