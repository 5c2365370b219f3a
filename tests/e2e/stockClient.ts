import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * A stock y-websocket client on a session's board, in the test process: reads the board's document
 * and presence raw, as anyone with the link could (with a token: a person the server knows).
 */
export function stockClient(baseURL: string, link: string, token?: string) {
  const url = new URL(link, baseURL)
  const id = url.pathname.split('/').pop()!
  const key = url.searchParams.get('key')!
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${baseURL.replace('http', 'ws')}/ws`, id, doc, {
    params: { key, ...(token ? { token } : {}) },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return { doc, provider, id, key }
}
