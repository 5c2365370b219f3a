import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { watchContrast } from './a11y/contrastPreference'
import { App } from './App'
import { i18nReady } from './i18n'
import './styles.css'
import './a11y/a11y.css'

watchContrast()

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
