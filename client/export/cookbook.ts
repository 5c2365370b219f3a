import { richToLines } from '../../shared/export/markdown'
import { frameOf, frameTitle, isExportable, type SessionSnapshot } from '../../shared/export/snapshot'
import { framesInOrder } from '../../shared/schema/geometry'
import { creditLine, type BoardObject, type ObjectOf } from '../../shared/schema/kinds'
import { isFormatted, type RichText } from '../../shared/schema/richBlocks'
import { i18n } from '../i18n'
import { creditWords } from '../i18n/creditWords'

/** A recipe as a cook book prints it: plain text fields, the method as steps, its credit line. */
export interface CookbookRecipe {
  /** A stable anchor for links ("recipe-1", …). */
  readonly anchor: string
  readonly title: string
  readonly forWhom: string
  readonly ingredients: readonly string[]
  readonly method: readonly string[]
  /** The method with its formatting (bold, its own lists…), when it has any; null for plain steps. */
  readonly methodRich: RichText | null
  readonly tips: string
  /** "Recipe by …", always present ("Recipe by anonymous" when no names may be shown). */
  readonly credit: string
  /** The names credited, empty when the recipe (or the session) is anonymous. */
  readonly contributors: readonly string[]
  /** The frame (theme) the card sits in, or ''. */
  readonly theme: string
  /** BCP 47 language of the card's text, or '' for the session's language. */
  readonly lang: string
  /** Its content note, printed before the method; '' for none. */
  readonly contentNote: string
  /** The votes it got when the group chose its favourites (0: none, or no vote held). */
  readonly votes: number
}

export interface Contributor {
  readonly name: string
  readonly recipes: readonly CookbookRecipe[]
}

export interface Cookbook {
  readonly title: string
  readonly recipes: readonly CookbookRecipe[]
  /** Everyone credited, by name, each with their recipes. */
  readonly contributors: readonly Contributor[]
  /** How many recipes are credited to no one. */
  readonly anonymousCount: number
}

/**
 * The session's recipe cards as a cook book: only cards whose authors consented and that are not
 * hidden; in canvas order, then theme (frame) order, then top to bottom; credited as the authors
 * chose, and to no one at all in an anonymous session.
 */
export function buildCookbook(s: SessionSnapshot): Cookbook {
  const canvasOrder = new Map(s.canvases.map((c, i) => [c.id, i]))
  const frames = s.objects.filter((o) => o.kind === 'frame' && isExportable(o))
  const frameOrder = new Map(framesInOrder(frames).map((f, i) => [f.id, i]))
  const cards = s.objects
    .filter(
      (o): o is ObjectOf<'recipe'> => o.kind === 'recipe' && isExportable(o) && canvasOrder.has(o.canvas),
    )
    .map((o) => ({ o, frame: frameOf(o, frames) }))
    .sort(
      (a, b) =>
        canvasOrder.get(a.o.canvas)! - canvasOrder.get(b.o.canvas)! ||
        rank(frameOrder, a.frame) - rank(frameOrder, b.frame) ||
        a.o.y - b.o.y ||
        a.o.x - b.o.x,
    )
  const recipes = cards.map(({ o, frame }, i) => toRecipe(s, o, frameTitle(frame), `recipe-${i + 1}`))
  return {
    title: s.title.trim() || i18n.t('export:cookbook.untitledSession'),
    recipes,
    contributors: indexContributors(recipes),
    anonymousCount: recipes.filter((r) => r.contributors.length === 0).length,
  }
}

const rank = (order: ReadonlyMap<string, number>, frame: BoardObject | null): number =>
  frame ? (order.get(frame.id) ?? Infinity) : Infinity

function toRecipe(s: SessionSnapshot, o: ObjectOf<'recipe'>, theme: string, anchor: string): CookbookRecipe {
  const p = o.props
  const hidden = s.facilitation.anonymous || p.anonymous
  const names = hidden ? [] : uniqueNames(p.credits)
  return {
    anchor,
    title: p.title.trim() || i18n.t('export:cookbook.untitled'),
    forWhom: p.forWhom.trim(),
    ingredients: p.ingredients.map((i) => i.trim()).filter(Boolean),
    method: richToLines(s.richText[o.id] ?? []),
    methodRich: isFormatted(o.rich) ? o.rich : null,
    tips: p.tips.trim(),
    credit: creditLine(names, hidden, creditWords()),
    contributors: names,
    theme,
    lang: o.lang,
    contentNote: o.contentNote,
    votes: s.facilitation.results[o.id] ?? 0,
  }
}

/** Names as typed, trimmed, with inner spaces tidied and repeats on one card dropped. */
function uniqueNames(credits: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of credits) {
    const name = raw.trim().replace(/\s+/g, ' ')
    const key = name.toLocaleLowerCase()
    if (!name || seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

/** Each credited person once (the same name in any letter case), sorted by name, with their recipes. */
export function indexContributors(recipes: readonly CookbookRecipe[]): Contributor[] {
  const byKey = new Map<string, { name: string; recipes: CookbookRecipe[] }>()
  for (const r of recipes) {
    for (const name of r.contributors) {
      const key = name.toLocaleLowerCase()
      const entry = byKey.get(key) ?? { name, recipes: [] }
      entry.recipes.push(r)
      byKey.set(key, entry)
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
}
