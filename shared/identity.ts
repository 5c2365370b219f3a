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

/**
 * A name as compared for collisions ("is this someone else's name?"): Unicode-normalized (NFKC, so
 * full-width and styled letters are the letters), without invisible characters (zero-width spaces
 * and joiners, direction marks), spaces collapsed, case-folded. Letters of other scripts that look
 * alike (Cyrillic А for Latin A) stay different.
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase()
