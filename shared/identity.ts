import { toBase64UrlEncoded } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'
import { uuidv4 } from 'lib0/random'

/**
 * A person's private token: a secret their device keeps for one session. Its SHA-256 names their
 * private room, so the server can tell the author from anyone else holding the same participant key.
 */
export const newPrivateToken = (): string => `${uuidv4()}${uuidv4()}`.replaceAll('-', '')

/** The owner id (room name part) that a private token proves. */
export const ownerOfToken = (token: string): string =>
  toBase64UrlEncoded(digest(new TextEncoder().encode(token)))
