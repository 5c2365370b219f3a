import { useId, useRef } from 'react'
import './export.css'
import { useModal } from './PdfExportDialog'

const STRINGS = {
  title: 'Cook book',
  intro: (n: number) =>
    `The ${n === 1 ? 'recipe' : `${n} recipes`} shared for the cook book, each credited as its authors chose, with contents and an index of contributors. Cards whose authors said no to sharing, and hidden cards, are left out.`,
  html: 'Web page (HTML)',
  htmlHint: 'Opens in any browser; print it for one recipe per page.',
  pdf: 'PDF',
  cancel: 'Cancel',
}

export type CookbookFormat = 'html' | 'pdf'

/** Which cook book to make: a printable web page, or a PDF. */
export function CookbookDialog(props: {
  recipeCount: number
  onChoose: (format: CookbookFormat) => void
  onCancel: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const introId = useId()
  useModal(ref)
  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id={titleId}>{STRINGS.title}</h2>
      <p id={introId}>{STRINGS.intro(props.recipeCount)}</p>
      <p className="hint">{STRINGS.htmlHint}</p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {STRINGS.cancel}
        </button>
        <button type="button" onClick={() => props.onChoose('pdf')}>
          {STRINGS.pdf}
        </button>
        <button type="button" className="primary" onClick={() => props.onChoose('html')}>
          {STRINGS.html}
        </button>
      </div>
    </dialog>
  )
}
