// Trunk post-build hook: moves the inline boot script Trunk writes into index.html out to a
// file, so the Content-Security-Policy can forbid inline script altogether; has that file
// register the service worker; writes the sample report into index.html, from the app just
// built, so a first visit shows it before the app's code has loaded; and writes into sw.js the
// files to keep for offline use.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSaysWhyNot } from './start-or-say-why.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('trunk-post-build: TRUNK_STAGING_DIR is not set; run this from Trunk.');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
let bootBody = '';
html = html.replace(inline, (_, attrs, body) => {
  bootBody = body;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  // The service worker keeps the app for offline use after the first visit.
  const register = "if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});";
  writeFileSync(join(dir, name), startSaysWhyNot(body) + '\n' + register + '\n');
  count += 1;
  const kept = attrs.replace(/\s*nonce="[^"]*"/, '');
  return `<script type="module"${kept} src="./${name}"></script>`;
});

// The sample report, from the built app itself (its `firstView` export), so what index.html
// shows first is exactly what the app then draws. Its start-up function finds no page here and
// returns without drawing.
const glueName = bootBody.match(/from '\/([^']+\.js)'/)?.[1];
const wasmName = bootBody.match(/module_or_path: '\/([^']+\.wasm)'/)?.[1];
if (!glueName || !wasmName) {
  console.error("trunk-post-build: cannot find the app's script and wasm in Trunk's boot script.");
  process.exit(1);
}
const placeholder = '<!-- the sample report -->';
if (!html.includes(placeholder)) {
  console.error(`trunk-post-build: index.html has no ${placeholder} to write the report into.`);
  process.exit(1);
}
// A copy named .mjs, so Node reads the glue as a module wherever the staging folder is.
const gluePath = join(tmpdir(), `wrb-first-view-${process.pid}.mjs`);
writeFileSync(gluePath, readFileSync(join(dir, glueName)));
let report;
try {
  const app = await import(pathToFileURL(gluePath).href);
  app.initSync({ module: readFileSync(join(dir, wasmName)) });
  report = app.firstView();
} finally {
  rmSync(gluePath, { force: true });
}
if (!report.startsWith('<article')) {
  console.error('trunk-post-build: the app gave no report for index.html.');
  process.exit(1);
}
html = html.replace(placeholder, () => report);
console.log(`trunk-post-build: wrote the sample report into index.html (${report.length} characters)`);

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('trunk-post-build: an inline script is left in index.html; the CSP would block it.');
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`trunk-post-build: moved ${count} inline script(s) to files`);

// The page's policy, for the server to send with every file: the page's meta tag covers the
// page and what it starts, but a service worker takes its policy from its own response, so
// sw.js would otherwise run with none. `_headers` is the form static hosts read (Netlify,
// Cloudflare Pages; the e2e server too); `trunk serve` sends it from Trunk.toml.
const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
if (!policy) {
  console.error('trunk-post-build: index.html has no Content-Security-Policy meta tag.');
  process.exit(1);
}
writeFileSync(join(dir, '_headers'), `/*\n  Content-Security-Policy: ${policy}\n`);

// Every staged file but the service worker itself (and the headers file, which is the
// server's), and a version from their contents.
const swPath = join(dir, 'sw.js');
const files = readdirSync(dir).filter((f) => f !== 'sw.js' && f !== '_headers').sort();
const version = createHash('sha256');
for (const file of files) version.update(file).update(readFileSync(join(dir, file)));
const sw = readFileSync(swPath, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__FILES__', JSON.stringify(['/', ...files.map((f) => `/${f}`)]));
writeFileSync(swPath, sw);
console.log(`trunk-post-build: sw.js keeps ${files.length} files for offline use`);
