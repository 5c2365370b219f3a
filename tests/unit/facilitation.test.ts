import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createOrigin } from '../../shared/ops/origin'
import {
  addTime,
  bringEveryoneHere,
  castVote,
  goToStep,
  pauseTimer,
  setAnonymous,
  startTimer,
  startVoting,
} from '../../shared/ops/session'
import { guidanceOf, readAgenda } from '../../shared/schema/controlDoc'
import { setGuidance } from '../../shared/ops/agenda'
import {
  cappedVotes,
  myVotesOf,
  readFacilitation,
  resultsOf,
  timeLeft,
} from '../../shared/schema/facilitation'
import { buildSessionDocs, findTemplate } from '../../shared/templates'

const fay = createOrigin('u-fay', 'Fay')
const control = (): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, buildSessionDocs(findTemplate('sense-making')!, 't').control)
  return doc
}

describe('facilitation state', () => {
  it('defaults safely, and ignores malformed values', () => {
    const doc = new Y.Doc()
    expect(readFacilitation(doc)).toMatchObject({
      step: 0,
      mode: 'free',
      anonymous: false,
      voteBudget: 3,
      timer: null,
    })
    doc.getMap('session').set('mode', 'chaos')
    doc.getMap('session').set('step', -4)
    doc.getMap('session').set('timer', { endsAt: 'soon' })
    expect(readFacilitation(doc)).toMatchObject({ step: 0, mode: 'free', timer: null })
  })

  it('steps set the mode and the timer, which counts on the server clock', () => {
    const doc = control()
    goToStep(doc, 1, fay)
    const step = readAgenda(doc)[1]!
    let f = readFacilitation(doc)
    expect(f).toMatchObject({ step: 1, mode: 'private' })
    expect(f.timer).toEqual({
      endsAt: null,
      remainingMs: step.minutes * 60_000,
      durationMs: step.minutes * 60_000,
    })
    startTimer(doc, 1_000_000, fay)
    f = readFacilitation(doc)
    expect(timeLeft(f.timer!, 1_000_000 + 60_000)).toBe(step.minutes * 60_000 - 60_000)
    pauseTimer(doc, 1_000_000 + 60_000, fay)
    addTime(doc, 120_000, fay)
    f = readFacilitation(doc)
    expect(f.timer!.endsAt).toBeNull()
    expect(timeLeft(f.timer!, 9e12)).toBe(step.minutes * 60_000 + 60_000)
    goToStep(doc, 99, fay) // no such step: nothing changes
    expect(readFacilitation(doc).step).toBe(1)
  })

  it('summons, anonymity and voting', () => {
    const doc = control()
    bringEveryoneHere(doc, { canvas: 'c', x: 1, y: 2, scale: 0.5, at: 7 }, fay)
    setAnonymous(doc, true, fay)
    resultsOf(doc).set('old', 4)
    startVoting(doc, 99, fay)
    expect(readFacilitation(doc)).toMatchObject({
      summon: { canvas: 'c', x: 1, y: 2, scale: 0.5, at: 7 },
      anonymous: true,
      mode: 'voting',
      voteBudget: 50,
      results: {},
    })
  })

  it('keeps votes within the budget, and caps crafted ones', () => {
    const mine = new Y.Doc()
    expect(castVote(mine, 'a', 2, 3, fay)).toBe(true)
    expect(castVote(mine, 'b', 2, 3, fay)).toBe(false)
    expect(castVote(mine, 'a', -3, 3, fay)).toBe(false)
    expect(castVote(mine, 'a', -2, 3, fay)).toBe(true)
    expect(myVotesOf(mine).size).toBe(0)
    const crafted = new Y.Doc()
    myVotesOf(crafted).set('a', 2)
    myVotesOf(crafted).set('b', 100)
    myVotesOf(crafted).set('c', -5)
    expect(Object.fromEntries(cappedVotes(myVotesOf(crafted), 3))).toEqual({ a: 2, b: 1 })
  })
})

describe('guidance', () => {
  it('is edited in the facilitator room only', () => {
    const facilitator = new Y.Doc()
    setGuidance(facilitator, 'step-1', 'Pause here for questions', fay)
    setGuidance(facilitator, 'step-1', 'x'.repeat(5000), fay)
    expect(guidanceOf(facilitator).get('step-1')).toHaveLength(4000)
  })
})

describe('vote results at ids named after Object.prototype (stored before ids were checked)', () => {
  it('read as entries of their own: every other id counts 0, none reads as a function or an object', () => {
    const doc = new Y.Doc()
    const results = resultsOf(doc)
    results.set('valueOf', 2)
    results.set('__proto__', 3)
    results.set('n1', 1)
    const read = readFacilitation(doc).results
    expect(read['valueOf']).toBe(2)
    expect(read['__proto__']).toBe(3)
    expect(read['n1']).toBe(1)
    for (const absent of ['hasOwnProperty', 'toString', 'constructor'])
      expect(read[absent], absent).toBeUndefined()
    expect(Object.keys(read).sort()).toEqual(['__proto__', 'n1', 'valueOf'])
    expect(JSON.parse(JSON.stringify({ ...read }))).toEqual({ valueOf: 2, n1: 1, ['__proto__']: 3 })
  })
})
