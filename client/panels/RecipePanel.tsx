import { useId, type ReactNode } from 'react'
import { CardPanel } from './CardPanel'
import { creditLine, type ObjectOf, type PropsOf } from '../../shared/schema/kinds'
import { ListField, TextField } from './recipeFields'
import { useTranslation } from 'react-i18next'
import { creditWords } from '../i18n/creditWords'

/** The schema's limits, mirrored as field limits so the board never refuses what was typed. */
const LIMITS = { title: 200, line: 500, ingredients: 100, tips: 4000, credits: 30, name: 120 }

export interface RecipePanelProps {
  readonly recipe: ObjectOf<'recipe'>
  readonly readOnly: boolean
  /** Credits and anonymity are the card's author's alone (the board's rules). */
  readonly creditsReadOnly?: boolean
  readonly onChange: (changes: Partial<PropsOf<'recipe'>>) => void
  readonly onClose: () => void
  /** The rich-text editor of the method, bound to the card's text (the board provides it). */
  readonly method: ReactNode
}

/** Editing a recipe card beside the board: every field labelled, saved as people type. */
export function RecipePanel(props: RecipePanelProps) {
  const { recipe, readOnly, onChange, onClose, method } = props
  const { t } = useTranslation('panels')
  const methodId = useId()
  const p = recipe.props

  return (
    <CardPanel
      className="recipe-panel"
      heading={t('recipe.panel')}
      close={t('recipe.close')}
      closeTitle={t('recipe.closeTitle')}
      cardId={recipe.id}
      onClose={onClose}
    >
      {(firstField) => (
        <>
          <TextField
            label={t('recipe.title')}
            value={p.title}
            placeholder={t('list.untitledRecipe')}
            maxLength={LIMITS.title}
            readOnly={readOnly}
            inputRef={firstField}
            onSave={(title) => onChange({ title })}
          />
          <TextField
            label={t('recipe.forWhom')}
            hint={t('recipe.forWhomHint')}
            value={p.forWhom}
            maxLength={LIMITS.line}
            readOnly={readOnly}
            onSave={(forWhom) => onChange({ forWhom })}
          />
          <ListField
            label={t('recipe.ingredients')}
            itemLabel={(n) => t('recipe.ingredient', { n })}
            addLabel={t('recipe.addIngredient')}
            removeLabel={(n) => t('recipe.removeIngredient', { n })}
            items={p.ingredients}
            maxItems={LIMITS.ingredients}
            maxLength={LIMITS.line}
            readOnly={readOnly}
            onSave={(ingredients) => onChange({ ingredients })}
          />
          <div className="field" role="group" aria-labelledby={methodId}>
            <p id={methodId} className="field-label">
              {t('recipe.method')}
            </p>
            <p className="hint">{t('recipe.methodHint')}</p>
            <div className="recipe-method">{method}</div>
          </div>
          <TextField
            label={t('recipe.tips')}
            value={p.tips}
            maxLength={LIMITS.tips}
            readOnly={readOnly}
            multiline
            onSave={(tips) => onChange({ tips })}
          />
          <CreditFields recipe={recipe} readOnly={readOnly || !!props.creditsReadOnly} onChange={onChange} />
        </>
      )}
    </CardPanel>
  )
}

/** Who the recipe is credited to: names, or anonymous; and how the card will show it. */
function CreditFields({
  recipe,
  readOnly,
  onChange,
}: Pick<RecipePanelProps, 'recipe' | 'readOnly' | 'onChange'>) {
  const { t } = useTranslation('panels')
  return (
    <>
      <ListField
        label={t('recipe.credits')}
        itemLabel={(n) => t('recipe.credit', { n })}
        addLabel={t('recipe.addCredit')}
        removeLabel={(n) => t('recipe.removeCredit', { n })}
        items={recipe.props.credits}
        maxItems={LIMITS.credits}
        maxLength={LIMITS.name}
        readOnly={readOnly}
        onSave={(credits) => onChange({ credits })}
      />
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={recipe.props.anonymous}
          disabled={readOnly}
          onChange={(e) => onChange({ anonymous: e.target.checked })}
        />
        {t('recipe.anonymous')}
      </label>
      <p className="hint">
        {t('recipe.preview')}{' '}
        <strong>{creditLine(recipe.props.credits, recipe.props.anonymous, creditWords())}</strong>
      </p>
    </>
  )
}
