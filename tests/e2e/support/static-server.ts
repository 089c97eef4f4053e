import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** e.g. `http://127.0.0.1:41234/reading-list/` */
  url: string;
  /** Request paths seen, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * A plain static file server on loopback, like any host would be: `dir/` serves `dir/index.html`,
 * a missing file gets the site's 404 page with status 404. It serves `root` under `base`.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const send = (file: string, status = 200) => {
      response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      createReadStream(file).pipe(response);
    };
    const notFound = () => {
      const page = join(root, '404.html');
      if (existsSync(page)) send(page, 404);
      else response.writeHead(404).end('not found');
    };
    if (!path.startsWith(base)) return notFound();
    const relative = normalize(path.slice(base.length)).replace(/^(\.\.(\/|$))+/, '');
    let file = join(root, relative);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    send(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
