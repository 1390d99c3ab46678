// A static file server for dist/, on a free loopback port, so the tests need nothing running.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/// The headers a static host would send for every file, from the build's `_headers` (the form
/// Netlify and Cloudflare Pages read): the page's Content-Security-Policy among them.
async function headersFor(root) {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  return Object.fromEntries(text.split('\n').filter((line) => /^\s+\S+:/.test(line)).map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
  }));
}

export async function serve(dir) {
  const root = resolve(dir);
  const always = await headersFor(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    // The headers file is the server's, never a file of the site.
    if (!file.startsWith(root) || path === '/_headers') {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...always, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}
