// The loading page: fetches the app (workbench.wasm) and its CJK font with real byte progress,
// starts the Emscripten module, and replaces itself by the app on the first frame. Any failure
// (no WebGL2, network, a broken build) ends on a translated error screen, never a blank page.
//
// build-info.json (written by scripts/build_site.py, fetched uncached) gives each file's size
// and content hash; files are requested as name?v=<hash>, so the server can let the browser keep
// them forever and a new build is fetched exactly once.
(function () {
  'use strict';

  // The page's own strings: they must show before the app (and its translation table,
  // assets/i18n/*.json) has loaded, so they live here, in the same two languages.
  var TEXT = {
    'zh-CN': {
      title: '工作台',
      loading: '正在加载…',
      progress: '正在加载 {done} / {total} MB',
      starting: '正在启动…',
      retry: '重新加载',
      errorTitle: '工作台无法启动',
      webgl2: '这个浏览器不支持 WebGL 2，或者已将其关闭。请使用最新版的 Chrome、Edge、Firefox 或 Safari，并确认已开启硬件加速。',
      network: '无法从服务器下载工作台。请检查网络连接后重新加载。',
      build: '服务器上的工作台文件不完整。请稍后重新加载；如果问题持续，请联系管理员。',
      font: '界面字体加载失败。请重新加载页面。',
      gpu: '图形上下文已丢失（显卡驱动重置或内存不足）。请重新加载页面。',
      crash: '工作台运行时出错。请重新加载页面；如果问题持续，请联系管理员。'
    },
    en: {
      title: 'Workbench',
      loading: 'Loading…',
      progress: 'Loading {done} / {total} MB',
      starting: 'Starting…',
      retry: 'Reload',
      errorTitle: 'The workbench could not start',
      webgl2: 'This browser does not support WebGL 2, or it is turned off. Please use a current Chrome, Edge, Firefox or Safari with hardware acceleration enabled.',
      network: 'The workbench could not be downloaded from the server. Check your connection and reload.',
      build: 'The workbench files on the server are incomplete. Please reload later; if this persists, contact your administrator.',
      font: 'The interface font could not be loaded. Please reload the page.',
      gpu: 'The graphics context was lost (a GPU reset or low memory). Please reload the page.',
      crash: 'The workbench stopped because of an error. Please reload; if this persists, contact your administrator.'
    }
  };

  // The app's stored choice first, then the browser's language.
  function pageLanguage() {
    var stored = null;
    try { stored = window.localStorage.getItem('wb.language'); } catch (e) {}
    if (stored && TEXT[stored]) return stored;
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    return /^zh\b/i.test(langs[0] || '') ? 'zh-CN' : 'en';
  }

  var lang = pageLanguage();
  var t = TEXT[lang];
  var $ = function (id) { return document.getElementById(id); };

  function LoadError(reason, detail) {
    this.reason = reason;
    this.detail = detail;
  }

  // [SECTION] Screens -------------------------------------------------------------------------

  var failed = false;
  function showError(reason, detail) {
    if (failed) return;
    failed = true;
    var message = t[reason] || t.crash;
    $('error-title').textContent = t.errorTitle;
    $('error-message').textContent = message;
    $('error-detail').textContent = detail ? String(detail) : '';
    var retry = $('error-retry');
    retry.textContent = t.retry;
    retry.onclick = function () { window.location.reload(); };
    $('loading').hidden = true;
    $('canvas').style.visibility = 'hidden';
    $('error').hidden = false;
    retry.focus();
    // One line for people (and tests) reading the console; a warning, not an error: the
    // error screen is the handled outcome.
    console.warn('workbench: could not start (' + reason + ')' + (detail ? ': ' + detail : ''));
  }

  function setProgress(done, total) {
    var pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    $('progress-bar').style.width = pct + '%';
    $('progress-bar').parentNode.setAttribute('aria-valuenow', String(pct));
    var mb = function (n) { return (n / 1048576).toFixed(1); };
    $('progress-text').textContent = done >= total
      ? t.starting
      : t.progress.replace('{done}', mb(done)).replace('{total}', mb(total));
  }

  function hideLoading() {
    var loading = $('loading');
    loading.classList.add('done');
    setTimeout(function () { loading.hidden = true; }, 250);
  }

  // [SECTION] Fetching ------------------------------------------------------------------------

  function webgl2Available() {
    try {
      var probe = document.createElement('canvas');
      var gl = probe.getContext('webgl2');
      if (!gl) return false;
      var lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();   // give the probe's context back at once
      return true;
    } catch (e) {
      return false;
    }
  }

  function fetchOrThrow(url, init) {
    return fetch(url, init).then(function (response) {
      if (!response.ok) throw new LoadError(response.status === 404 ? 'build' : 'network', url + ': HTTP ' + response.status);
      return response;
    }, function (err) {
      throw new LoadError('network', url + ': ' + err.message);
    });
  }

  // Reads the body chunk by chunk, reporting each chunk's byte count. Sizes are uncompressed
  // (the browser decodes br/gzip before the stream), matching build-info.json.
  function fetchBytes(url, expected, onBytes) {
    return fetchOrThrow(url).then(function (response) {
      if (!response.body || !response.body.getReader) {
        return response.arrayBuffer().then(function (buf) { onBytes(buf.byteLength); return new Uint8Array(buf); });
      }
      var reader = response.body.getReader();
      var buf = new Uint8Array(expected > 0 ? expected : 1 << 20);
      var used = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) return used === buf.length ? buf : buf.slice(0, used);
          var chunk = step.value;
          if (used + chunk.length > buf.length) {
            var bigger = new Uint8Array(Math.max(buf.length * 2, used + chunk.length));
            bigger.set(buf.subarray(0, used));
            buf = bigger;
          }
          buf.set(chunk, used);
          used += chunk.length;
          onBytes(chunk.length);
          return pump();
        });
      }
      return pump().catch(function (err) {
        throw err instanceof LoadError ? err : new LoadError('network', url + ': ' + err.message);
      });
    });
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = resolve;
      script.onerror = function () { reject(new LoadError('network', url)); };
      document.head.appendChild(script);
    });
  }

  // The app's plain ES modules (storage, tabs), handed to the wasm module as objects.
  function importModule(url) {
    return import('./' + url).catch(function (err) {
      throw new LoadError('network', url + ': ' + (err && err.message ? err.message : err));
    });
  }

  function versioned(info, name) {
    var entry = info.files && info.files[name];
    if (!entry) throw new LoadError('build', 'build-info.json has no ' + name);
    return { url: name + '?v=' + encodeURIComponent(entry.hash), size: entry.size };
  }

  // [SECTION] Start ---------------------------------------------------------------------------

  function start() {
    document.documentElement.lang = lang;
    document.title = t.title;
    $('progress-text').textContent = t.loading;
    document.querySelector('#loading .title').textContent = t.title;
    if (!webgl2Available()) {
      showError('webgl2', 'WebGL2 context unavailable');
      return;
    }

    fetchOrThrow('build-info.json', { cache: 'no-store' })
      .then(function (response) {
        return response.json().catch(function () { throw new LoadError('build', 'build-info.json is not JSON'); });
      })
      .then(function (info) {
        var wasm = versioned(info, 'workbench.wasm');
        var font = versioned(info, 'wb-cjk.ttf');
        var script = versioned(info, 'workbench.js');
        var store = versioned(info, 'local-store.js');
        var tabs = versioned(info, 'tab-leader.js');
        var total = wasm.size + font.size;
        var done = 0;
        setProgress(0, total);
        var onBytes = function (n) { done += n; setProgress(Math.min(done, total), total); };
        return Promise.all([
          fetchBytes(wasm.url, wasm.size, onBytes),
          fetchBytes(font.url, font.size, onBytes),
          loadScript(script.url),
          importModule(store.url),
          importModule(tabs.url)
        ]);
      })
      .then(function (parts) {
        if (typeof window.createWorkbench !== 'function') throw new LoadError('build', 'workbench.js defines no createWorkbench');
        return window.createWorkbench({
          canvas: $('canvas'),
          wasmBinary: parts[0],
          wbFontBytes: parts[1],
          wbStore: parts[3],   // IndexedDB (web/local-store.js)
          wbTabs: parts[4],    // Web Locks + BroadcastChannel (web/tab-leader.js)
          onFirstFrame: hideLoading,
          onFatalError: function (reason, detail) { showError(t[reason] ? reason : 'crash', detail); },
          onAbort: function (what) { showError('crash', what); },
          print: function (text) { console.log(text); },
          printErr: function (text) { console.warn(text); }
        });
      })
      .then(function (module) {
        if (typeof window.wbInstallTestInterface === 'function') window.wbInstallTestInterface(module);
      })
      .catch(function (err) {
        if (err instanceof LoadError) showError(err.reason, err.detail);
        else showError('crash', err && err.message ? err.message : String(err));
      });
  }

  window.addEventListener('error', function (e) {
    if (!$('loading').hidden && !failed) showError('crash', e.message);
  });

  // The service worker (sw.js) keeps this build's files so the workbench opens offline.
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('sw.js').catch(function (err) {
      console.warn('workbench: no offline start (service worker: ' + (err && err.message ? err.message : err) + ')');
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
