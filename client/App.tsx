import { useTranslation } from 'react-i18next'
import { HomePage } from './pages/HomePage'
import { MessagePage } from './pages/MessagePage'
import { SessionPage } from './pages/SessionPage'

/** The app has two pages; a full router would be more than it needs. */
export type Route =
  { page: 'home' } | { page: 'session'; sessionId: string; key: string } | { page: 'missing' }

/** Which page an address shows. */
export function routeOf(loc: Pick<Location, 'pathname' | 'search'>): Route {
  if (loc.pathname === '/' || loc.pathname === '/index.html') return { page: 'home' }
  const match = /^\/s\/([^/]+)\/?$/.exec(loc.pathname)
  if (match?.[1]) {
    return {
      page: 'session',
      sessionId: decodeURIComponent(match[1]),
      key: new URLSearchParams(loc.search).get('key') ?? '',
    }
  }
  return { page: 'missing' }
}

export function App() {
  const { t } = useTranslation('pages')
  const route = routeOf(window.location)
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'session':
      // Keyed so that following a link to another session starts from a clean slate.
      return (
        <SessionPage
          key={`${route.sessionId}?${route.key}`}
          sessionId={route.sessionId}
          accessKey={route.key}
        />
      )
    case 'missing':
      return <MessagePage title={t('message.notFound')} message={t('message.nothingHere')} alert />
  }
}
