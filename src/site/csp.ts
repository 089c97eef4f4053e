import { createHash } from 'node:crypto';
import { THEME_BOOTSTRAP } from './theme.ts';

/** The `'sha256-…'` source that allows exactly one inline script. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy every page sets through `<meta>`. Everything comes from the site
 * itself; the only inline script is the theme bootstrap, allowed by its hash; Pagefind needs
 * `'wasm-unsafe-eval'` to run its WebAssembly and a worker from the site. (`frame-ancestors`
 * cannot be set from `<meta>`; a host that wants it sets the header.)
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHash(THEME_BOOTSTRAP)}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
