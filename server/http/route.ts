import type { IncomingMessage, ServerResponse } from 'node:http'
import { SESSION_ID_PATTERN } from '../../shared/rooms'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { Relay } from '../relay/relay'
import { authorize, type Caller } from '../sessions/service'
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

/**
 * The session, role and person for the request's `token` (which wins) or `key`; 404 or 403
 * otherwise. Someone still waiting to be admitted is refused unless `waiting` allows them.
 */
export async function access(
  deps: ApiDeps,
  match: RegExpMatchArray,
  url: URL,
  waiting: 'refuse' | 'allow' = 'refuse',
): Promise<Caller> {
  const caller = await authorize(
    deps.storage,
    sessionIdOf(match),
    url.searchParams.get('key'),
    url.searchParams.get('token'),
  )
  if (waiting === 'refuse' && caller.person?.status === 'waiting')
    throw new HttpError(403, 'waiting to be admitted')
  return caller
}

/** Who did what a facilitator did: their person id, or 'key' for the facilitator key without a token. */
export const actorOf = (caller: Caller): string => caller.person?.id ?? 'key'

/** The caller, if a facilitator (by token or key); 403 saying what only they may do otherwise. */
export async function facilitatorCaller(
  deps: ApiDeps,
  match: RegExpMatchArray,
  url: URL,
  what: string,
): Promise<Caller> {
  const caller = await access(deps, match, url)
  if (caller.role !== 'facilitator') throw new HttpError(403, `only the facilitator can ${what}`)
  return caller
}

/** The session, if the request's token or key is a facilitator's; 403 saying what only they may do otherwise. */
export async function asFacilitator(
  deps: ApiDeps,
  match: RegExpMatchArray,
  url: URL,
  what: string,
): Promise<SessionRecord> {
  return (await facilitatorCaller(deps, match, url, what)).session
}
