import { z } from 'zod'
import { defineKind } from '../defineKind'

/** Longest title and credit a story card holds. */
export const STORY_TITLE_MAX = 200
export const STORY_CREDIT_MAX = 200

/**
 * A story card: a personal story gathered before the workshop, with its title and who told it. The
 * story itself is the card's rich text (under the object's `text` key, like a recipe's method), of any
 * length; the card shows its opening lines and the story panel the whole. Its language is the base
 * `lang` field and the storyteller's agreement the base `consent` field. A story is a note: people
 * vote on it, react to it and group it into themes. The credit and anonymity are its author's alone;
 * `anonymous` credits no one, whatever `credit` holds.
 */
export const story = defineKind({
  kind: 'story',
  version: 1,
  richText: true,
  note: true,
  access: { create: ['facilitator', 'participant'], authorProps: ['credit', 'anonymous'] },
  props: z.object({
    w: z.number().positive().max(4000),
    h: z.number().positive().max(4000),
    title: z.string().max(STORY_TITLE_MAX),
    credit: z.string().max(STORY_CREDIT_MAX),
    anonymous: z.boolean(),
  }),
  defaults: () => ({ w: 300, h: 240, title: '', credit: '', anonymous: false }),
})

/** How a story's credit is worded, so the interface can give it in the reader's language. */
export interface StoryCreditWords {
  readonly anonymous: string
  readonly by: (name: string) => string
}

const ENGLISH_STORY_CREDIT: StoryCreditWords = {
  anonymous: 'Told anonymously',
  by: (name) => `Told by ${name}`,
}

/** The credit line of a story: "Told by A", or anonymous when it is marked so or names no one. */
export function storyCredit(
  credit: string,
  anonymous: boolean,
  words: StoryCreditWords = ENGLISH_STORY_CREDIT,
): string {
  const name = credit.trim()
  return anonymous || name === '' ? words.anonymous : words.by(name)
}
