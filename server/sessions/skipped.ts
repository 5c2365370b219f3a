import { describeSkipped, skippedTotal, type Skipped } from '../../shared/schema/skipped'
import type { Logger } from '../logger'

/**
 * Logs what one request's readers left out because they could not read it (an export, Reveal, End
 * voting, Save as template): one warning per request, by what, so a damaged or hostile document is
 * seen in the logs while the request itself succeeds. Nothing is logged when nothing was skipped.
 */
export function logSkipped(log: Logger, endpoint: string, session: string, skipped: Skipped): void {
  const total = skippedTotal(skipped)
  if (total === 0) return
  log.warn({ session, endpoint, skipped, total }, describeSkipped(skipped))
}
