// first: a session link's access check leaves before the rest of the page's code has started
import './earlyAccess'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { watchContrast } from './a11y/contrastPreference'
import { App } from './App'
import { registerCjkFirstFont } from './cjkFont'
import { currentLanguage, i18nReady } from './i18n'
import './styles.css'
import './a11y/a11y.css'

watchContrast()
// Noto Sans SC's @font-face rules (in small subsets by unicode-range: only those a page's text uses
// are fetched), so Chinese on the home and join pages, in names and panels, never falls to boxes on
// a machine without a Chinese system font. The page's font stack names it (a11y.css). Its 100 rules
// are not on an English page's way to its first paint; a Chinese page waits for them.
const cjkFont = import('@fontsource/noto-sans-sc/400.css').then(
  () => registerCjkFirstFont(),
  () => {}, // offline or mid-deploy: the system's fonts draw what they can
)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// in the person's language from the first paint (a language other than English is fetched first)
void i18nReady.then(async () => {
  if (currentLanguage() !== 'en') await cjkFont
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
