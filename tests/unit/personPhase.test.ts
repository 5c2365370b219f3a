import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { initialPhase, phaseAfterJoin, phaseFromMe } from '../../client/pages/personPhase'

const ann = { name: 'Ann', answer: 'discuss' as const }

describe('where a person is on a session page (issue #15)', () => {
  it('opens on the join screen without a token, and asks the server with one', () => {
    expect(initialPhase('participant', null, ann)).toEqual({ kind: 'join' })
    expect(initialPhase('participant', 'T', null)).toEqual({ kind: 'checking' })
    expect(initialPhase('facilitator', 'T', ann)).toEqual({ kind: 'checking' })
  })

  it('lets a viewer (no token) back in by their remembered join', () => {
    expect(initialPhase('viewer', null, ann)).toEqual({ kind: 'in', join: ann })
    expect(initialPhase('viewer', null, null)).toEqual({ kind: 'join' })
  })

  it('after a join: waiting when Admit people is on, else in', () => {
    expect(phaseAfterJoin({ status: 'waiting' }, ann)).toEqual({ kind: 'waiting', name: 'Ann' })
    expect(phaseAfterJoin({ status: 'admitted' }, ann)).toEqual({ kind: 'in', join: ann })
    expect(phaseAfterJoin({ status: 'removed' }, ann)).toEqual({ kind: 'removed' })
  })

  it('from /me: the name is the server’s, the answer this device’s', () => {
    expect(phaseFromMe({ status: 'admitted', name: 'Ann B' }, ann)).toEqual({
      kind: 'in',
      join: { name: 'Ann B', answer: 'discuss' },
    })
    expect(phaseFromMe({ status: 'admitted', name: 'Ann' }, null)).toEqual({
      kind: 'in',
      join: { name: 'Ann', answer: 'agree' },
    })
    expect(phaseFromMe({ status: 'waiting', name: 'Ann' }, ann)).toEqual({ kind: 'waiting', name: 'Ann' })
    expect(phaseFromMe({ status: 'removed', name: 'Ann' }, ann)).toEqual({ kind: 'removed' })
  })
})

describe('the person token kept on the device', () => {
  let store: Map<string, string>
  beforeEach(() => {
    store = new Map()
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
        removeItem: (k: string) => void store.delete(k),
      },
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is kept per session, sent with the key, and forgotten with a removal that is remembered', async () => {
    const { credentials, personIdFor, personTokenFor, rememberPersonToken, rememberRemoval, wasRemoved } =
      await import('../../client/sync/personToken')
    expect(personTokenFor('s1')).toBeNull()
    expect(personIdFor('s1')).toBe('')
    expect(credentials('s1', 'k y')).toBe('key=k%20y')
    rememberPersonToken('s1', 'tok')
    expect(store.get('wb:person-token:s1')).toBe('tok')
    expect(personTokenFor('s2')).toBeNull()
    expect(credentials('s1', 'k')).toBe('key=k&token=tok')
    expect(personIdFor('s1')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(wasRemoved('s1')).toBe(false)
    rememberRemoval('s1')
    expect(personTokenFor('s1')).toBeNull()
    expect(store.has('wb:person-token:s1')).toBe(false)
    expect(wasRemoved('s1')).toBe(true)
  })
})
