/**
 * The one inline script: it runs in `<head>` before the first paint and applies the theme the
 * reader chose (the toggle in public/scripts/theme.js stores it), so a dark-theme reader never
 * sees a flash of light. Its exact text is this constant, so the Content-Security-Policy can
 * allow it by hash.
 */
export const THEME_STORAGE_KEY = 'theme';

export const THEME_BOOTSTRAP = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
