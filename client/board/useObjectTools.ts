import { useCallback, useMemo, useState, type RefObject } from 'react'
import type { Role } from '../../shared/rooms'
import type { BoardObject } from '../../shared/schema/kinds'
import type { Size, Viewport } from '../canvas/viewport'
import { imageUrl } from '../images/imageApi'
import { useImageUpload } from '../images/useImageUpload'
import type { BoardModel } from '../state'
import { useBoardTools } from './useBoardTools'
import type { BoardUi } from './useBoardUi'
import { useObjectActions } from './useObjectActions'
import { useShownTextStore } from '../canvas/objects/shownText'

/** Who is looking at which session: images need the session and the link's key. */
export interface BoardSession {
  readonly id: string
  readonly key: string
  readonly role: Role
}

export interface ObjectToolsArgs {
  readonly session: BoardSession
  readonly model: BoardModel
  readonly canvasId: string
  readonly objects: readonly BoardObject[]
  readonly ui: BoardUi
  readonly viewport: Viewport
  readonly size: Size
  /** The board area: files dropped on it are uploaded. */
  readonly area: RefObject<HTMLElement | null>
}

/**
 * Everything the board's tools need, wired together: the active tool and its drawings, image
 * uploads, actions on the selection, and which editor (recipe panel, image description) is open.
 */
export function useObjectTools(args: ObjectToolsArgs) {
  const { session, model, canvasId, objects, ui, viewport, size } = args
  const [describing, setDescribing] = useState<string | null>(null)
  const images = useImageUpload({
    session,
    model,
    canvasId,
    objects,
    viewport,
    size,
    dropTarget: args.area,
    onAdded: (id) => {
      ui.openNew(id, false)
      setDescribing(id)
    },
  })
  const tools = useBoardTools({ model, canvasId, objects, ui, viewport, size, pickImage: images.pick })
  const actions = useObjectActions({
    model,
    canvasId,
    objects,
    ui,
    tools,
    viewport,
    size,
    uploadImages: images.upload,
    describe: setDescribing,
  })
  const { openRecipe, requestTitle } = tools
  const shownText = useShownTextStore()

  /** Double-click (or Enter): each kind opens its own editor. */
  const onEdit = useCallback(
    (id: string | null) => {
      const target = id ? objects.find((o) => o.id === id) : undefined
      // a text behind a content note: the first double-click (or Enter) shows it, never edits it unseen
      if (target && target.contentNote && target.kind !== 'story' && !shownText.isShown(target.id))
        shownText.show(target.id)
      else if (target?.kind === 'recipe' || target?.kind === 'story') openRecipe(target.id)
      else if (target?.kind === 'image' && model.may.edit(target)) setDescribing(target.id)
      else if (target?.kind === 'frame' && model.may.edit(target)) {
        ui.select([target.id])
        requestTitle(target.id)
      } else ui.edit(id)
    },
    [objects, ui, model, openRecipe, requestTitle, shownText],
  )

  const { id: sessionId, key } = session
  // one function per session, so pictures on the canvas are not redrawn on every render
  const source = useMemo(() => (src: string) => imageUrl({ id: sessionId, key }, src), [sessionId, key])

  return {
    tools,
    images,
    actions,
    describing,
    setDescribing,
    onEdit,
    imageSource: source,
  }
}

export type ObjectTools = ReturnType<typeof useObjectTools>
