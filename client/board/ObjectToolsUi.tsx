import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { BoardObject } from '../../shared/schema/kinds'
import { FrameNav } from '../canvas/FrameNav'
import { ToolOptionsBar } from '../canvas/tools/ToolOptions'
import type { Size, Viewport } from '../canvas/viewport'
import { imageUrl } from '../images/imageApi'
import { AltTextDialog } from '../panels/AltTextDialog'
import type { BoardModel } from '../state'
import { RecipeSidePanel } from './RecipeSidePanel'
import { StorySidePanel } from './StorySidePanel'
import { SelectionActions, type SelectionExtras } from './SelectionActions'
import type { BoardUi } from './useBoardUi'
import type { BoardSession, ObjectTools } from './useObjectTools'
import { useTranslation } from 'react-i18next'

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
          may={model.may}
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
      <FrameNav
        objects={objects}
        viewport={props.viewport}
        size={props.size}
        setViewport={props.setViewport}
      />
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
      {tools.recipeId && byId.get(tools.recipeId)?.kind === 'story' && (
        <StorySidePanel
          doc={props.doc}
          story={byId.get(tools.recipeId)}
          readOnly={model.readOnly}
          may={model.may}
          commands={model.commands}
          onClose={() => {
            tools.openRecipe(null)
            props.backToCanvas()
          }}
        />
      )}
      {tools.recipeId && (
        <RecipeSidePanel
          doc={props.doc}
          recipe={byId.get(tools.recipeId)}
          readOnly={model.readOnly}
          may={model.may}
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
