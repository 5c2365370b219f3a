import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import WebSocket from 'ws'
import { createOrigin } from '../../shared/ops/origin'
import { setAdmitPeople } from '../../shared/ops/session'
import { controlRoom } from '../../shared/rooms'
import { isAdmitOn } from '../../shared/schema/controlDoc'
import { createApp, type App } from '../../server/app'
import { createLogger, type Logger } from '../../server/logger'
import { openSqliteStorage } from '../../server/storage/sqlite'
import type { Storage } from '../../server/storage/types'
import { createFileImageStore } from '../../server/uploads/imageStore'
import { createFileTemplateStore } from '../../server/templates/templateStore'
import type { ConnectionLimits } from '../../server/relay/connection'
import type { UploadLimits } from '../../server/uploads/uploadLimits'
import type { GuardLimits } from '../../server/guard/guard'

/**
 * Limits per address for test servers: every suite's clients come from 127.0.0.1 and create
 * sessions and sockets by the hundred, so the rates and counts are out of reach (the timeouts stay
 * the defaults). Tests of the limits pass their own.
 */
export const GENEROUS_GUARD: Partial<GuardLimits> = {
  sessions: { count: 1_000_000, perSeconds: 1 },
  imports: { count: 1_000_000, perSeconds: 1 },
  joins: { count: 1_000_000, perSeconds: 1 },
  joinsPerSession: { count: 1_000_000, perSeconds: 1 },
  socketsPerAddress: 1_000_000,
  requestsPerAddress: 1_000_000,
}

export interface TestServer {
  readonly app: App
  readonly storage: Storage
  readonly dataDir: string
  readonly http: string
  readonly ws: string
  /** Closes the server and its storage (keeps the data folder). */
  stop(): Promise<void>
  /** Closes everything and removes the data folder. */
  close(): Promise<void>
}

export interface TestServerOptions {
  readonly dataDir?: string
  readonly compactAfterRows?: number
  readonly limits?: Partial<ConnectionLimits>
  readonly uploadLimits?: UploadLimits
  /** Limits per address, over GENEROUS_GUARD. */
  readonly guard?: Partial<GuardLimits>
  /** The clock the per-address rate budgets refill by (a test moves it by hand). */
  readonly clock?: () => number
  /** The operator's admin token. */
  readonly adminToken?: string
  /** The server's logger (to read what it logs); silent, or TEST_LOG_LEVEL, without. */
  readonly log?: Logger
}

/** Starts a real server on port 0 with a temporary DATA_DIR (or the given one). */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wb-test-'))
  const storage = openSqliteStorage(dataDir)
  const app = createApp({
    storage,
    images: createFileImageStore(dataDir),
    templates: createFileTemplateStore(dataDir),
    log: options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clientDir: join(dataDir, 'no-client'),
    defaultMetrics: false,
    compactAfterRows: options.compactAfterRows,
    limits: options.limits,
    uploadLimits: options.uploadLimits,
    guard: { ...GENEROUS_GUARD, ...options.guard },
    clock: options.clock,
    adminToken: options.adminToken,
  })
  const { port } = await app.listen(0, '127.0.0.1')
  let stopped = false
  const stop = async (): Promise<void> => {
    if (stopped) return
    stopped = true
    await app.close()
    storage.close()
  }
  return {
    app,
    storage,
    dataDir,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws`,
    stop,
    close: async () => {
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface CreatedSession {
  readonly id: string
  readonly keys: { facilitator: string; participant: string; viewer: string }
}

/** POST /api/sessions with any body (good or bad): the raw answer. */
export const postSession = (http: string, body: unknown): Promise<Response> =>
  fetch(`${http}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** The key a session link carries. */
export const keyOf = (link: string | undefined): string =>
  new URL(link ?? '', 'http://x').searchParams.get('key') ?? ''

/**
 * Creates a session through the HTTP API and returns its id and keys. Admit people (on in the
 * sense-making template) is turned off unless `admit`: tests about anything else let participants
 * straight in, as they did before the lobby.
 */
export async function createSession(
  http: string,
  template = 'sense-making',
  title = 'Test session',
  { admit = false }: { admit?: boolean } = {},
): Promise<CreatedSession> {
  const res = await postSession(http, { template, title, ...(admit ? {} : { admit: false }) })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { id: string; links: Record<string, string> }
  return {
    id: body.id,
    keys: {
      facilitator: keyOf(body.links.facilitator),
      participant: keyOf(body.links.participant),
      viewer: keyOf(body.links.viewer),
    },
  }
}

/** Turns a session's Admit people on or off as its facilitator, and resolves once the server has it. */
export async function setAdmit(wsBase: string, s: CreatedSession, admit: boolean): Promise<void> {
  const fac = connect(wsBase, controlRoom(s.id), s.keys.facilitator)
  try {
    await synced(fac)
    if (isAdmitOn(fac.doc) === admit) return
    setAdmitPeople(fac.doc, admit, createOrigin('test-facilitator', 'Facilitator'))
    // stored once a new connection reads it
    for (let i = 0; i < 100; i++) {
      const check = connect(wsBase, controlRoom(s.id), s.keys.facilitator)
      await synced(check)
      const done = isAdmitOn(check.doc) === admit
      check.destroy()
      if (done) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('the server did not take Admit people')
  } finally {
    fac.destroy()
  }
}

/** What POST /join answers someone with a facilitator or participant key. */
export interface Joined {
  readonly token: string
  readonly person: string
  readonly role: 'facilitator' | 'participant'
  readonly status: 'waiting' | 'admitted'
}

/** POST /api/sessions/<id>/join with any body: the raw answer. */
export const postJoin = (http: string, id: string, key: string, body: unknown): Promise<Response> =>
  fetch(`${http}/api/sessions/${id}/join?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** Joins a session with a key and a name; the person token the server issued. */
export async function joinSession(
  http: string,
  id: string,
  key: string,
  name: string,
  answer?: 'agree' | 'discuss',
): Promise<Joined> {
  const res = await postJoin(http, id, key, { name, ...(answer ? { answer } : {}) })
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as Joined
}

export interface Client {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  destroy(): void
}

/** Connects the stock y-websocket client to a room. */
export function connect(
  wsBase: string,
  room: string,
  key: string,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
): Client {
  const provider = new WebsocketProvider(wsBase, room, doc, {
    params: { key, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves when the provider has synced with the server. */
export function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const on = (isSynced: boolean): void => {
      if (!isSynced) return
      client.provider.off('sync', on)
      resolve()
    }
    client.provider.on('sync', on)
  })
}
