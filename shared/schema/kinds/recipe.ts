import { z } from 'zod'
import { defineKind } from '../defineKind'

const line = z.string().max(500)

/**
 * A recipe card: a method for co-production, credited to its authors. The method's steps are the
 * card's rich text; the other fields are plain. An empty `credits` with `anonymous` set credits no one.
 */
export const recipe = defineKind({
  kind: 'recipe',
  version: 1,
  richText: true,
  votable: true,
  access: { create: ['facilitator', 'participant'], authorProps: ['credits', 'anonymous'] },
  props: z.object({
    w: z.number().positive().max(4000),
    h: z.number().positive().max(4000),
    title: z.string().max(200),
    forWhom: line,
    ingredients: z.array(line).max(100),
    tips: z.string().max(4000),
    credits: z.array(z.string().max(120)).max(30),
    anonymous: z.boolean(),
  }),
  defaults: () => ({
    w: 280,
    h: 340,
    // empty, not a word of one language: the card and every export say "Untitled recipe" in the
    // reader's, and a title typed into the new card is the whole title (not appended to a default)
    title: '',
    forWhom: '',
    ingredients: [] as string[],
    tips: '',
    credits: [] as string[],
    anonymous: false,
  }),
})

/** How a credit line is worded, so the interface can give it in the reader's language. */
export interface CreditWords {
  readonly anonymous: string
  readonly by: (names: string) => string
  readonly and: (first: string, last: string) => string
  readonly separator: string
}

const ENGLISH_CREDIT: CreditWords = {
  anonymous: 'Recipe by anonymous',
  by: (names) => `Recipe by ${names}`,
  and: (first, last) => `${first} and ${last}`,
  separator: ', ',
}

/** The credit line of a recipe: "Recipe by A and B", or anonymous. */
export function creditLine(
  credits: readonly string[],
  anonymous: boolean,
  words: CreditWords = ENGLISH_CREDIT,
): string {
  const names = credits.map((c) => c.trim()).filter(Boolean)
  if (anonymous || names.length === 0) return words.anonymous
  if (names.length === 1) return words.by(names[0]!)
  return words.by(words.and(names.slice(0, -1).join(words.separator), names[names.length - 1]!))
}
