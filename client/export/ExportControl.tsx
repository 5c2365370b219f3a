import { useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { readSnapshot, REMOVED_AUTHOR, type SessionSnapshot } from '../../shared/export/snapshot'
import type { Role } from '../../shared/rooms'
import { readRemoved, type CanvasInfo } from '../../shared/schema/controlDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { imageUrl } from '../images/imageApi'
import { CookbookDialog, type CookbookFormat } from '../panels/CookbookDialog'
import { ExportMenu, type ExportFormat } from '../panels/ExportMenu'
import { ExportProgress } from '../panels/ExportProgress'
import { InsightReportDialog, type InsightFormat } from '../panels/InsightReportDialog'
import { PdfExportDialog } from '../panels/PdfExportDialog'
import { buildCookbook } from './cookbook'
import { fetchExport, fileName, saveBlob } from './download'
import { ExportJobs } from './exportJob'
import { offersCookbook, selectedFrame } from './exportObjects'
import { i18n } from '../i18n'
import { useDocValue } from '../state'

export interface ExportControlProps {
  readonly session: { readonly id: string; readonly key: string; readonly role: Role }
  readonly title: string
  readonly template: string
  /** The board and control rooms' documents: exports read a fresh snapshot of them when they start. */
  readonly board: Y.Doc
  readonly control: Y.Doc
  readonly canvases: readonly CanvasInfo[]
  readonly current: CanvasInfo
  /** The current canvas's objects and this person's selection (a selected frame exports alone). */
  readonly objects: readonly BoardObject[]
  readonly selection: ReadonlySet<string>
}

/** The header's Export menu, for facilitators only (the server refuses exports to anyone else). */
export function ExportControl(props: ExportControlProps) {
  return props.session.role === 'facilitator' ? <FacilitatorExport {...props} /> : null
}

type Dialog = { kind: 'pdf' } | { kind: 'report' } | { kind: 'cookbook'; count: number } | null

function FacilitatorExport(props: ExportControlProps) {
  const jobs = useMemo(() => new ExportJobs(), [])
  const status = useSyncExternalStore(jobs.subscribe, jobs.getSnapshot)
  const [framesChoice, setFramesChoice] = useState<boolean | null>(null)
  const [dialog, setDialog] = useState<Dialog>(null)
  // Removed people stay unnamed in exports unless the facilitator chooses (offered once someone was removed).
  const [includeRemoved, setIncludeRemoved] = useState(false)
  const someoneRemoved = useDocValue(props.control, countRemoved) > 0
  // A flipchart's frames are its pages; elsewhere frames are themes, exported as one picture.
  const framesAsPages = framesChoice ?? props.template === 'flipchart'
  const run = useExportRuns(props, jobs, someoneRemoved && includeRemoved)

  const choose = (format: ExportFormat) => {
    if (format === 'png') run.png(framesAsPages)
    else if (format === 'pdf') setDialog({ kind: 'pdf' })
    else if (format === 'report') setDialog({ kind: 'report' })
    else if (format === 'cookbook') {
      const count = buildCookbook(run.snapshot()).recipes.length
      // with nothing to put in it, the export itself says why (and no dialog stands in the way)
      if (count === 0) run.cookbook('html')
      else setDialog({ kind: 'cookbook', count })
    } else run.server(format)
  }
  const pdf = (ids: readonly string[], frames: boolean) => {
    setDialog(null)
    setFramesChoice(frames)
    run.pdf(ids, frames)
  }
  const report = (format: InsightFormat) => {
    setDialog(null)
    run.report(format)
  }
  const cookbook = (format: CookbookFormat) => {
    setDialog(null)
    run.cookbook(format)
  }

  const hasFrames = props.objects.some((o) => o.kind === 'frame')
  return (
    <>
      <ExportMenu
        cookbook={offersCookbook(props.template, props.objects)}
        framesAsPages={
          hasFrames ? { checked: framesAsPages, onToggle: () => setFramesChoice(!framesAsPages) } : null
        }
        nameRemoved={
          someoneRemoved
            ? { checked: includeRemoved, onToggle: () => setIncludeRemoved(!includeRemoved) }
            : null
        }
        busy={status.status === 'running'}
        onChoose={choose}
      />
      <ExportProgress state={status} onCancel={jobs.cancel} onDismiss={jobs.dismiss} />
      {dialog?.kind === 'pdf' && (
        <PdfExportDialog
          canvases={props.canvases}
          framesAsPages={framesAsPages}
          onConfirm={pdf}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'report' && (
        <InsightReportDialog onChoose={report} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'cookbook' && (
        <CookbookDialog recipeCount={dialog.count} onChoose={cookbook} onCancel={() => setDialog(null)} />
      )}
    </>
  )
}

/**
 * Each export as a job: it reads a fresh snapshot when it starts, loads its code (jsPDF, the
 * renderer, the zip writer) only when first used, and hands the file to the browser to save.
 */
function useExportRuns(props: ExportControlProps, jobs: ExportJobs, includeRemoved: boolean) {
  const { session, title, current } = props
  // The job's name in messages ("PNG export cancelled"), as the Export menu words the format.
  const label = (format: ExportFormat) =>
    format === 'report' ? i18n.t('report:label') : i18n.t(`panels:exportMenu.items.${format}`)
  const { id, key } = session
  const imageSource = useMemo(() => (src: string) => imageUrl({ id, key }, src), [id, key])
  const snapshot = () =>
    unnamedInLanguage(readSnapshot(props.board, props.control, undefined, { includeRemoved }))
  const save = ({ blob, name }: { blob: Blob; name: string }): string => {
    saveBlob(blob, name)
    return i18n.t('export:saved', { name })
  }
  return {
    snapshot,
    png: (framesAsPages: boolean) =>
      void jobs.run(label('png'), async ({ signal, progress }) => {
        const { pngExport } = await import('./pngExport')
        const frameId = selectedFrame(props.objects, props.selection)
        const input = { snapshot: snapshot(), sessionTitle: title, canvas: current, frameId, framesAsPages }
        return save(await pngExport({ ...input, imageSource, signal, progress }))
      }),
    pdf: (ids: readonly string[], framesAsPages: boolean) =>
      void jobs.run(label('pdf'), async ({ signal, progress }) => {
        const { reportPdf } = await import('./reportPdf')
        const canvases = props.canvases.filter((c) => ids.includes(c.id))
        const input = { snapshot: snapshot(), canvases, framesAsPages, imageSource, date: new Date() }
        const blob = await reportPdf({ ...input, signal, progress })
        return save({ blob, name: fileName([title], 'pdf') })
      }),
    report: (format: InsightFormat) =>
      void jobs.run(label('report'), async ({ signal, progress }) => {
        const { insightExport } = await import('./insightExport')
        // the snapshot as read: the report words removed people itself, in the reader's language
        const fresh = readSnapshot(props.board, props.control, undefined, { includeRemoved })
        return save(await insightExport({ snapshot: fresh, format, imageSource, signal, progress }))
      }),
    cookbook: (format: CookbookFormat) =>
      void jobs.run(label('cookbook'), async ({ signal, progress }) => {
        const { cookbookExport } = await import('./cookbookExport')
        return save(await cookbookExport(snapshot(), format, signal, progress))
      }),
    server: (format: 'md' | 'csv' | 'json') =>
      void jobs.run(label(format), async ({ signal }) => {
        const blob = await fetchExport(session, format, signal, includeRemoved)
        return save({ blob, name: fileName([title], format) })
      }),
  }
}

const countRemoved = (control: Y.Doc): number => readRemoved(control).size

/** The snapshot names removed people in English ("Removed person"); the page says it in the reader's language. */
function unnamedInLanguage(snapshot: SessionSnapshot): SessionSnapshot {
  const words = i18n.t('export:removedPerson')
  if (words === REMOVED_AUTHOR) return snapshot
  const objects = snapshot.objects.map((o) => (o.author === REMOVED_AUTHOR ? { ...o, author: words } : o))
  return { ...snapshot, objects }
}
