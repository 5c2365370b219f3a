import { useMemo } from 'react'
import type * as Y from 'yjs'
import { framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { FrameNav, type FramePage } from '../canvas/FrameNav'
import { boundsOf } from '../canvas/objects/bounds'
import { ToolOptionsBar } from '../canvas/tools/ToolOptions'
import { fitRects, viewCenter, type Size, type Viewport } from '../canvas/viewport'
import { imageUrl } from '../images/imageApi'
import { AltTextDialog } from '../panels/AltTextDialog'
import type { BoardModel } from '../state'
import { RecipeSidePanel } from './RecipeSidePanel'
import { SelectionActions, type SelectionExtras } from './SelectionActions'
import type { BoardUi } from './useBoardUi'
import type { BoardSession, ObjectTools } from './useObjectTools'
import { useTranslation } from 'react-i18next'

/** Room above a frame for its title when the view moves to it. */
const TITLE_ROOM = 40

export interface ObjectToolsUiProps {
  readonly kit: ObjectTools
  readonly doc: Y.Doc
  readonly model: BoardModel
  readonly session: BoardSession
  readonly objects: readonly BoardObject[]
  readonly viewport: Viewport
  readonly size: Size
  readonly setViewport: (v: Viewport) => void
  readonly ui: BoardUi
  /** Focus goes back to the canvas (after editing a frame's title). */
  readonly backToCanvas: () => void
  readonly selectionExtras?: SelectionExtras
}

/** What the tools add around the canvas: options bar, page buttons, uploads, and the editors. */
export function ObjectToolsUi(props: ObjectToolsUiProps) {
  const { kit, model, objects } = props
  const { tools, images } = kit
  const byId = useMemo(() => new Map(objects.map((o) => [o.id, o])), [objects])
  const describing = kit.describing ? byId.get(kit.describing) : undefined
  return (
    <>
      {!model.readOnly && (
        <SelectionActions
          objects={objects}
          ui={props.ui}
          commands={model.commands}
          tools={tools}
          actions={kit.actions}
          canLock={kit.canLock}
          describe={kit.setDescribing}
          backToCanvas={props.backToCanvas}
          extras={props.selectionExtras}
        />
      )}
      {!model.readOnly && (
        <ToolOptionsBar
          tool={tools.tool}
          options={tools.options}
          onChange={tools.changeOptions}
          onAddShape={tools.addShapeHere}
          onAddFrame={tools.addFrameHere}
        />
      )}
      <Pages objects={objects} viewport={props.viewport} size={props.size} setViewport={props.setViewport} />
      <ImageUploads images={images} />
      {describing?.kind === 'image' && (
        <AltTextDialog
          key={describing.id}
          previewUrl={imageUrl(props.session, describing.props.src)}
          initial={describing.props.alt}
          onSave={(alt) => {
            model.commands.updateProps(describing.id, 'image', { alt })
            kit.setDescribing(null)
          }}
          onSkip={() => kit.setDescribing(null)}
        />
      )}
      {tools.recipeId && (
        <RecipeSidePanel
          doc={props.doc}
          recipe={byId.get(tools.recipeId)}
          readOnly={model.readOnly}
          commands={model.commands}
          onClose={() => {
            tools.openRecipe(null)
            props.backToCanvas() // the keyboard goes back to the board, not to the top of the page
          }}
        />
      )}
    </>
  )
}

/** The Image tool's file picker, and how uploads are going (status, then any errors). */
function ImageUploads({ images }: { images: ObjectTools['images'] }) {
  const { t } = useTranslation('board')
  return (
    <>
      <input
        ref={images.inputRef}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        multiple
        hidden
        aria-label={t('imageInput')}
        onChange={images.onInputChange}
      />
      {images.pending > 0 && (
        <p className="upload-status" role="status">
          {t('upload.uploading', { count: images.pending })}
        </p>
      )}
      {images.errors.length > 0 && (
        <div className="upload-error" role="alert">
          {images.errors.map((message, i) => (
            <p key={i}>{message}</p>
          ))}
          <button type="button" onClick={images.dismissErrors}>
            {t('upload.dismiss')}
          </button>
        </div>
      )}
    </>
  )
}

/** The flipchart page buttons, for the canvas's frames in page order. */
function Pages(props: {
  objects: readonly BoardObject[]
  viewport: Viewport
  size: Size
  setViewport: (v: Viewport) => void
}) {
  const { objects, viewport, size } = props
  const pages = useMemo<FramePage[]>(
    () =>
      framesInOrder(objects).map((f) => ({
        id: f.id,
        title: f.kind === 'frame' ? f.props.title : '',
        bounds: boundsOf(f),
      })),
    [objects],
  )
  const c = viewCenter(viewport, size)
  const inside = (p: FramePage) =>
    c.x >= p.bounds.x && c.x <= p.bounds.x + p.bounds.w && c.y >= p.bounds.y && c.y <= p.bounds.y + p.bounds.h
  // nested frames: the smallest one holding the middle of the view is the page in view
  const holding = pages.filter(inside).sort((a, b) => a.bounds.w * a.bounds.h - b.bounds.w * b.bounds.h)[0]
  const current = holding ? pages.indexOf(holding) : -1
  const go = (page: FramePage) => {
    const { x, y, w, h } = page.bounds
    props.setViewport(fitRects([{ x, y: y - TITLE_ROOM, w, h: h + TITLE_ROOM }], size))
  }
  return <FrameNav pages={pages} current={current} onGo={go} />
}
