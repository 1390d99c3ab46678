// Makes the single-file build: the release build in dist/ folded into one .html that an officer
// can save on a laptop and open from file://, with no server. Browsers refuse module scripts and
// wasm fetched from file://, so everything rides inside the page: styles inline, the app's
// JavaScript glue inline, each wasm file as base64 in a data block, and each worker started from
// a data: address (the app looks those up in window.wrbWorkers). Not blob:, because a page
// opened from file:// has an opaque origin, and the worker gloo-worker starts from its own blob:
// cannot load a second blob: made by the page; a data: address it can.
//
// Usage: node scripts/single-file.mjs [DIST] [OUT]
//   defaults: dist/  and  dist-single/workforce-report-builder.html
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startSaysWhyNot } from './start-or-say-why.mjs';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? join('dist-single', 'workforce-report-builder.html');
const fail = (why) => {
  console.error(`single-file: ${why}`);
  process.exit(1);
};
if (!existsSync(join(dist, 'index.html'))) fail(`${dist}/index.html is missing: run \`trunk build --release\` first`);

const read = (name) => readFileSync(join(dist, name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
let html = read('index.html').toString('utf8');
const files = readdirSync(dist);

// Styles, inline, each allowed by its hash rather than by 'unsafe-inline'.
const styleHashes = [];
html = html.replace(/<link rel="stylesheet" href="\/([^"]+)"[^>]*>/g, (_, name) => {
  const css = read(name).toString('utf8');
  styleHashes.push(sha256(css));
  return `<style>${css}</style>`;
});

// The icon as a data: address.
html = html.replace(/<link rel="icon" href="\/([^"]+)"[^>]*>/, (_, name) =>
  `<link rel="icon" href="data:image/svg+xml;base64,${read(name).toString('base64')}">`);

// Classic scripts (index.html's first, which runs before the page is drawn), inline, each
// allowed by its hash.
const scriptHashes = [];
html = html.replace(/<script src="\/([^"]+\.js)"[^>]*><\/script>/g, (_, name) => {
  const js = read(name).toString('utf8');
  if (/<\/script/i.test(js)) fail(`${name} holds </script>, which would end the inline script early`);
  scriptHashes.push(sha256(js));
  return `<script>${js}</script>`;
});

// Nothing to preload: it is all here.
html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');

// The app: its glue and wasm, found through the boot file the post-build hook wrote.
const bootMatch = html.match(/<script type="module" src="\.\/(boot-[^"]+\.js)"><\/script>/);
if (!bootMatch) fail('no boot script in dist/index.html');
const boot = read(bootMatch[1]).toString('utf8');
const glueName = boot.match(/from '\/([^']+\.js)'/)?.[1];
const wasmName = boot.match(/module_or_path: '\/([^']+\.wasm)'/)?.[1];
if (!glueName || !wasmName) fail(`cannot find the app's files in ${bootMatch[1]}`);
const glue = read(glueName).toString('utf8');

// Workers: every NAME.js with a NAME_bg.wasm beside it that is not the app.
const workers = files
  .filter((f) => f.endsWith('.js') && files.includes(f.replace(/\.js$/, '_bg.wasm')) && f !== glueName)
  .map((f) => f.replace(/\.js$/, ''));

const blocks = [`<script type="application/octet-stream" id="wrb-wasm-app">${read(wasmName).toString('base64')}</script>`];
for (const name of workers) {
  // A worker script: the glue, then its start with the wasm bytes. The loader gloo-worker puts
  // in front calls wasm_bindgen(URL) again; that call returns this start's promise.
  const source = `${read(`${name}.js`).toString('utf8')}
;(() => {
  const text = ${JSON.stringify(read(`${name}_bg.wasm`).toString('base64'))};
  const bytes = new Uint8Array(text.length * 3 / 4 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0));
  const raw = atob(text);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = raw.charCodeAt(i);
  wasm_bindgen({ module_or_path: bytes });
})();
`;
  blocks.push(`<script type="application/octet-stream" id="wrb-worker-${name}">${Buffer.from(source).toString('base64')}</script>`);
}

const start = `${glue}
const wrbBytes = (id) => {
  const raw = atob(document.getElementById(id).textContent);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
};
window.wrbWorkers = {};
for (const name of ${JSON.stringify(workers)}) {
  window.wrbWorkers[name] = 'data:text/javascript;base64,' + document.getElementById('wrb-worker-' + name).textContent;
}
window.wrbSingleFile = true;
${startSaysWhyNot(`const wrbWasm = await __wbg_init({ module_or_path: wrbBytes('wrb-wasm-app') });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wrbWasm } }));`)}
`;
if (/<\/script/i.test(start)) fail("the app's script holds </script>, which would end the inline script early");
html = html.replace(bootMatch[0], `${blocks.join('\n')}\n<script type="module">${start}</script>`);

// The policy: only this page's own script and styles, by hash; the workers' start-up shims
// (blob:) and the worker scripts they load (data:); nothing fetched, and no connection at all.
const policy = [
  "default-src 'none'",
  `script-src ${[...scriptHashes, sha256(start)].join(' ')} data: 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${styleHashes.join(' ')}`,
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${policy}$2`);
if (!html.includes(policy)) fail('no Content-Security-Policy meta in dist/index.html to replace');
if (/(?:src|href)="\//.test(html)) fail(`a reference to a file is left: ${html.match(/(?:src|href)="\/[^"]*"/)[0]}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: wrote ${out} (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB; workers: ${workers.join(', ') || 'none'})`);
