// A plain static file server over one directory, with no API at all: what a static host (or
// `python3 -m http.server`) gives the app. Browser tests use it to load JS modules without the
// C++ build, and the demo-mode test uses it to run the built site with no workbench server.
//
//   const server = await startStaticServer({ root: 'web' });   // port 0: a free port
//   await page.goto(`${server.url}/index.html`);
//   await server.stop();
//
// GET and HEAD only; `/dir/` serves `/dir/index.html`; the query string is ignored (the loader
// asks for `name?v=<hash>`); paths that leave `root` are refused; everything else is a 404.
import http from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

// Maps a request path onto a file under root, or null when it would leave root.
function resolveUnder(root, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function serve(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') { send(res, 405, 'method not allowed\n'); return; }
  const urlPath = (req.url || '/').split('?')[0];
  let file = resolveUnder(root, urlPath);
  if (!file) { send(res, 403, 'forbidden\n'); return; }
  let stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file).catch(() => null);
  }
  if (!stat?.isFile()) { send(res, 404, 'not found\n'); return; }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') { res.end(); return; }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

export async function startStaticServer({ root, host = '127.0.0.1', port = 0 } = {}) {
  if (!root) throw new Error('startStaticServer: root is required');
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    serve(absRoot, req, res).catch((err) => { if (!res.headersSent) send(res, 500, `${err.message}\n`); else res.destroy(); });
  });
  const sockets = new Set();
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
