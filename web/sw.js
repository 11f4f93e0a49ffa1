// The service worker: lets the workbench open with no network at all. The files of the current
// build are kept in Cache Storage: the versioned ones (name?v=<content hash>, immutable) are
// served from the cache first; the page, its loader and build-info.json go to the network first
// and fall back to the cache, so a new build is picked up whenever the server answers. The API
// (api/...) is never touched: sync talks to the server or fails, and the app handles that.
'use strict';

const CACHE = 'wb-app-v1';
const SHELL = ['./', 'index.html', 'loader.js', 'test-interface.js', 'shell.css', 'manifest.webmanifest', 'icon.svg',
               'build-info.json'];

function versionedUrls(info) {
  return Object.keys(info.files || {})
    .filter((name) => !SHELL.includes(name) && !name.endsWith('.br') && !name.endsWith('.gz') && name !== 'sw.js')
    .map((name) => name + '?v=' + encodeURIComponent(info.files[name].hash));
}

async function cacheBuild() {
  const cache = await caches.open(CACHE);
  const response = await fetch('build-info.json', { cache: 'no-store' });
  if (!response.ok) throw new Error('build-info.json: HTTP ' + response.status);
  const info = await response.clone().json();
  await cache.addAll(SHELL.filter((u) => u !== 'build-info.json').map((u) => new Request(u, { cache: 'no-store' })));
  await cache.put('build-info.json', response);
  const wanted = versionedUrls(info);
  await cache.addAll(wanted);
  // Drop the files of older builds.
  const keep = new Set([...SHELL, ...wanted].map((u) => new URL(u, self.registration.scope).href));
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheBuild().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && request.method === 'GET') {
      await cache.put(request, response.clone());
      if (new URL(request.url).pathname.endsWith('build-info.json')) cacheBuild().catch(() => {});
    }
    return response;
  } catch (err) {
    const hit = await cache.match(request, { ignoreSearch: false }) ||
                (request.mode === 'navigate' ? await cache.match('index.html') : null);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  event.respondWith(url.searchParams.has('v') ? cacheFirst(request) : networkFirst(request));
});
