import { useMemo } from 'react'
import type * as Y from 'yjs'
import { textOf } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { RecipePanel } from '../panels/RecipePanel'
import type { BoardCommands, Permissions } from '../state'
import { NoteEditor } from '../text/LazyNoteEditor'
import { useTranslation } from 'react-i18next'

/**
 * The recipe panel for one card, with its method editor bound to the card's rich text (the panel
 * itself never sees Y types; the board hands it the editor).
 */
export function RecipeSidePanel(props: {
  doc: Y.Doc
  recipe: BoardObject | undefined
  readOnly: boolean
  may: Permissions
  commands: BoardCommands
  onClose: () => void
}) {
  const { t } = useTranslation('board')
  const { doc, recipe } = props
  const id = recipe?.id
  const fragment = useMemo(() => (id ? textOf(doc, id) : undefined), [doc, id])
  if (!recipe || recipe.kind !== 'recipe') return null
  const readOnly = props.readOnly || !props.may.edit(recipe)
  return (
    <RecipePanel
      recipe={recipe}
      readOnly={readOnly}
      creditsReadOnly={!props.may.author(recipe, 'credits')}
      onChange={(changes) => props.commands.updateProps(recipe.id, 'recipe', changes)}
      onClose={props.onClose}
      method={
        fragment && (
          <NoteEditor
            key={recipe.id}
            fragment={fragment}
            label={t('editor.method')}
            lang={recipe.lang}
            autofocus={false}
            readOnly={readOnly}
            onDone={props.onClose}
          />
        )
      }
    />
  )
}
