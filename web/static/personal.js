// Personalised display without an account (NĐ 42/2022 Điều 3: "cá nhân hóa việc hiển thị thông tin"):
// font size, high contrast and followed categories, kept in this browser's localStorage only. The
// pages are complete without this file; it only adds the controls and the "Tin của tôi" block.
(function () {
  'use strict';
  var KEY = 'portald.display';
  var root = document.documentElement;

  function load() {
    try {
      var v = JSON.parse(window.localStorage.getItem(KEY) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch (e) {
      return {};
    }
  }
  function save(prefs) {
    try { window.localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* private mode: session only */ }
  }
  var prefs = load();
  if (!Array.isArray(prefs.follow)) prefs.follow = [];

  function applyDisplay() {
    var size = Math.max(-1, Math.min(3, prefs.font | 0));
    root.classList.remove('fs--1', 'fs-1', 'fs-2', 'fs-3');
    if (size !== 0) root.classList.add('fs-' + size);
    root.classList.toggle('high-contrast', !!prefs.contrast);
  }
  applyDisplay();  // before first paint where the script runs early enough

  function followed(slug) {
    for (var i = 0; i < prefs.follow.length; i++) if (prefs.follow[i].slug === slug) return true;
    return false;
  }

  function setupTools() {
    var tools = document.getElementById('tuy-chinh');
    if (!tools) return;
    tools.hidden = false;
    var contrast = tools.querySelector('[data-contrast]');
    contrast.setAttribute('aria-pressed', prefs.contrast ? 'true' : 'false');
    tools.addEventListener('click', function (ev) {
      var b = ev.target.closest('button');
      if (!b) return;
      if (b.hasAttribute('data-font')) {
        var step = parseInt(b.getAttribute('data-font'), 10);
        prefs.font = step === 0 ? 0 : Math.max(-1, Math.min(3, (prefs.font | 0) + step));
      } else if (b.hasAttribute('data-contrast')) {
        prefs.contrast = !prefs.contrast;
        b.setAttribute('aria-pressed', prefs.contrast ? 'true' : 'false');
      }
      save(prefs);
      applyDisplay();
    });
  }

  function setupFollow() {
    var buttons = document.querySelectorAll('[data-follow]');
    Array.prototype.forEach.call(buttons, function (b) {
      var slug = b.getAttribute('data-follow');
      var name = b.getAttribute('data-follow-name') || slug;
      function show() {
        var on = followed(slug);
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        b.textContent = (on ? 'Bỏ theo dõi chuyên mục ' : 'Theo dõi chuyên mục ') + name;
      }
      b.hidden = false;
      show();
      b.addEventListener('click', function () {
        if (followed(slug)) prefs.follow = prefs.follow.filter(function (f) { return f.slug !== slug; });
        else prefs.follow.push({ slug: slug, name: name });
        save(prefs);
        show();
      });
    });
  }

  function setupPrint() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.print(); });
    });
  }

  // Sharing to Zalo and other messengers without their scripts: the phone's own share sheet (Web Share),
  // or, where there is none (desktop browsers), the link copied for pasting into the chat.
  function setupShare() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-share]'), function (b) {
      var canShare = typeof navigator.share === 'function';
      var canCopy = navigator.clipboard && typeof navigator.clipboard.writeText === 'function';
      if (!canShare && !canCopy) return;
      var status = b.parentNode.querySelector('.share-status');
      var canonical = document.querySelector('link[rel=canonical]');
      var url = canonical ? canonical.href : window.location.href;
      b.hidden = false;
      b.addEventListener('click', function () {
        if (canShare) {
          navigator.share({ title: document.title, url: url }).catch(function () { /* closed by the reader */ });
          return;
        }
        navigator.clipboard.writeText(url).then(function () {
          if (status) status.textContent = 'Đã sao chép liên kết bài viết. Hãy dán vào Zalo hoặc tin nhắn để chia sẻ.';
        }, function () {
          if (status) status.textContent = 'Không sao chép được. Hãy sao chép địa chỉ trên thanh địa chỉ của trình duyệt.';
        });
      });
    });
  }

  // "Tin của tôi" on the home page: the newest items of each followed category, from the JSON API.
  function setupMyNews() {
    var box = document.getElementById('tin-cua-toi');
    if (!box) return;
    var list = box.querySelector('ul');
    var empty = box.querySelector('.empty');
    box.hidden = false;
    if (!prefs.follow.length) { empty.hidden = false; return; }
    var pending = prefs.follow.slice(0, 10).map(function (f) {
      return fetch('/api/v1/articles?per_page=3&category=' + encodeURIComponent(f.slug))
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .catch(function () { return { items: [] }; });
    });
    Promise.all(pending).then(function (pages) {
      var items = [];
      pages.forEach(function (p) { items = items.concat(p.items || []); });
      items.sort(function (a, b) { return a.published_at < b.published_at ? 1 : -1; });
      if (!items.length) { empty.hidden = false; return; }
      items.slice(0, 10).forEach(function (a) {
        var li = document.createElement('li');
        var link = document.createElement('a');
        link.href = a.url;
        link.textContent = a.title;
        li.appendChild(link);
        if (a.category) {
          var cat = document.createElement('span');
          cat.className = 'meta';
          cat.textContent = ' · ' + a.category.name;
          li.appendChild(cat);
        }
        list.appendChild(li);
      });
    });
  }

  function start() {
    setupTools();
    setupFollow();
    setupPrint();
    setupShare();
    setupMyNews();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
