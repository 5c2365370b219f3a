import './material.css'
import { useDeferredValue, useId, useMemo, useRef, useState, type ChangeEvent } from 'react'
import { useModal } from './useModal'
import { useTranslation } from 'react-i18next'
import {
  MATERIAL_FORMATS,
  MATERIAL_MAX_BYTES,
  decodeMaterial,
  detectFormat,
  formatOfFile,
  parseMaterial,
  type MaterialError,
  type MaterialFormat,
  type MaterialItem,
} from '../../shared/material/parse'
import { i18n } from '../i18n'

export interface ImportMaterialDialogProps {
  readonly canvases: readonly { readonly id: string; readonly name: string }[]
  /** The canvas chosen at first (the one in view). */
  readonly current: string
  /** Adds the items in a new frame on the canvas; the dialog closes after. */
  readonly onAdd: (items: readonly MaterialItem[], canvas: string, title: string) => void
  readonly onClose: () => void
}

type FormatChoice = MaterialFormat | 'auto'

/** Sizes in KB or MB, as a person reads them. */
const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`

/** A list's problem in the reader's language: what is wrong, where, and what to do. */
export function materialErrorText(e: MaterialError): string {
  return i18n.t(`material:import.errors.${e.code}`, {
    line: e.line,
    count: e.count,
    max: e.max,
    value: e.value,
    size: e.count !== undefined ? size(e.count) : '',
    ...(e.code === 'too-big' ? { max: size(e.max ?? MATERIAL_MAX_BYTES) } : {}),
  })
}

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * Bringing a list in: paste it or choose a file, pick the canvas, and see every item it will add
 * (story cards and notes) before anything is added. A list with a problem says what and where, and
 * adds nothing. A native modal <dialog>.
 */
export function ImportMaterialDialog(props: ImportMaterialDialogProps) {
  const { t } = useTranslation('material')
  const ref = useRef<HTMLDialogElement>(null)
  const ids = {
    title: useId(),
    paste: useId(),
    file: useId(),
    format: useId(),
    canvas: useId(),
    frame: useId(),
  }
  const previewId = useId()
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [choice, setChoice] = useState<FormatChoice>('auto')
  const [canvas, setCanvas] = useState(props.current)
  const [frameTitle, setFrameTitle] = useState<string | null>(null)
  const deferred = useDeferredValue(text)

  useModal(ref)

  const hint = fileName ? formatOfFile(fileName) : null
  const detected = useMemo(() => detectFormat(deferred.slice(0, 20_000), hint), [deferred, hint])
  const format = choice === 'auto' ? detected : choice
  const result = useMemo(
    () => (deferred.trim() === '' ? null : parseMaterial(deferred, format)),
    [deferred, format],
  )
  const items = result?.ok ? result.items : []
  const title =
    frameTitle ??
    ((result?.ok ? result.title : '') || fileName?.replace(/\.[^.]+$/, '') || t('import.defaultFrameTitle'))
  const canvasName = props.canvases.find((c) => c.id === canvas)?.name ?? ''
  const stories = items.filter((i) => i.kind === 'story').length

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = '' // the same file chosen again is read again
    if (!file) return
    setFileError(null)
    if (formatOfFile(file.name) === null) return setFileError(t('import.fileType', { name: file.name }))
    if (file.size > MATERIAL_MAX_BYTES * 2)
      return setFileError(t('import.fileTooBig', { size: size(file.size), max: size(MATERIAL_MAX_BYTES) }))
    const decoded = decodeMaterial(new Uint8Array(await file.arrayBuffer()))
    if (!decoded.ok) return setFileError(materialErrorText(decoded.error))
    setFileName(file.name)
    setText(decoded.text)
  }

  const add = () => {
    if (!result?.ok || items.length === 0) return
    props.onAdd(items, canvas, title.trim() || t('import.defaultFrameTitle'))
    props.onClose()
  }

  return (
    <dialog
      ref={ref}
      className="alt-dialog import-dialog"
      aria-labelledby={ids.title}
      onCancel={(e) => {
        e.preventDefault()
        props.onClose()
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <h2 id={ids.title}>{t('import.title')}</h2>
        <p className="hint">{t('import.intro')}</p>
        <label htmlFor={ids.paste}>{t('import.paste')}</label>
        <textarea
          id={ids.paste}
          rows={7}
          value={text}
          placeholder={t('import.pastePlaceholder')}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value)
            if (e.target.value === '') setFileName(null)
          }}
        />
        <div className="import-row">
          <label htmlFor={ids.file}>{t('import.file')}</label>
          <input
            id={ids.file}
            type="file"
            accept=".txt,.md,.markdown,.csv,.tsv,text/plain,text/markdown,text/csv"
            onChange={(e) => void onFile(e)}
          />
          {fileName && <span className="hint">{t('import.fileChosen', { name: fileName })}</span>}
        </div>
        {fileError && (
          <p className="form-error" role="alert">
            {fileError}
          </p>
        )}
        <div className="import-row">
          <label htmlFor={ids.format}>{t('import.format')}</label>
          <select id={ids.format} value={choice} onChange={(e) => setChoice(e.target.value as FormatChoice)}>
            <option value="auto">
              {t('import.formats.auto', { format: t(`import.formats.${detected}`) })}
            </option>
            {MATERIAL_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`import.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="import-row">
          <label htmlFor={ids.canvas}>{t('import.canvas')}</label>
          <select id={ids.canvas} value={canvas} onChange={(e) => setCanvas(e.target.value)}>
            {props.canvases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={ids.frame}>{t('import.frameTitle')}</label>
        <input
          id={ids.frame}
          type="text"
          maxLength={200}
          value={title}
          onChange={(e) => setFrameTitle(e.target.value)}
        />
        <section className="import-preview" aria-labelledby={previewId}>
          <h3 id={previewId}>{t('import.preview')}</h3>
          {!result && <p className="hint">{t('import.previewEmpty')}</p>}
          {result && !result.ok && (
            <p className="form-error" role="alert">
              {materialErrorText(result.error)}
            </p>
          )}
          {result?.ok && (
            <>
              <p role="status">
                {t('import.previewSummary', {
                  stories: t('import.stories', { count: stories }),
                  notes: t('import.notes', { count: items.length - stories }),
                  canvas: canvasName,
                })}
                {result.unusedColumns.length > 0 &&
                  ` ${t('import.unusedColumns', { columns: result.unusedColumns.join(', ') })}`}
              </p>
              {/* focusable: a keyboard can scroll a long preview (it holds nothing else to focus) */}
              <ol className="import-items" tabIndex={0} aria-labelledby={previewId}>
                {items.map((item, i) => (
                  <li key={i} lang={item.lang || undefined}>
                    {item.kind === 'story'
                      ? t('import.storyItem', { title: clip(item.title, 60) })
                      : t('import.noteItem', { text: clip(item.text) })}
                    {item.contentNote && <em> · {t('contentNote.prefix', { note: item.contentNote })}</em>}
                    <span className="hint"> · {t('import.line', { line: item.line })}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!result?.ok}>
            {t('import.add', { count: items.length })}
          </button>
        </div>
      </form>
    </dialog>
  )
}
