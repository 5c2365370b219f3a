import { ApiError, refusalMessage } from '../api'
import { credentials } from '../sync/personToken'
import { i18n } from '../i18n'

/** A file name from a session title (and what the file holds): letters, digits, spaces and dashes. */
export function fileName(parts: readonly string[], ext: string): string {
  const base = parts
    .map((p) =>
      p
        .replace(/[^\p{L}\p{N} _-]+/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join(' - ')
    .slice(0, 80)
    .trim()
  return `${base || 'session'}.${ext}`
}

/** Hands a file to the browser to save, as if it came from a link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // some browsers read the address after click() returns; a minute is long enough for any of them
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The server's text exports, by the API's format names. */
export type ServerFormat = 'md' | 'csv' | 'json'

/** Fetches one of the server's exports (the server checks the facilitator key). */
export async function fetchExport(
  session: { id: string; key: string },
  format: ServerFormat,
  signal: AbortSignal,
  includeRemoved = false,
): Promise<Blob> {
  const url = `/api/sessions/${encodeURIComponent(session.id)}/export?format=${format}&${credentials(session.id, session.key)}${includeRemoved ? '&includeRemoved=1' : ''}`
  let response: Response
  try {
    response = await fetch(url, { signal })
  } catch (err) {
    if (signal.aborted) throw err
    throw new ApiError(0, i18n.t('common:api.unreachable'))
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null)
    throw new ApiError(response.status, refusalMessage(body, response.status))
  }
  return response.blob()
}
