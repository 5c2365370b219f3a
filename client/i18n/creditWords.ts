import type { CreditWords, StoryCreditWords } from '../../shared/schema/kinds'
import { i18n } from '.'

/** A recipe's credit line worded in the interface's language ("Recipe by A and B"). */
export const creditWords = (): CreditWords => ({
  anonymous: i18n.t('panels:recipe.byAnonymous'),
  by: (names) => i18n.t('panels:recipe.by', { names }),
  and: (first, last) => i18n.t('panels:recipe.and', { first, last }),
  separator: i18n.t('panels:recipe.separator'),
})

/** A story's credit line worded in the interface's language ("Told by A", or anonymously). */
export const storyWords = (): StoryCreditWords => ({
  anonymous: i18n.t('material:story.byAnonymous'),
  by: (name) => i18n.t('material:story.by', { name }),
})
