/**
 * What this device remembers: the name last used, and per session and
 * role, how the person joined (localStorage, so a reload or a new tab goes straight back to the
 * board); per tab, which canvas was open (sessionStorage).
 */
const NAME_KEY = 'wb:name'
// By session and role, never by key: the key stays in the address only.
const joinKey = (session: string, role: string) => `wb:join:${session}:${role}`
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

export const rememberedName = (): string => read(local, NAME_KEY) ?? ''
export const rememberName = (name: string): void => write(local, NAME_KEY, name)

/** How a person joined a session on this device: the name they gave and their answer to the commitments. */
export interface RememberedJoin {
  readonly name: string
  readonly answer: 'agree' | 'discuss'
}

/** The join remembered for this session and role, or null when the person has to join (again). */
export function rememberedJoin(sessionId: string, role: string): RememberedJoin | null {
  try {
    const value: unknown = JSON.parse(read(local, joinKey(sessionId, role)) ?? 'null')
    if (!value || typeof value !== 'object') return null
    const { name, answer } = value as Record<string, unknown>
    if (typeof name !== 'string' || !name.trim()) return null
    return { name, answer: answer === 'discuss' ? 'discuss' : 'agree' }
  } catch {
    return null // written by another version, or by hand: ask again
  }
}

export const rememberJoin = (sessionId: string, role: string, join: RememberedJoin): void =>
  write(local, joinKey(sessionId, role), JSON.stringify(join))

/** Forgets every role's join of a session (it was deleted). */
export function forgetJoins(sessionId: string): void {
  for (const role of ['facilitator', 'participant', 'viewer']) {
    try {
      local().removeItem(joinKey(sessionId, role))
    } catch {
      // nothing stored
    }
  }
}

export const rememberedCanvas = (sessionId: string): string | null => read(session, canvasKey(sessionId))
export const rememberCanvas = (sessionId: string, canvasId: string): void =>
  write(session, canvasKey(sessionId), canvasId)

const HIDE_CURSOR_KEY = 'wb:hide-cursor'

/** Whether this person chose, on this device, not to show others their cursor. */
export const rememberedCursorHidden = (): boolean => read(local, HIDE_CURSOR_KEY) === '1'
export const rememberCursorHidden = (hidden: boolean): void =>
  write(local, HIDE_CURSOR_KEY, hidden ? '1' : '0')
