// Offline use after the first visit: the app's files are kept in the browser's cache, so the
// builder opens with no network (a locked-down laptop on a train). Nothing is sent anywhere:
// only this site's own files are cached, and only GET requests are answered.
// scripts/trunk-post-build.mjs fills in the file list and a version that changes each build.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `wrb-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('wrb-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the newest when online, the kept one when not.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { ignoreSearch: true })));
    return;
  }
  // The app's files are named by their content, so a kept copy is always right.
  event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
});
