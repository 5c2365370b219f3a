import { useEffect, useId, useRef, type ReactNode } from 'react'
import { creditLine, type ObjectOf, type PropsOf } from '../../shared/schema/kinds'
import { ListField, TextField } from './recipeFields'

const STRINGS = {
  panel: 'Recipe card',
  close: 'Close recipe',
  title: 'Title',
  forWhom: 'Who it is for',
  forWhomHint: 'The people or the situation this recipe suits.',
  ingredients: 'Ingredients',
  ingredient: (n: number) => `Ingredient ${n}`,
  addIngredient: 'Add ingredient',
  removeIngredient: (n: number) => `Remove ingredient ${n}`,
  method: 'Method',
  methodHint: 'The steps, in order.',
  tips: 'Tips',
  credits: 'Credits',
  credit: (n: number) => `Name ${n}`,
  addCredit: 'Add name',
  removeCredit: (n: number) => `Remove name ${n}`,
  anonymous: 'Share anonymously (no names on the card)',
  preview: 'Shown on the card as:',
}

/** The schema's limits, mirrored as field limits so the board never refuses what was typed. */
const LIMITS = { title: 200, line: 500, ingredients: 100, tips: 4000, credits: 30, name: 120 }

export interface RecipePanelProps {
  readonly recipe: ObjectOf<'recipe'>
  readonly readOnly: boolean
  readonly onChange: (changes: Partial<PropsOf<'recipe'>>) => void
  readonly onClose: () => void
  /** The rich-text editor of the method, bound to the card's text (the board provides it). */
  readonly method: ReactNode
}

/** Editing a recipe card beside the board: every field labelled, saved as people type. */
export function RecipePanel({ recipe, readOnly, onChange, onClose, method }: RecipePanelProps) {
  const headingId = useId()
  const methodId = useId()
  const first = useRef<HTMLInputElement | null>(null)
  const p = recipe.props
  // Opening the panel (or another card in it) puts the keyboard on its first field.
  useEffect(() => first.current?.focus(), [recipe.id])

  return (
    <aside className="recipe-panel" aria-labelledby={headingId}>
      <div className="recipe-panel-head">
        <h2 id={headingId}>{STRINGS.panel}</h2>
        <button type="button" onClick={onClose} title={`${STRINGS.close} (Escape)`}>
          {STRINGS.close}
        </button>
      </div>
      <div
        key={recipe.id}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !(e.target instanceof HTMLElement && e.target.isContentEditable))
            onClose()
        }}
      >
        <TextField
          label={STRINGS.title}
          value={p.title}
          maxLength={LIMITS.title}
          readOnly={readOnly}
          inputRef={(el) => (first.current = el)}
          onSave={(title) => onChange({ title })}
        />
        <TextField
          label={STRINGS.forWhom}
          hint={STRINGS.forWhomHint}
          value={p.forWhom}
          maxLength={LIMITS.line}
          readOnly={readOnly}
          onSave={(forWhom) => onChange({ forWhom })}
        />
        <ListField
          label={STRINGS.ingredients}
          itemLabel={STRINGS.ingredient}
          addLabel={STRINGS.addIngredient}
          removeLabel={STRINGS.removeIngredient}
          items={p.ingredients}
          maxItems={LIMITS.ingredients}
          maxLength={LIMITS.line}
          readOnly={readOnly}
          onSave={(ingredients) => onChange({ ingredients })}
        />
        <div className="field" role="group" aria-labelledby={methodId}>
          <p id={methodId} className="field-label">
            {STRINGS.method}
          </p>
          <p className="hint">{STRINGS.methodHint}</p>
          <div className="recipe-method">{method}</div>
        </div>
        <TextField
          label={STRINGS.tips}
          value={p.tips}
          maxLength={LIMITS.tips}
          readOnly={readOnly}
          multiline
          onSave={(tips) => onChange({ tips })}
        />
        <CreditFields recipe={recipe} readOnly={readOnly} onChange={onChange} />
      </div>
    </aside>
  )
}

/** Who the recipe is credited to: names, or anonymous; and how the card will show it. */
function CreditFields({
  recipe,
  readOnly,
  onChange,
}: Pick<RecipePanelProps, 'recipe' | 'readOnly' | 'onChange'>) {
  return (
    <>
      <ListField
        label={STRINGS.credits}
        itemLabel={STRINGS.credit}
        addLabel={STRINGS.addCredit}
        removeLabel={STRINGS.removeCredit}
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
        {STRINGS.anonymous}
      </label>
      <p className="hint">
        {STRINGS.preview} <strong>{creditLine(recipe.props.credits, recipe.props.anonymous)}</strong>
      </p>
    </>
  )
}
