import { useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { EXPORT_FORMAT } from '../../shared/export/format'
import { LIMITS } from '../../shared/schema/limits'
import { ApiError, importSession, type CreatedSession } from '../api'

/** Megabytes with at most one decimal: "64", "0.3". */
const megabytes = (bytes: number): string => String(Math.round((bytes / (1024 * 1024)) * 10) / 10 || 0.1)

/**
 * "Import session": a JSON export chosen from this device becomes a new session. What can be told
 * before uploading is (too big, not JSON, not an export), so nothing is sent in vain.
 */
export function ImportSession({ onImported }: { onImported: (session: CreatedSession) => void }) {
  const { t } = useTranslation('pages')
  const id = useId()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const mb = (bytes: number) => t('import.megabytes', { size: megabytes(bytes) })

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target
    const file = input.files?.[0]
    if (!file) return
    setError(null)
    const read = await readExport(file)
    // the same file can be chosen again after a failure (the input fires only on a change)
    input.value = ''
    if ('problem' in read) return setError(read.problem)
    setBusy(file.name)
    try {
      onImported(await importSession(read.text))
    } catch (err) {
      const reason = err instanceof ApiError ? err.message : String(err)
      setError(t('import.failed', { file: file.name, reason }))
    } finally {
      setBusy(null)
    }
  }

  /** The file's text when it looks like an export, or what is wrong with it, in words. */
  const readExport = async (file: File): Promise<{ text: string } | { problem: string }> => {
    const names = { file: file.name, size: mb(file.size), max: mb(LIMITS.importMax) }
    if (file.size > LIMITS.importMax) return { problem: t('import.tooBig', names) }
    let text: string
    let parsed: unknown
    try {
      text = await file.text()
    } catch (err) {
      return { problem: t('import.unreadable', { ...names, reason: String(err) }) }
    }
    try {
      parsed = JSON.parse(text)
    } catch {
      return { problem: t('import.notJson', names) }
    }
    const format = parsed && typeof parsed === 'object' && 'format' in parsed ? parsed.format : null
    return format === EXPORT_FORMAT ? { text } : { problem: t('import.notExport', names) }
  }

  return (
    <section className="card import-session" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('import.heading')}</h2>
      <label htmlFor={id}>{t('import.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('import.hint', { max: mb(LIMITS.importMax) })}
      </p>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-hint`}
        disabled={busy !== null}
        onChange={(e) => void choose(e)}
      />
      <p role="status" className="muted">
        {busy !== null ? t('import.importing', { file: busy }) : ''}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
