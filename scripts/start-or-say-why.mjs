// The app's start, wrapped so that should its code fail to load or start (a browser short of
// memory, say), the page as index.html drew it says so, rather than "Getting the editor
// ready…" for ever. Used by scripts/trunk-post-build.mjs and scripts/single-file.mjs.

/// `body` is a module script's text: its imports stay first, the rest goes in the try.
export function startSaysWhyNot(body) {
  const imports = body.match(/^\s*import [^;]+;\s*$/gm) ?? [];
  const rest = imports.reduce((text, line) => text.replace(line, ''), body).trim();
  return `${imports.map((line) => line.trim()).join('\n')}
try {
${rest}
} catch (error) {
  for (const status of document.querySelectorAll('#first-view .first-view-status')) {
    status.classList.add('failed');
    status.textContent = 'The editor could not start in this browser, so nothing here can be changed. '
      + 'Reload the page to try again: any draft you kept is still in this browser. (' + error + ')';
  }
  throw error;
}`;
}
