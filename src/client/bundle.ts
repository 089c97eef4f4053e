import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Browser scripts are TypeScript in src/client/, bundled by esbuild into classic scripts at
 * `<site>/scripts/<name>.js`: classic, because module scripts do not run from file://, and at a
 * fixed path, so pages link them relatively and the site works under any base path or from disk.
 */
export const PAGE_SCRIPTS = ['site', 'search-page', 'offline-save'] as const;
export type PageScript = (typeof PAGE_SCRIPTS)[number];

const sourceOf = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));

export async function bundleClientScript(name: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [sourceOf(name)],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
    define,
  });
  return result.outputFiles[0]!.text;
}

export function clientScriptsIntegration(): AstroIntegration {
  return {
    name: 'reading-list:client-scripts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'reading-list:serve-client-scripts',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const name = /\/scripts\/([a-z-]+)\.js(?:\?|$)/.exec(request.url ?? '')?.[1];
                    if (!name || !(PAGE_SCRIPTS as readonly string[]).includes(name)) return next();
                    bundleClientScript(name).then(
                      (code) => {
                        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                        response.end(code);
                      },
                      (error: unknown) => next(error),
                    );
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const scripts = new URL('scripts/', dir);
        await mkdir(scripts, { recursive: true });
        for (const name of PAGE_SCRIPTS) await writeFile(new URL(`${name}.js`, scripts), await bundleClientScript(name));
        logger.info(`Bundled ${PAGE_SCRIPTS.length} client scripts.`);
      },
    },
  };
}
