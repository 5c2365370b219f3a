import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from '../../shared/rooms'
import type { SessionRecord } from '../storage/types'

/** A new session id: 128 random bits as 22 base64url characters. */
export const newSessionId = (): string => randomBytes(16).toString('base64url')

/** A new secret key: 256 random bits as 43 base64url characters. */
export const newKey = (): string => randomBytes(32).toString('base64url')

/** Keys are stored only as their SHA-256; with 256 random bits no slow hash is needed. */
export const hashKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest()

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

/** The role a key grants in a session, or null; compares against every role's hash in constant time. */
export function roleForKey(session: SessionRecord, key: string | null | undefined): Role | null {
  const wellFormed = typeof key === 'string' && KEY_PATTERN.test(key)
  const candidate = hashKey(wellFormed ? key : '')
  let role: Role | null = null
  for (const r of ['facilitator', 'participant', 'viewer'] as const) {
    // every hash is compared, whichever matches, so timing says nothing about the role
    const match = timingSafeEqual(candidate, session.keyHashes[r])
    if (match && role === null) role = r
  }
  return wellFormed ? role : null
}
