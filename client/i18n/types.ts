/** Plural suffixes i18next adds to a key; English uses one and other, Chinese only other. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many'

/**
 * The shape another language must fill: every key of the English resources, as plain strings. A
 * key missing from a translation is a type error; plural forms other than `_other` may be left out,
 * since a language such as Chinese has one form only.
 */
export type Translation<T> = {
  readonly [K in keyof T as K extends `${string}_${PluralSuffix}` ? never : K]: T[K] extends string
    ? string
    : Translation<T[K]>
}
