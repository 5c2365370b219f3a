import { useMemo } from 'react'
import type * as Y from 'yjs'
import { textOf } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { StoryPanel } from '../panels/StoryPanel'
import type { BoardCommands, Permissions } from '../state'
import { NoteEditor } from '../text/LazyNoteEditor'
import { useTranslation } from 'react-i18next'

/**
 * The story panel for one card, with its text editor bound to the card's rich text (the panel itself
 * never sees Y types; the board hands it the editor, read-only for those who may not change it).
 */
export function StorySidePanel(props: {
  doc: Y.Doc
  story: BoardObject | undefined
  readOnly: boolean
  may: Permissions
  commands: BoardCommands
  onClose: () => void
}) {
  const { t } = useTranslation('material')
  const { doc, story } = props
  const id = story?.id
  const fragment = useMemo(() => (id ? textOf(doc, id) : undefined), [doc, id])
  if (!story || story.kind !== 'story') return null
  const readOnly = props.readOnly || !props.may.edit(story)
  return (
    <StoryPanel
      story={story}
      readOnly={readOnly}
      creditReadOnly={!props.may.author(story, 'credit')}
      onChange={(changes) => props.commands.updateProps(story.id, 'story', changes)}
      onClose={props.onClose}
      text={
        fragment && (
          <NoteEditor
            key={story.id}
            fragment={fragment}
            label={t('story.text')}
            lang={story.lang}
            autofocus={false}
            readOnly={readOnly}
            onDone={props.onClose}
          />
        )
      }
    />
  )
}
