import type * as Y from 'yjs'
import { z } from 'zod'
import { OWNER_PATTERN } from '../rooms'

/*
 * Small groups, in the control room (facilitators write them; the server writes a person's own
 * choice while "let people choose" is on). Three roots of plain values, each entry checked whole by
 * the relay (roomRules.ts):
 * - `groups`: group id → { name, canvas, prompt, order, timer } — each group's own space is a canvas
 *   of its own (a copy of the step's canvas), with its own prompt and countdown;
 * - `groupOf`: person id → group id (who is in which group);
 * - `breakout`: the run's settings — `phase` ("running" while groups work, "back" once brought
 *   back), `visit` (others' spaces open to everyone), `choose` (people pick their group), `message`
 *   (the facilitator's one message to all), `source` (the canvas copied) and `report` (the
 *   report-back canvas).
 */

/** At most this many groups at once (a room of 60 in pairs needs 30; more is a mistake or an attack). */
export const GROUPS_MAX = 30
export const GROUP_NAME_MAX = 60
export const GROUP_PROMPT_MAX = 2000
export const GROUP_MESSAGE_MAX = 500

const GROUPS = 'groups'
const GROUP_OF = 'groupOf'
const BREAKOUT = 'breakout'

export const groupsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(GROUPS)
export const groupOfMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(GROUP_OF)
export const breakoutOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(BREAKOUT)

const idSchema = z.string().min(1).max(64)
const timerSchema = z.object({
  endsAt: z.number().finite().nullable(),
  remainingMs: z
    .number()
    .finite()
    .min(0)
    .max(24 * 3600_000),
  durationMs: z
    .number()
    .finite()
    .min(0)
    .max(24 * 3600_000),
})

/** One group as stored. */
export const groupEntrySchema = z
  .object({
    name: z.string().trim().min(1).max(GROUP_NAME_MAX),
    canvas: idSchema,
    prompt: z.string().max(GROUP_PROMPT_MAX),
    order: z.number().int().min(0).max(1000),
    timer: timerSchema.nullable(),
  })
  .strict()

export type GroupEntry = z.infer<typeof groupEntrySchema>
export type GroupTimer = z.infer<typeof timerSchema>

const messageSchema = z
  .object({ text: z.string().trim().min(1).max(GROUP_MESSAGE_MAX), at: z.number().finite() })
  .strict()

/** The settings a run of groups has, each checked on its own. */
export const BREAKOUT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  phase: z.enum(['running', 'back']),
  visit: z.boolean(),
  choose: z.boolean(),
  message: messageSchema,
  source: z.string().max(64),
  report: z.string().max(64),
}

/** May `value` be stored as group `key`? */
export const validGroup = (key: string, value: unknown): boolean =>
  idSchema.safeParse(key).success && groupEntrySchema.safeParse(value).success

/** May `value` be stored as the group of person `key`? */
export const validMember = (key: string, value: unknown): boolean =>
  OWNER_PATTERN.test(key) && idSchema.safeParse(value).success

/** May `value` be stored as the run's setting `key`? */
export const validBreakout = (key: string, value: unknown): boolean =>
  Object.prototype.hasOwnProperty.call(BREAKOUT_SCHEMAS, key) &&
  BREAKOUT_SCHEMAS[key]!.safeParse(value).success

export interface Group extends GroupEntry {
  readonly id: string
}

export interface GroupsState {
  /** The groups in their order. */
  readonly groups: readonly Group[]
  /** Person id → the id of their group (only groups that exist). */
  readonly members: Readonly<Record<string, string>>
  /** "none" before any split, "running" while groups work, "back" once brought back. */
  readonly phase: 'none' | 'running' | 'back'
  readonly visit: boolean
  readonly choose: boolean
  readonly message: { readonly text: string; readonly at: number } | null
  readonly source: string
  readonly report: string
}

/** Reads the groups and their run, skipping anything malformed. */
export function readGroups(doc: Y.Doc): GroupsState {
  const groups: Group[] = []
  for (const [id, value] of groupsOf(doc).entries()) {
    const parsed = groupEntrySchema.safeParse(value)
    if (parsed.success && idSchema.safeParse(id).success) groups.push({ id, ...parsed.data })
  }
  groups.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  const ids = new Set(groups.map((g) => g.id))
  const members: Record<string, string> = {}
  for (const [person, group] of groupOfMap(doc).entries())
    if (typeof group === 'string' && ids.has(group) && OWNER_PATTERN.test(person)) members[person] = group
  const b = breakoutOf(doc)
  const setting = <T>(key: string): T | undefined => {
    const parsed = BREAKOUT_SCHEMAS[key]!.safeParse(b.get(key))
    return parsed.success ? (parsed.data as T) : undefined
  }
  const phase = groups.length === 0 ? 'none' : (setting<'running' | 'back'>('phase') ?? 'running')
  return {
    groups,
    members,
    phase,
    visit: setting<boolean>('visit') ?? false,
    choose: setting<boolean>('choose') ?? false,
    message: setting<{ text: string; at: number }>('message') ?? null,
    source: setting<string>('source') ?? '',
    report: setting<string>('report') ?? '',
  }
}

/**
 * Whose spaces are closed to a person now: while groups run and visiting is not allowed, each group
 * canvas → its group, and the person's own group. Null when nothing is closed (no groups running,
 * or visiting allowed).
 */
export interface GroupSpaces {
  /** Canvas id → the group whose space it is. */
  readonly owners: ReadonlyMap<string, string>
  /** The person's own group ('' for none). */
  readonly mine: string
}

/** The spaces closed to `person` now (null when none are). */
export function spacesFor(state: GroupsState, person: string): GroupSpaces | null {
  if (state.phase !== 'running' || state.visit) return null
  const owners = new Map<string, string>()
  for (const g of state.groups) owners.set(g.canvas, g.id)
  return { owners, mine: state.members[person] ?? '' }
}

/** Is this canvas another group's space, closed to the person? */
export const isClosedSpace = (spaces: GroupSpaces | null | undefined, canvas: string): boolean => {
  if (!spaces) return false
  const owner = spaces.owners.get(canvas)
  return owner !== undefined && owner !== spaces.mine
}
