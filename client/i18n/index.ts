import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_LANG, isUiLang, type UiLang } from '../../shared/lang'
import { en } from './en'
import type { Translation } from './types'

/** Where a person's language choice is remembered on this device. */
const STORAGE_KEY = 'wb:lang'

/** The remembered choice, else the browser's language when it is Chinese, else English. */
export function detectLanguage(
  stored: string | null = readStored(),
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): UiLang {
  if (isUiLang(stored)) return stored
  return browser.some((l) => /^zh\b/i.test(l)) ? 'zh-CN' : DEFAULT_LANG
}

function readStored(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  } catch {
    return null // storage blocked (private mode, sandboxed frame): fall back to the browser's language
  }
}

/** The app's i18next instance; React components use it through useTranslation. */
export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources: { en },
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: ['en', 'zh-CN'],
  defaultNS: 'common',
  ns: Object.keys(en),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes; exports escape for their own format
  returnNull: false,
  showSupportNotice: false,
})

const applyToPage = (lang: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang
}
applyToPage(i18n.language)
i18n.on('languageChanged', applyToPage)

/** The language the interface speaks now. */
export const currentLanguage = (): UiLang => (isUiLang(i18n.language) ? i18n.language : DEFAULT_LANG)

/** Translations other than English, fetched the first time someone chooses them (the page loads less). */
const LOADERS: Record<Exclude<UiLang, 'en'>, () => Promise<Translation<typeof en>>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
}

/** Makes a language's translations available (fetching them on first use). */
export async function loadLanguage(lang: UiLang): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'common')) return
  const bundles = await LOADERS[lang]()
  for (const [ns, bundle] of Object.entries(bundles)) i18n.addResourceBundle(lang, ns, bundle, true, true)
}

/** Loads a language and switches the interface to it. */
export async function applyLanguage(lang: UiLang): Promise<void> {
  await loadLanguage(lang)
  await i18n.changeLanguage(lang)
}

/** Resolves once the person's language is loaded and on: the app renders after it, never in the wrong words. */
export const i18nReady: Promise<void> =
  typeof window === 'undefined' ? Promise.resolve() : applyLanguage(detectLanguage()).catch(() => {})

/** Switches the interface's language and remembers the choice on this device. */
export function setLanguage(lang: UiLang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // not remembered, but the switch still applies for this visit
  }
  void applyLanguage(lang)
}
