import type { CreditWords } from '../../shared/schema/kinds'
import { i18n } from '.'

/** A recipe's credit line worded in the interface's language ("Recipe by A and B"). */
export const creditWords = (): CreditWords => ({
  anonymous: i18n.t('panels:recipe.byAnonymous'),
  by: (names) => i18n.t('panels:recipe.by', { names }),
  and: (first, last) => i18n.t('panels:recipe.and', { first, last }),
  separator: i18n.t('panels:recipe.separator'),
})
