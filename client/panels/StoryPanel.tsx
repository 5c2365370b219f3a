import './material.css'
import { useId, type ReactNode } from 'react'
import { CardPanel } from './CardPanel'
import { useTranslation } from 'react-i18next'
import {
  STORY_CREDIT_MAX,
  STORY_TITLE_MAX,
  storyCredit,
  type ObjectOf,
  type PropsOf,
} from '../../shared/schema/kinds'
import { useTextShown, useShownTextStore } from '../canvas/objects/shownText'
import { storyWords } from '../i18n/creditWords'
import { TextField } from './recipeFields'

export interface StoryPanelProps {
  readonly story: ObjectOf<'story'>
  readonly readOnly: boolean
  /** The storyteller's credit and anonymity are the card's author's alone (the board's rules). */
  readonly creditReadOnly: boolean
  readonly onChange: (changes: Partial<PropsOf<'story'>>) => void
  readonly onClose: () => void
  /** The story's rich-text editor (or reader), bound to the card's text (the board provides it). */
  readonly text: ReactNode
}

/**
 * A story card beside the board: the whole story to read (and, for those who may, to edit), its
 * title and who told it. Behind a content note the story waits for this person's Show text.
 */
export function StoryPanel(props: StoryPanelProps) {
  const { story, readOnly, onChange, onClose } = props
  const { t } = useTranslation('material')
  const textId = useId()
  const shown = useTextShown(story)
  const store = useShownTextStore()
  const p = story.props

  return (
    <CardPanel
      className="recipe-panel story-panel"
      heading={t('story.panelTitle')}
      close={t('story.close')}
      closeTitle={t('story.closeTitle')}
      cardId={story.id}
      onClose={onClose}
    >
      {(firstField) => (
        <>
          <TextField
            label={t('story.title')}
            value={p.title}
            maxLength={STORY_TITLE_MAX}
            readOnly={readOnly}
            inputRef={firstField}
            onSave={(title) => onChange({ title })}
          />
          <p className="story-credit">{storyCredit(p.credit, p.anonymous, storyWords())}</p>
          {story.contentNote && (
            <div className="content-note" role="note" aria-label={t('contentNote.label')}>
              <strong>{t('contentNote.prefix', { note: story.contentNote })}</strong>
              <button type="button" onClick={() => (shown ? store.hide(story.id) : store.show(story.id))}>
                {shown ? t('contentNote.hide') : t('contentNote.show')}
              </button>
            </div>
          )}
          <div className="field" role="group" aria-labelledby={textId}>
            <p id={textId} className="field-label">
              {t('story.text')}
            </p>
            {shown ? (
              <div className="recipe-method" lang={story.lang || undefined}>
                {props.text}
              </div>
            ) : (
              <p className="hint">{t('contentNote.hiddenText')}</p>
            )}
          </div>
          <TextField
            label={t('story.credit')}
            value={p.credit}
            maxLength={STORY_CREDIT_MAX}
            readOnly={readOnly || props.creditReadOnly}
            onSave={(credit) => onChange({ credit })}
          />
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={p.anonymous}
              disabled={readOnly || props.creditReadOnly}
              onChange={(e) => onChange({ anonymous: e.target.checked })}
            />
            {t('story.anonymous')}
          </label>
        </>
      )}
    </CardPanel>
  )
}
