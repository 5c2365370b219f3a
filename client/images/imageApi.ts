import { ApiError, refusalMessage } from '../api'
import type { IMAGE_TYPES } from '../../shared/schema/kinds'
import { i18n } from '../i18n'
import { credentials } from '../sync/personToken'

/** The session an image belongs to, and the link's key that lets this person read and add them. */
export interface ImageSession {
  readonly id: string
  readonly key: string
}

export interface UploadedImage {
  readonly src: string
  readonly mime: (typeof IMAGE_TYPES)[number]
  readonly width: number
  readonly height: number
}

/** The server's limit; checked here too so a huge file is refused before it is sent. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

const base = (s: ImageSession) => `/api/sessions/${encodeURIComponent(s.id)}/images`

/** The address of an image's bytes (a display-sized copy of huge ones). */
export const imageUrl = (s: ImageSession, src: string): string =>
  `${base(s)}/${encodeURIComponent(src)}?${credentials(s.id, s.key)}&display=1`

/** Sends a file's bytes as they are; the server checks what they really are. */
export async function uploadImage(s: ImageSession, file: Blob): Promise<UploadedImage> {
  if (file.size > MAX_IMAGE_BYTES) throw new ApiError(413, '') // the message for 413 already gives the limit
  let response: Response
  try {
    response = await fetch(`${base(s)}?${credentials(s.id, s.key)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json' },
      body: file,
    })
  } catch {
    throw new ApiError(0, i18n.t('common:api.unreachable'))
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    throw new ApiError(response.status, refusalMessage(body, response.status))
  }
  return body as UploadedImage
}
