import { useTranslation } from 'react-i18next'

/** A full-page message: loading, or why a link cannot be opened. */
export function MessagePage(props: { title: string; message?: string; alert?: boolean }) {
  const { t } = useTranslation('pages')
  return (
    <main className="page message">
      <div className="card" role={props.alert ? 'alert' : undefined}>
        <h1>{props.title}</h1>
        {props.message && <p>{props.message}</p>}
        {props.alert && (
          <p>
            <a href="/">{t('message.home')}</a>
          </p>
        )}
      </div>
    </main>
  )
}
