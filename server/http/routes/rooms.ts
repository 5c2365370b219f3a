import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { boardRoom } from '../../../shared/rooms'
import { SCHEMA_CLOSE, SCHEMA_PARAM, checkClientSchema } from '../../../shared/schema/handshake'
import { roomAccess } from '../../relay/roomAccess'
import { roomSnapshot } from '../../relay/snapshot'
import { acceptedEncodings } from '../precompress'
import { HttpError } from '../respond'
import { sessionIdOf, type ApiDeps, type Route } from '../route'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
/** Quick settings: the answer is made per request, and a board's update compresses well at any level. */
const BROTLI_QUALITY = 4
const GZIP_LEVEL = 6

/**
 * The board's document as one Yjs update, for a page to fetch while the person reads the join page:
 * compressed (a board's first sync is several times smaller than over the websocket), checked
 * exactly as opening the board's room would be (key or token, the lobby), and only for a page that
 * speaks this server's schema. The page then opens the room already holding the document, and its
 * first sync brings only what changed since.
 */
export const roomRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)\/board$/,
    handle: async (req, res, url, match) => {
      const id = sessionIdOf(match)
      const schema = url.searchParams.getAll(SCHEMA_PARAM)
      if (schema.length === 0)
        throw new HttpError(400, `${SCHEMA_PARAM} is required: the page's schema version`)
      const check = checkClientSchema(schema)
      if (!check.ok) throw new HttpError(check.code === SCHEMA_CLOSE.malformed ? 400 : 409, check.reason)
      const name = boardRoom(id)
      const info = { sessionId: id, kind: 'board' } as const
      await roomAccess(
        { sessions: deps.storage, relay: deps.relay },
        info,
        url.searchParams.get('key'),
        url.searchParams.get('token'),
      )
      const update = await roomSnapshot(deps.relay, name, info)
      const encoding = acceptedEncodings(req.headers['accept-encoding'])[0] ?? null
      const body =
        encoding === 'br'
          ? await brotli(update, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
          : encoding === 'gzip'
            ? await gzipAsync(update, { level: GZIP_LEVEL })
            : Buffer.from(update)
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': body.byteLength,
        // the address holds a key, and the board changes: never kept
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      })
      res.end(body)
    },
  },
]
