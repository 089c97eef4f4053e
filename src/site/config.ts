/**
 * The site's settings in one typed place. CI deploys the same repository to different hosts, so
 * the URL, base path and repository can each be overridden from the environment.
 */
export interface SiteConfig {
  /** Site title, in the header and the feeds. */
  title: string;
  /** One sentence on what the list is. */
  description: string;
  /** Absolute origin the site is served from (`SITE_URL`), for canonical URLs and feeds. */
  url: string;
  /** Path prefix the site lives under (`SITE_BASE`), always starting and ending with `/`. */
  base: string;
  /** The git repository's web URL (`REPO_URL`); "edit this entry" links are hidden when null. */
  repoUrl: string | null;
  /** The branch edit links point at (`REPO_BRANCH`). */
  repoBranch: string;
}

export const DEFAULTS = {
  title: 'Papers worth reading',
  description: 'A curated reading list of machine-learning research, gathered from Hugging Face Daily Papers digests.',
  url: 'http://localhost:4321',
  base: '/',
  repoUrl: null,
  repoBranch: 'main',
} as const satisfies SiteConfig;

/** `/`, `/reading-list/`: a leading and a trailing slash, nothing doubled. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

export function resolveSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const url = nonEmpty(env.SITE_URL) ?? DEFAULTS.url;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) URL, not "${url}"`);
  const repoUrl = nonEmpty(env.REPO_URL)?.replace(/\/+$/, '') ?? DEFAULTS.repoUrl;
  return {
    title: nonEmpty(env.SITE_TITLE) ?? DEFAULTS.title,
    description: nonEmpty(env.SITE_DESCRIPTION) ?? DEFAULTS.description,
    url: parsed.origin,
    base: normalizeBase(nonEmpty(env.SITE_BASE) ?? DEFAULTS.base),
    repoUrl,
    repoBranch: nonEmpty(env.REPO_BRANCH) ?? DEFAULTS.repoBranch,
  };
}

export const siteConfig: SiteConfig = resolveSiteConfig(process.env);
