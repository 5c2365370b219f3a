import { newId } from '../shared/ops/ids'

/**
 * What this device remembers: a stable anonymous user id and the name last used (localStorage),
 * and per tab, which sessions were joined and which canvas was open (sessionStorage, so a reload
 * keeps you in, but a new tab asks again).
 */
const USER_ID_KEY = 'wb:user-id'
const NAME_KEY = 'wb:name'
const joinedKey = (session: string) => `wb:joined:${session}`
const canvasKey = (session: string) => `wb:canvas:${session}`

/** Storage can be missing or throw (private mode, disabled cookies); the app still works without it. */
function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key)
  } catch {
    return null
  }
}

function write(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value)
  } catch {
    // not remembered: the person will be asked again next time
  }
}

const local = () => window.localStorage
const session = () => window.sessionStorage

let fallbackUserId: string | null = null

/** This device's anonymous user id, created on first use. */
export function deviceUserId(): string {
  const stored = read(local, USER_ID_KEY)
  if (stored) return stored
  const id = fallbackUserId ?? newId()
  fallbackUserId = id
  write(local, USER_ID_KEY, id)
  return id
}

export const rememberedName = (): string => read(local, NAME_KEY) ?? ''
export const rememberName = (name: string): void => write(local, NAME_KEY, name)

export const hasJoined = (sessionId: string): boolean => read(session, joinedKey(sessionId)) === '1'
export const rememberJoined = (sessionId: string): void => write(session, joinedKey(sessionId), '1')

export const rememberedCanvas = (sessionId: string): string | null => read(session, canvasKey(sessionId))
export const rememberCanvas = (sessionId: string, canvasId: string): void =>
  write(session, canvasKey(sessionId), canvasId)

const HIDE_CURSOR_KEY = 'wb:hide-cursor'

/** Whether this person chose, on this device, not to show others their cursor. */
export const rememberedCursorHidden = (): boolean => read(local, HIDE_CURSOR_KEY) === '1'
export const rememberCursorHidden = (hidden: boolean): void =>
  write(local, HIDE_CURSOR_KEY, hidden ? '1' : '0')
