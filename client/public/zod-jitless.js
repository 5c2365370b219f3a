// Zod compiles fast parsers with `new Function` when it can, and probes for that by trying it as
// its schemas are built; the page's Content-Security-Policy allows no eval, so the probe would be
// refused and reported as a violation. Zod reads this setting when it loads: it must come before
// the app's modules, hence a classic script in index.html (an inline one is refused too).
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true }
