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

/** Reads a raw request body of at most `limit` bytes; throws 413 past it. */
export async function readBytes(req: IncomingMessage, limit: number, what = 'the body'): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new HttpError(413, `${what} is larger than ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `${what} is larger than ${limit} bytes`)
    chunks.push(chunk)
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
