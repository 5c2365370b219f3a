import { useTranslation } from 'react-i18next'
import { setHighContrast, useHighContrast } from './contrastPreference'

/**
 * A toggle button for the high-contrast theme (remembered on this device). It shows an icon, to
 * leave the crowded header its room; the name is its accessible name and its tooltip.
 */
export function ContrastToggle() {
  const { t } = useTranslation('common')
  const on = useHighContrast()
  return (
    <button
      type="button"
      className="contrast-toggle"
      aria-label={t('highContrast')}
      title={t('highContrast')}
      aria-pressed={on}
      onClick={() => setHighContrast(!on)}
    >
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M10 2a8 8 0 0 1 0 16z" fill="currentColor" />
      </svg>
    </button>
  )
}
