/**
 * Builds three sites once per test run into a temporary folder: the hostile digests ingested,
 * the fixture content under a base path (every page type, hostile text) and the committed content
 * at the root (every seed paper). Each build runs Astro's `build()` in its own process
 * (build-site.ts), so none sees another's settings. The tests read the built files back.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

export interface BuiltSite {
  /** The output folder. */
  dist: string;
  /** `SITE_URL` + `SITE_BASE`: where the site's root is served. */
  siteUrl: string;
  base: string;
  contentDir: string;
  repoUrl: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: BuiltSite;
    realSite: BuiltSite;
    hostileSite: BuiltSite;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/site-content');
const SITE_URL = 'https://papers.example';

async function buildSite(work: string, name: string, contentDir: string, base: string, repoUrl: string | null, settings: Record<string, string> = {}): Promise<BuiltSite> {
  const dist = join(work, name);
  const env = { ...process.env, CONTENT_DIR: contentDir, SITE_URL, SITE_BASE: base, REPO_URL: repoUrl ?? '', ...settings };
  const started = performance.now();
  try {
    // A cache folder per build, so neither build reuses the other's content store.
    await promisify(execFile)(process.execPath, [join(ROOT, 'tests/site/build-site.ts'), dist, join(work, `${name}-cache`)], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`building the ${name} site (${contentDir}) failed:\n${stdout}\n${stderr}`);
  }
  console.info(`[site tests] built the ${name} site (${contentDir}, base ${base}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dist, siteUrl: `${SITE_URL}${base}`, base, contentDir, repoUrl };
}

/** The hostile digests (issue 6): ingested like any digest into a fresh content folder. */
export const HOSTILE_DIGESTS = ['hostile-page.txt', 'hostile-api.json'].map((name) => join(ROOT, 'tests/fixtures/hostile', name));

async function ingestHostile(work: string): Promise<string> {
  const workspace = join(work, 'hostile-workspace');
  mkdirSync(workspace);
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/ingest.ts'), ...HOSTILE_DIGESTS], { cwd: workspace });
  return join(workspace, 'content');
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'reading-list-site-'));
  project.provide('hostileSite', await buildSite(work, 'hostile', await ingestHostile(work), '/', null));
  project.provide('fixtureSite', await buildSite(work, 'fixture', FIXTURE_CONTENT, '/reading-list/', 'https://git.example/curator/reading-list'));
  // Small search shards, so the search tests run over several, as a list of tens of thousands of
  // papers does (the committed list fits in one at the default size).
  project.provide('realSite', await buildSite(work, 'real', join(ROOT, 'content'), '/', null, { SEARCH_SHARD_PAGES: '100' }));
  return () => rmSync(work, { recursive: true, force: true });
}
