import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Role } from '../../shared/rooms'
import { SESSION_ID_PATTERN } from '../../shared/rooms'
import type { Guard } from '../guard/guard'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { Relay } from '../relay/relay'
import { authorize } from '../sessions/service'
import type { SessionRecord, Storage } from '../storage/types'
import type { ImageStore } from '../uploads/imageStore'
import type { TemplateStore } from '../templates/templateStore'
import type { UploadLimits } from '../uploads/uploadLimits'
import { HttpError } from './respond'

export interface ApiDeps {
  readonly storage: Storage
  readonly images: ImageStore
  readonly templates: TemplateStore
  readonly relay: Relay
  readonly metrics: Metrics
  readonly log: Logger
  readonly isReady: () => boolean
  /** Upload rate limits; the defaults of uploads/uploadLimits.ts without. */
  readonly uploadLimits?: UploadLimits
  /** Limits per client address. */
  readonly guard: Guard
  /** The operator's token for admin requests; they are refused without one. */
  readonly adminToken?: string | undefined
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  match: RegExpMatchArray,
) => Promise<void>

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly pattern: RegExp
  readonly handle: Handler
}

/** The session id captured first by a route's pattern; 404 when it cannot be one. */
export function sessionIdOf(match: RegExpMatchArray): string {
  const id = match[1] ?? ''
  if (!SESSION_ID_PATTERN.test(id)) throw new HttpError(404, 'no such session')
  return id
}

/** The session and role for the request's `key`; 404 or 403 otherwise. */
export const access = (
  deps: ApiDeps,
  match: RegExpMatchArray,
  url: URL,
): Promise<{ session: SessionRecord; role: Role }> =>
  authorize(deps.storage, sessionIdOf(match), url.searchParams.get('key'))

/** The session, if the request's key is the facilitator's; 403 saying what only they may do otherwise. */
export async function asFacilitator(
  deps: ApiDeps,
  match: RegExpMatchArray,
  url: URL,
  what: string,
): Promise<SessionRecord> {
  const { session, role } = await access(deps, match, url)
  if (role !== 'facilitator') throw new HttpError(403, `only the facilitator can ${what}`)
  return session
}
