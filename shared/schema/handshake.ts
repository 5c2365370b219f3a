import { SCHEMA_VERSION } from './migrations'

/*
 * The version handshake: a tab joins a room with `?schema=<its SCHEMA_VERSION>` and the relay answers
 * a mismatch by opening the socket and closing it at once with one of these codes and a reason. All
 * are in the 4400–4499 range, after which y-websocket (stock or ours) stops reconnecting. Without
 * the parameter (the stock y-websocket client, scripts) a connection is let in and every update is
 * checked against this build's schema as always.
 */

/** The query parameter that carries the client's schema version. */
export const SCHEMA_PARAM = 'schema'

/** Close codes of the handshake. */
export const SCHEMA_CLOSE = {
  /** The tab is older than the server: reload the page (its unsent work is kept). */
  reload: 4426,
  /** The tab is newer than the server (a deploy under way, or rolled back): refused. */
  tooNew: 4406,
  /** The parameter is not a schema version at all. */
  malformed: 4400,
} as const

/** The longest version the parameter may carry: a whole number of up to nine digits. */
const VERSION = /^(0|[1-9][0-9]{0,8})$/

export type SchemaCheck =
  { readonly ok: true } | { readonly ok: false; readonly code: number; readonly reason: string }

/**
 * Checks the schema versions a join carried (all the values of the parameter; untrusted): none is
 * let in, one equal to the server's too; anything else is refused with a close code and a reason
 * (at most 123 bytes, as a close frame allows).
 */
export function checkClientSchema(values: readonly string[], server = SCHEMA_VERSION): SchemaCheck {
  if (values.length === 0) return { ok: true }
  const value = values[0]!
  if (values.length > 1 || !VERSION.test(value))
    return { ok: false, code: SCHEMA_CLOSE.malformed, reason: 'schema must be one whole number' }
  const version = Number(value)
  if (version < server)
    return {
      ok: false,
      code: SCHEMA_CLOSE.reload,
      reason: `reload: this page speaks schema ${version}, the server ${server}`,
    }
  if (version > server)
    return {
      ok: false,
      code: SCHEMA_CLOSE.tooNew,
      reason: `this page speaks schema ${version}, newer than the server's ${server}`,
    }
  return { ok: true }
}
