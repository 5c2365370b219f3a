import { useTranslation } from 'react-i18next'

/**
 * The server speaks another schema version than this page (shared/schema/handshake.ts): one sentence
 * and a Reload button; the page reloads only when the person presses it (an older page's unsent work
 * is kept for after the reload: client/sync/carryOver.ts).
 */
export function SchemaNotice({ schema }: { schema: 'reload' | 'newer' }) {
  const { t } = useTranslation('schema')
  return (
    <div className="banner refusal-banner schema-banner" role="alert">
      <span>{t(schema === 'reload' ? 'reload' : 'newer')}</span>
      <button type="button" onClick={() => window.location.reload()}>
        {t('reloadButton')}
      </button>
    </div>
  )
}
