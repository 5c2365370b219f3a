import type { IncomingMessage, ServerResponse } from 'node:http'

/** An error with the HTTP status and the message the client should read. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Further response headers (a 429's Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

/** Sends a JSON body with the given status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

/** Sends `{"error": message}`. */
export const sendError = (
  res: ServerResponse,
  status: number,
  message: string,
  headers?: Readonly<Record<string, string>>,
): void => sendJson(res, status, { error: message }, headers)

/** How long a request body may pause, per request (the app sets it from its limits). */
const bodyIdle = new WeakMap<IncomingMessage, number>()
const DEFAULT_BODY_IDLE_MS = 30_000

/** Sets how long the request's body may pause before it is refused with 408. */
export const setBodyIdleTimeout = (req: IncomingMessage, ms: number): void => void bodyIdle.set(req, ms)

/**
 * Reads a raw request body of at most `limit` bytes as it arrives; throws 413 as soon as it is
 * past the limit, 408 if it pauses too long. Both close the connection after the answer, so the
 * rest of a large body is never read.
 */
export async function readBytes(req: IncomingMessage, limit: number, what = 'the body'): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `${what} is larger than ${limit} bytes`, { connection: 'close' })
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge()
  const idleMs = bodyIdle.get(req) ?? DEFAULT_BODY_IDLE_MS
  const chunks: Buffer[] = []
  let size = 0
  const it = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  for (;;) {
    let timer: NodeJS.Timeout | undefined
    const idle = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new HttpError(408, `${what} stopped arriving for ${Math.round(idleMs / 1000)} s`, {
              connection: 'close',
            }),
          ),
        idleMs,
      )
    })
    const next = await Promise.race([it.next(), idle]).finally(() => clearTimeout(timer))
    if (next.done) break
    size += next.value.length
    if (size > limit) throw tooLarge()
    chunks.push(next.value)
  }
  return Buffer.concat(chunks)
}

/** Reads a JSON request body of at most `limit` bytes; throws an HttpError for anything else. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(415, 'the body must be JSON (content-type: application/json)')
  const text = (await readBytes(req, limit)).toString('utf8')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'the body is not valid JSON')
  }
}
