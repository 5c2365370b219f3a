import { ApiError } from '../api'
import { i18n } from '../i18n'

/** The message shown for a failed upload of the file called `name`. */
export function uploadErrorMessage(error: unknown, name: string): string {
  const t = i18n.t
  if (!(error instanceof ApiError)) return t('board:upload.other', { name })
  const reason = error.message ? ` ${t('board:upload.reason', { why: error.message })}` : ''
  switch (error.status) {
    case 0:
      return t('board:upload.offline', { name })
    case 415:
      return t('board:upload.wrongType', { name }) + reason
    case 413:
      return t('board:upload.tooLarge', { name }) + reason
    case 400:
      return t('board:upload.damaged', { name }) + reason
    case 403:
      return t('board:upload.viewer')
    case 429:
      return t('board:upload.tooMany')
    default:
      return t('board:upload.other', { name }) + reason
  }
}
