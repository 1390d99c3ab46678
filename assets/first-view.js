// Runs before the page is drawn. An officer with a draft kept in this browser gets that draft,
// not the sample drawn into index.html, so the sample stays hidden rather than flashing first.
// wrb.kept is set by the app whenever it keeps a draft; wrb.drafts and wrb.draft are the lists
// an older version kept.
try {
  const kept = (key) => { const v = localStorage.getItem(key); return v !== null && v !== '[]' && v !== '0'; };
  if (kept('wrb.kept') || kept('wrb.drafts') || kept('wrb.draft')) document.documentElement.classList.add('opening-draft');
} catch (_) {
  // Storage turned off: nothing can have been kept.
}
