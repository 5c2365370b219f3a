import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MaterialItem } from '../../shared/material/types'
import type { ImportedMaterial } from '../../shared/ops/material'
import type { BoardModel } from '../state'

// The dialog and its parsers load the first time a facilitator opens it.
const ImportMaterialDialog = lazy(() =>
  import('../panels/ImportMaterialDialog').then((m) => ({ default: m.ImportMaterialDialog })),
)

/**
 * The facilitator's Import material button and dialog. The import is one command (one transaction,
 * one Undo step of its own); afterwards the board shows the new frame on its canvas.
 */
export function ImportMaterial(props: {
  model: BoardModel
  canvases: readonly { readonly id: string; readonly name: string }[]
  current: string
  onImported: (imported: ImportedMaterial, canvas: string) => void
}) {
  const { t } = useTranslation('material')
  const [open, setOpen] = useState(false)
  const [said, setSaid] = useState('')
  const add = (items: readonly MaterialItem[], canvas: string, title: string) => {
    const { model } = props
    // its own Undo step: never merged with what this person did just before or does just after
    model.undo.stopCapturing()
    const imported = model.commands.importMaterial({ canvas, items, title })
    model.undo.stopCapturing()
    if (!imported) return
    setSaid(t('import.added', { count: imported.ids.length, frame: title }))
    props.onImported(imported, canvas)
  }
  if (props.model.readOnly) return null
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('import.open')}
      </button>
      {/* polite, but not a second `status`: the board's one status is its connection */}
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
      {open && (
        <Suspense fallback={null}>
          <ImportMaterialDialog
            canvases={props.canvases}
            current={props.current}
            onAdd={add}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  )
}
