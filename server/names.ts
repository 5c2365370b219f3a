import { remove as withoutLookAlikes } from 'confusables'

/**
 * A name as compared for collisions ("is this someone else's name?"): Unicode-normalized (NFKC, so
 * full-width and styled letters are the letters), without invisible characters (zero-width spaces
 * and joiners, direction marks), letters of other scripts that look alike taken as the letters they
 * look like (Cyrillic А as Latin A), spaces collapsed, case-folded.
 */
export const nameKey = (name: string): string =>
  withoutLookAlikes(name.normalize('NFKC').replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, ''))
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase()

/** A set of names by `nameKey`, asked with names as people wrote them. */
export const takenBy = (keys: ReadonlySet<string>): { has(name: string): boolean } => ({
  has: (name) => keys.has(nameKey(name)),
})
