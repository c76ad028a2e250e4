/**
 * A minimal static file server for `dist/` on a loopback port, with the same URL rules as a static host (index.html, 404.html).
 * Files are read from disk once and then served from memory: the suite requests the same pages and assets thousands of times.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

const isFileCache = new Map<string, Promise<boolean>>();
const bodyCache = new Map<string, Promise<Buffer>>();

function isFile(path: string): Promise<boolean> {
  let known = isFileCache.get(path);
  if (!known) {
    known = stat(path).then((s) => s.isFile(), () => false);
    isFileCache.set(path, known);
  }
  return known;
}

function contents(path: string): Promise<Buffer> {
  let body = bodyCache.get(path);
  if (!body) {
    body = readFile(path);
    bodyCache.set(path, body);
  }
  return body;
}

/** Starts serving `root` on 127.0.0.1; resolves with the server and its origin. */
export async function serveStatic(root: string, port = 0): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (path.endsWith('/')) file = join(file, 'index.html');
    else if (!(await isFile(file)) && (await isFile(join(file, 'index.html')))) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const found = await isFile(file);
    const body = await contents(found ? file : join(root, '404.html')).catch(() => Buffer.from('not found'));
    res.writeHead(found ? 200 : 404, { 'content-type': found ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html'] });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, origin: `http://127.0.0.1:${actualPort}` };
}
