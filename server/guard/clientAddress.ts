import { isIPv6 } from 'node:net'
import type { IncomingMessage } from 'node:http'

/**
 * The address limits are counted against. IPv4 addresses as they are (an IPv4-mapped IPv6 address
 * as its IPv4 one); IPv6 addresses by their /64, since one home or phone gets a whole /64 and
 * could otherwise take a fresh address for every request.
 */
export function limitKeyOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

/** The eight groups of an IPv6 address, `::` filled in (a trailing IPv4 part is left as two groups). */
function expandIPv6(address: string): string[] {
  const clean = address.split('%')[0] ?? address
  const [head = '', tail = ''] = clean.split('::')
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'))
  const left = groups(head)
  const right = clean.includes('::') ? groups(tail) : []
  const fill = Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0')
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
}

/**
 * The client's address. Behind a reverse proxy (`trustProxy`) it is the last address in
 * X-Forwarded-For, the one the proxy itself added (earlier entries are whatever the client sent);
 * otherwise the socket's, so a client cannot claim another address.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socket = req.socket.remoteAddress ?? 'unknown'
  if (!trustProxy) return limitKeyOf(socket)
  const header = req.headers['x-forwarded-for']
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')
  const last = list.at(-1)?.trim()
  return limitKeyOf(last && last.length <= 64 ? last : socket)
}
