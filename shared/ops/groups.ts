import type * as Y from 'yjs'
import { objectMapOf, objectMaps, readObject } from '../schema/boardDoc'
import { canvasesOf, writeCanvas } from '../schema/controlDoc'
import { boundsOf, unionOf } from '../schema/geometry'
import {
  GROUP_MESSAGE_MAX,
  GROUP_NAME_MAX,
  GROUP_PROMPT_MAX,
  GROUPS_MAX,
  breakoutOf,
  groupOfMap,
  groupsOf,
  readGroups,
  type GroupEntry,
} from '../schema/groups'
import { copyObjects, pasteObjects } from './clipboard'
import { newId } from './ids'
import { addObject } from './objects'
import type { Origin } from './origin'

/*
 * Small groups: splitting the people present into groups, each with its own copy of a canvas, its
 * own prompt and timer; the facilitator's message to all; and bringing the groups back side by side.
 * The control room's parts are the facilitators' to write (the relay refuses anyone else's).
 */

/** How to split at random: into `n` groups, or into groups of about `n` people. */
export type RandomSplit =
  { readonly by: 'count'; readonly n: number } | { readonly by: 'size'; readonly n: number }

/** Splits people at random into groups as even as possible (never an empty group unless there are too few people). */
export function planGroups(people: readonly string[], how: RandomSplit, random = Math.random): string[][] {
  const n = Math.max(1, Math.floor(how.n) || 1)
  const count = Math.min(GROUPS_MAX, how.by === 'count' ? n : Math.max(1, Math.ceil(people.length / n)))
  const shuffled = [...people]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
  }
  const groups: string[][] = Array.from({ length: count }, () => [])
  shuffled.forEach((person, i) => groups[i % count]!.push(person))
  return groups
}

export interface SplitPlan {
  /** The canvas each group gets a copy of. */
  readonly source: string
  /** Its name: each group's canvas is called "<group name> · <source name>". */
  readonly sourceName: string
  /** The groups' names, in order (one group each). */
  readonly names: readonly string[]
  /** Who is in each group (person ids), by the group's index; may be empty (by hand, people choose). */
  readonly members: readonly (readonly string[])[]
  readonly prompt: string
  /** Each group's countdown, started at once (0: none). */
  readonly minutes: number
  /** People choose their own group. */
  readonly choose: boolean
}

const timerOf = (minutes: number, now: number): GroupEntry['timer'] => {
  const ms = Math.round(Math.max(0, Math.min(600, minutes)) * 60_000)
  return ms > 0 ? { endsAt: now + ms, remainingMs: ms, durationMs: ms } : null
}

const cleanName = (name: string, i: number): string => name.trim().slice(0, GROUP_NAME_MAX) || `${i + 1}`

/**
 * Splits into groups: each gets a canvas of its own holding a copy of everything on the source
 * canvas, its prompt and timer; an earlier run's groups and membership are replaced (their canvases
 * and everything on them stay). The control room changes in one transaction, each group's copy in
 * one of its own. Returns the groups' ids in order.
 */
export function splitIntoGroups(
  control: Y.Doc,
  board: Y.Doc,
  plan: SplitPlan,
  origin: Origin,
  now: number,
): string[] {
  const names = plan.names.slice(0, GROUPS_MAX)
  const made = names.map((name, i) => ({
    id: newId(),
    canvas: newId(),
    entry: {
      name: cleanName(name, i),
      prompt: plan.prompt.slice(0, GROUP_PROMPT_MAX),
      order: i,
      timer: timerOf(plan.minutes, now),
    },
  }))
  control.transact(() => {
    clearRun(control)
    const canvases = canvasesOf(control)
    for (const g of made) {
      const name = `${g.entry.name} · ${plan.sourceName}`.slice(0, 80)
      canvases.push([writeCanvas({ id: g.canvas, name })])
      groupsOf(control).set(g.id, { ...g.entry, canvas: g.canvas })
    }
    made.forEach((g, i) => {
      for (const person of plan.members[i] ?? []) groupOfMap(control).set(person, g.id)
    })
    const b = breakoutOf(control)
    b.set('phase', 'running')
    b.set('visit', false)
    b.set('choose', plan.choose)
    b.set('source', plan.source)
    b.set('report', '')
  }, origin)
  const ids = [...objectMaps(board)].filter(([, m]) => m.get('canvas') === plan.source).map(([id]) => id)
  const copy = copyObjects(board, ids)
  // one transaction (one update) per group: thirty copies of a full canvas in one update could pass
  // the relay's cap on what one update may hold, and then none would arrive
  for (const g of made) pasteObjects(board, copy, g.canvas, { dx: 0, dy: 0 }, origin, now)
  return made.map((g) => g.id)
}

/** Removes an earlier run's groups, membership and settings (never a canvas or anything on one). */
function clearRun(control: Y.Doc): void {
  for (const map of [groupsOf(control), groupOfMap(control), breakoutOf(control)])
    for (const key of [...map.keys()]) map.delete(key)
}

/** Puts a person in a group, or (with '') in none. */
export function assignPerson(control: Y.Doc, person: string, group: string, origin: Origin): void {
  control.transact(() => {
    if (group === '') groupOfMap(control).delete(person)
    else if (groupsOf(control).has(group)) groupOfMap(control).set(person, group)
  }, origin)
}

/** Changes a group's name or prompt. */
export function updateGroup(
  control: Y.Doc,
  id: string,
  changes: Partial<Pick<GroupEntry, 'name' | 'prompt'>>,
  origin: Origin,
): void {
  const group = readGroups(control).groups.find((g) => g.id === id)
  if (!group) return
  const { id: _id, ...entry } = group
  const name = changes.name === undefined ? entry.name : changes.name.trim().slice(0, GROUP_NAME_MAX)
  const prompt = changes.prompt === undefined ? entry.prompt : changes.prompt.slice(0, GROUP_PROMPT_MAX)
  if (!name) return
  control.transact(() => groupsOf(control).set(id, { ...entry, name, prompt }), origin)
}

/** Starts a group's countdown afresh (0 minutes: none). */
export function setGroupTimer(
  control: Y.Doc,
  id: string,
  minutes: number,
  now: number,
  origin: Origin,
): void {
  const group = readGroups(control).groups.find((g) => g.id === id)
  if (!group) return
  const { id: _id, ...entry } = group
  control.transact(() => groupsOf(control).set(id, { ...entry, timer: timerOf(minutes, now) }), origin)
}

/** Opens the groups' spaces to everyone (visiting), or closes each to its own group. */
export function setVisiting(control: Y.Doc, visit: boolean, origin: Origin): void {
  control.transact(() => breakoutOf(control).set('visit', visit), origin)
}

/** Lets people choose their own group (the server writes each choice), or stops it. */
export function setChoosing(control: Y.Doc, choose: boolean, origin: Origin): void {
  control.transact(() => breakoutOf(control).set('choose', choose), origin)
}

/** Sends the one message every group sees (replacing the last one). */
export function messageAllGroups(control: Y.Doc, text: string, now: number, origin: Origin): void {
  const clean = text.trim().slice(0, GROUP_MESSAGE_MAX)
  if (!clean) return
  control.transact(() => breakoutOf(control).set('message', { text: clean, at: now }), origin)
}

/** Room around a group's work inside its frame on the report-back canvas, and between frames. */
const PAD = 60
const GAP = 120
const EMPTY = { w: 800, h: 600 }

/**
 * Brings the groups back: a new report-back canvas where each group's work sits in a frame titled
 * with the group's name, side by side in the groups' order. Every object of a group's canvas moves
 * there whole (text, votes, reactions, authors kept), shifted by one offset per group so its layout
 * inside the group's frame is as the group left it. Returns the report-back canvas id.
 */
export function bringGroupsBack(
  control: Y.Doc,
  board: Y.Doc,
  reportName: string,
  origin: Origin,
  now: number,
): string {
  const state = readGroups(control)
  const report = newId()
  control.transact(() => {
    canvasesOf(control).push([writeCanvas({ id: report, name: reportName.trim().slice(0, 80) || 'Report' })])
    const b = breakoutOf(control)
    b.set('phase', 'back')
    b.set('report', report)
    b.set('choose', false)
    b.delete('message') // said to the groups while they worked: not for the report-back
  }, origin)
  board.transact(() => {
    let left = 0
    let lowest = 0
    for (const [, map] of objectMaps(board)) {
      const z = map.get('z')
      if (map.get('canvas') === report && typeof z === 'number') lowest = Math.min(lowest, z)
    }
    state.groups.forEach((group, i) => {
      const maps = [...objectMaps(board)].filter(([, m]) => m.get('canvas') === group.canvas)
      const rects = maps.flatMap(([id, m]) => {
        const read = readObject(id, m)
        return read.ok ? [boundsOf(read.object)] : []
      })
      const area = unionOf(rects) ?? { x: 0, y: 0, ...EMPTY }
      const dx = left + PAD - area.x
      const dy = PAD * 1.5 - area.y
      let minZ = 0
      for (const [, m] of maps) {
        const x = m.get('x')
        const y = m.get('y')
        const z = m.get('z')
        if (typeof z === 'number') minZ = Math.min(minZ, z)
        m.set('canvas', report)
        if (typeof x === 'number' && typeof y === 'number') {
          m.set('x', x + dx)
          m.set('y', y + dy)
        }
      }
      const w = area.w + 2 * PAD
      const h = area.h + PAD * 2.5
      const frame = addObject(
        board,
        { kind: 'frame', canvas: report, x: left, y: 0, props: { w, h, title: group.name, order: i }, now },
        origin,
      )
      // behind the group's work (and behind the other groups' frames' work too)
      lowest = Math.min(lowest, minZ) - 1
      objectMapOf(board, frame)?.set('z', lowest)
      left += w + GAP
    })
  }, origin)
  return report
}

/** Ends the groups: everyone writes everywhere again (the canvases and everything on them stay). */
export function endGroups(control: Y.Doc, origin: Origin): void {
  control.transact(() => clearRun(control), origin)
}
