/**
 * The per-address limits out of reach, as environment variables for a server started as a process
 * (Playwright's web server, child servers, benchmark servers): every client of a test comes from
 * 127.0.0.1. In-process test servers get the same through GENEROUS_GUARD (server.ts).
 */
export const GENEROUS_GUARD_ENV: Readonly<Record<string, string>> = {
  LIMIT_SESSIONS: '100000/1s',
  LIMIT_IMPORTS: '100000/1s',
  LIMIT_JOINS: '100000/1s',
  LIMIT_JOINS_PER_SESSION: '100000/1s',
  MAX_SOCKETS_PER_ADDRESS: '1000000',
  MAX_REQUESTS_PER_ADDRESS: '1000000',
}
