/** Repository links as they appear in abstracts: `https://github.com/owner/repo`, also on GitLab. */
const REPO_LINK = /\bhttps?:\/\/(?:www\.)?(github\.com|gitlab\.com)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)/gi;
/** The same, as a whole value; its own object, so `matchAll` on `REPO_LINK` never inherits a `lastIndex`. */
const REPO_URL = new RegExp(`^${REPO_LINK.source}`, 'i');

/**
 * The canonical `https://host/owner/repo` form of a GitHub or GitLab repository URL,
 * or null when the value is not one.
 */
export function canonicalRepoUrl(value: string): string | null {
  const match = REPO_URL.exec(value.trim());
  if (!match) return null;
  const host = match[1]!.toLowerCase();
  const owner = match[2]!;
  const repo = match[3]!.replace(/\.git$/i, '').replace(/[.]+$/, '');
  if (!repo || owner.startsWith('.') || repo.startsWith('.')) return null;
  return `https://${host}/${owner}/${repo}`;
}

/** Every repository linked from a text, canonical and without duplicates, in order of appearance. */
export function findRepoLinks(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(REPO_LINK)) {
    const url = canonicalRepoUrl(match[0]);
    if (url) found.push(url);
  }
  return uniqueUrls(found);
}

/** Keeps the first of URLs that differ only in case. */
export function uniqueUrls(urls: readonly string[]): string[] {
  const seen = new Set<string>();
  return urls.filter((url) => {
    const key = url.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A well-formed external `https:` URL, or null. `http:` is upgraded; anything else
 * (`javascript:`, `data:`, relative paths, spaces) is refused, so no digest can plant a live link.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed) || /\s/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.') || url.username || url.password) return null;
    url.protocol = 'https:';
    return url.href;
  } catch {
    return null;
  }
}
