import { ApiError } from '../api'

/** What went wrong with an upload, in plain words, with the server's own reason after it. */
export const UPLOAD_STRINGS = {
  wrongType: (name: string) =>
    `“${name}” is not a picture the board can show. Use a PNG, JPEG, WebP or GIF image.`,
  tooLarge: (name: string) => `“${name}” is too large. Pictures can be up to 10 MB.`,
  damaged: (name: string) => `“${name}” looks damaged or incomplete, so it could not be read.`,
  viewer: 'This link is view only, so it cannot add pictures.',
  tooMany: 'Too many pictures at once. Wait a minute, then try again.',
  offline: (name: string) =>
    `“${name}” could not be sent: the server could not be reached. Check your connection.`,
  other: (name: string) => `“${name}” could not be added.`,
  reason: (why: string) => `(Server: ${why})`,
  uploading: (n: number) => (n === 1 ? 'Uploading a picture…' : `Uploading ${n} pictures…`),
  dismiss: 'Dismiss',
}

/** The message shown for a failed upload of the file called `name`. */
export function uploadErrorMessage(error: unknown, name: string): string {
  const s = UPLOAD_STRINGS
  if (!(error instanceof ApiError)) return s.other(name)
  const reason = error.message ? ` ${s.reason(error.message)}` : ''
  switch (error.status) {
    case 0:
      return s.offline(name)
    case 415:
      return s.wrongType(name) + reason
    case 413:
      return s.tooLarge(name) + reason
    case 400:
      return s.damaged(name) + reason
    case 403:
      return s.viewer
    case 429:
      return s.tooMany
    default:
      return s.other(name) + reason
  }
}
