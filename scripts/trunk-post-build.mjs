// Trunk post-build hook: moves the inline boot script Trunk writes into index.html out to a
// file, so the Content-Security-Policy can forbid inline script altogether; has that file
// register the service worker; and writes into sw.js the files to keep for offline use.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('trunk-post-build: TRUNK_STAGING_DIR is not set; run this from Trunk.');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, attrs, body) => {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  // The service worker keeps the app for offline use after the first visit.
  const register = "if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});";
  writeFileSync(join(dir, name), body.trim() + '\n' + register + '\n');
  count += 1;
  const kept = attrs.replace(/\s*nonce="[^"]*"/, '');
  return `<script type="module"${kept} src="./${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('trunk-post-build: an inline script is left in index.html; the CSP would block it.');
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`trunk-post-build: moved ${count} inline script(s) to files`);

// Every staged file but the service worker itself, and a version from their contents.
const swPath = join(dir, 'sw.js');
const files = readdirSync(dir).filter((f) => f !== 'sw.js').sort();
const version = createHash('sha256');
for (const file of files) version.update(file).update(readFileSync(join(dir, file)));
const sw = readFileSync(swPath, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__FILES__', JSON.stringify(['/', ...files.map((f) => `/${f}`)]));
writeFileSync(swPath, sw);
console.log(`trunk-post-build: sw.js keeps ${files.length} files for offline use`);
