import { useTranslation } from 'react-i18next'

export type FacilitationPanelId = 'agenda' | 'results'

/** The header's toggles for the facilitation panels (Results once voting has given some). */
export function HeaderButtons(props: {
  open: string | null
  hasResults: boolean
  onToggle: (id: FacilitationPanelId) => void
}) {
  const { t } = useTranslation('facilitation')
  const button = (id: FacilitationPanelId) => (
    <button
      type="button"
      aria-pressed={props.open === id}
      aria-controls={props.open === id ? 'side-panel' : undefined}
      onClick={() => props.onToggle(id)}
    >
      {t(`header.${id}`)}
    </button>
  )
  return (
    <>
      {button('agenda')}
      {props.hasResults && button('results')}
    </>
  )
}
