import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { watchContrast } from './a11y/contrastPreference'
import { App } from './App'
import { registerCjkFirstFont } from './cjkFont'
import { i18nReady } from './i18n'
// Noto Sans SC's @font-face rules (in small subsets by unicode-range: only those a page's text uses
// are fetched), so Chinese on the home and join pages, in names and panels, never falls to boxes on
// a machine without a Chinese system font. The page's font stack names it (a11y.css).
import '@fontsource/noto-sans-sc/400.css'
import './styles.css'
import './a11y/a11y.css'

watchContrast()
registerCjkFirstFont()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// in the person's language from the first paint (a language other than English is fetched first)
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
