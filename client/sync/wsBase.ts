/** The relay's base URL on the page's own origin (same host and port as the HTTP API). */
export function wsBase(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${loc.host}/ws`
}
