// Keeps editors' work (issue 15). On the article editor form (#article-form), and the section page
// editor (#page-form, without a server autosave), it
//  - copies what is on the screen into this browser's localStorage while the editor types, and offers
//    the copy back when the page opens showing something else ("Có bản nháp chưa lưu trên máy này…");
//  - sends the same copy to the server as a private autosave (data-autosave) and pings once a minute,
//    which also tells who else has the article open;
//  - asks before leaving the page with unsaved changes, but not when the form is being submitted;
//  - refuses, with the real limit, a submission larger than the server accepts (data-max-body), before
//    the browser sends it and lands on an error page.
// Loaded with `defer` after admin-editor.js, so Jodit (when present) already holds the textarea. Without
// JavaScript the form works as before; this only adds safety nets.
(function () {
  'use strict';
  var form = document.getElementById('article-form') || document.getElementById('page-form');
  if (!form) return;

  var PREFIX = 'portald.ban-nhap.';
  var PENDING = 'portald.dang-gui';
  var key = PREFIX + (form.getAttribute('data-key') || 'new');
  var savedAt = Number(form.getAttribute('data-saved-at') || '0') * 1000;
  var maxBody = Number(form.getAttribute('data-max-body') || '0');
  var autosaveUrl = form.getAttribute('data-autosave');
  var unsaved = form.hasAttribute('data-unsaved');
  var status = document.getElementById('trang-thai-luu');
  var presence = document.getElementById('dang-mo');
  var FIELDS = ['title', 'summary', 'body', 'category', 'agency', 'author'];
  if (form.id === 'page-form') FIELDS.push('position');
  // The rows of a section page's entries ("e.<row>.<column>").
  function entryInputs() { return form.querySelectorAll('input[name^="e."]'); }

  function store(kind) {
    try { return window[kind]; } catch (e) { return null; } // blocked storage throws on access
  }
  function field(name) { return form.elements.namedItem(name); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // "10:05" today, "10:05 ngày 02/06/2025" another day.
  function clock(ms) {
    var d = new Date(ms);
    var text = pad(d.getHours()) + ':' + pad(d.getMinutes());
    if (d.toDateString() !== new Date().toDateString()) {
      text += ' ngày ' + pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + d.getFullYear();
    }
    return text;
  }
  function say(text) { if (status) status.textContent = text; }

  // The Jodit editors over the body textarea (none without the bundle).
  function bodyEditors() {
    var body = field('body');
    var all = window.Jodit && window.Jodit.instances ? window.Jodit.instances : {};
    return Object.keys(all).map(function (k) { return all[k]; }).filter(function (ed) { return ed.element === body; });
  }

  // What is on the screen: the content fields, not the token, the base or the workflow inputs.
  function content() {
    var c = {};
    FIELDS.forEach(function (n) { var el = field(n); c[n] = el ? el.value : ''; });
    bodyEditors().forEach(function (ed) { c.body = ed.value; });
    var featured = field('featured');
    c.featured = !!(featured && featured.checked);
    c.topics = Array.prototype.filter.call(form.querySelectorAll('input[name="topic"]'), function (el) {
      return el.checked;
    }).map(function (el) { return el.value; });
    var entries = entryInputs();
    if (entries.length) {
      c.entries = {};
      Array.prototype.forEach.call(entries, function (el) { if (el.value) c.entries[el.name] = el.value; });
    }
    return c;
  }
  function setContent(c) {
    FIELDS.forEach(function (n) { var el = field(n); if (el && typeof c[n] === 'string') el.value = c[n]; });
    bodyEditors().forEach(function (ed) { ed.value = c.body || ''; });
    var featured = field('featured');
    if (featured) featured.checked = !!c.featured;
    Array.prototype.forEach.call(form.querySelectorAll('input[name="topic"]'), function (el) {
      el.checked = (c.topics || []).indexOf(el.value) !== -1;
    });
    if (c.entries) Array.prototype.forEach.call(entryInputs(), function (el) { el.value = c.entries[el.name] || ''; });
  }
  function base() { var b = field('base_revision'); return b ? b.value : ''; }

  // --- the copy on this machine ---------------------------------------------------------------------
  function readCopy(k) {
    var s = store('localStorage');
    if (!s) return null;
    try {
      var r = JSON.parse(s.getItem(k) || 'null');
      return r && r.v === 1 && r.content ? r : null;
    } catch (e) { return null; }
  }
  function writeCopy(c) {
    var s = store('localStorage');
    if (!s) return;
    try {
      s.setItem(key, JSON.stringify({ v: 1, at: Date.now(), base: base(), content: c }));
    } catch (e) { /* storage full (pasted images): the server's autosave still has it */ }
  }
  function dropCopy(k) {
    var s = store('localStorage');
    if (s) try { s.removeItem(k); } catch (e) { /* nothing to drop */ }
  }

  // A save that succeeded drops the copy it carried (the one for "new" too, once the article has an id).
  (function afterSave() {
    var session = store('sessionStorage');
    var pending = null;
    try { pending = session && JSON.parse(session.getItem(PENDING) || 'null'); } catch (e) { pending = null; }
    if (form.hasAttribute('data-just-saved') && pending) {
      [pending.key, key].forEach(function (k) {
        var copy = readCopy(k);
        if (copy && copy.at <= pending.at + 1000) dropCopy(k);
      });
    }
    if (session) try { session.removeItem(PENDING); } catch (e) { /* ignore */ }
    if (form.hasAttribute('data-discard-local')) dropCopy(key);
  })();

  var shown = JSON.stringify(content()); // what the page came with
  var touched = unsaved; // the editor typed, pasted or chose something (or the page shows unsaved content)
  var submitting = false;

  // --- offering a copy back ---------------------------------------------------------------------------
  (function offer() {
    var copy = readCopy(key);
    if (!copy || copy.at <= savedAt || JSON.stringify(copy.content) === shown) return;
    // The server's autosave is offered by the page itself; one offer at a time. It trails this machine's
    // copy by up to ~12 s (it is sent 2 s after typing stops, or every 10 s of typing), so only a server
    // copy clearly newer than that was typed elsewhere and wins.
    var server = document.querySelector('.draft-offer[data-draft-at]');
    if (server && Number(server.getAttribute('data-draft-at')) * 1000 > copy.at + 15000) return;
    if (server) server.hidden = true;
    var box = document.createElement('div');
    box.className = 'draft-offer';
    box.setAttribute('role', 'status');
    box.id = 'ban-nhap-may';
    var p = document.createElement('p');
    p.textContent = 'Có bản nháp chưa lưu trên máy này lúc ' + clock(copy.at) + '.';
    var restore = document.createElement('button');
    restore.type = 'button';
    restore.textContent = 'Khôi phục';
    var skip = document.createElement('button');
    skip.type = 'button';
    skip.textContent = 'Bỏ qua';
    box.appendChild(p);
    box.appendChild(restore);
    box.appendChild(skip);
    form.parentNode.insertBefore(box, form);
    restore.addEventListener('click', function () {
      setContent(copy.content);
      var b = field('base_revision');
      if (b && copy.base) b.value = copy.base; // a save still notices what changed since then
      touched = true;
      box.remove();
      say('Đã khôi phục bản nháp lúc ' + clock(copy.at) + '. Bản này chưa được lưu: bấm “Lưu phiên bản” để lưu.');
      field('title').focus();
    });
    skip.addEventListener('click', function () {
      dropCopy(key);
      box.remove();
      if (server) server.hidden = false;
    });
  })();

  // --- copying while typing, autosaving to the server ---------------------------------------------------
  ['input', 'change', 'keydown', 'paste', 'drop'].forEach(function (type) {
    form.addEventListener(type, function () { touched = true; }, true);
  });

  var lastSeen = shown;
  var lastSent = unsaved ? '' : shown;
  var lastChange = 0;
  var lastServer = Date.now();
  var sending = false;

  function send(fields, done) {
    var body = new URLSearchParams();
    body.append('csrf', field('csrf').value);
    Object.keys(fields).forEach(function (k) {
      [].concat(fields[k]).forEach(function (v) { body.append(k, v); });
    });
    sending = true;
    fetch(autosaveUrl, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' }, body: body })
      .then(function (r) {
        if (r.status === 401) {
          say('Phiên đăng nhập đã hết hạn. Nội dung vẫn được giữ trên máy này; khi bấm Lưu, bạn sẽ được mời đăng nhập lại.');
        }
        return r.ok ? r.json() : null;
      })
      .then(function (j) {
        if (!j) return;
        if (done && j.saved) done();
        if (presence) {
          presence.textContent = j.presence || '';
          presence.hidden = !j.presence;
        }
      })
      .catch(function () { /* offline: the copy on this machine has it */ })
      .then(function () { sending = false; lastServer = Date.now(); });
  }

  function tick() {
    var now = Date.now();
    if (touched) {
      var c = content();
      var s = JSON.stringify(c);
      if (s !== lastSeen) { lastSeen = s; lastChange = now; writeCopy(c); }
      if (autosaveUrl && !sending && s !== lastSent && (now - lastChange >= 2000 || now - lastServer >= 10000)) {
        send({ title: c.title, summary: c.summary, body: c.body, category: c.category, agency: c.agency,
          author: c.author, featured: c.featured ? '1' : '', topic: c.topics, base_revision: base() },
        function () { lastSent = s; });
        return;
      }
    }
    if (autosaveUrl && !sending && now - lastServer >= 60000) send({}); // "still here"
  }
  if (unsaved) writeCopy(content()); // what a refused post or a resumed login brought back
  window.setInterval(tick, 1000);

  // --- leaving and submitting --------------------------------------------------------------------------
  function dirty() { return unsaved || (touched && JSON.stringify(content()) !== shown); }

  window.addEventListener('beforeunload', function (e) {
    if (submitting || !dirty()) return;
    e.preventDefault();
    e.returnValue = ''; // browsers show their own text
  });
  window.addEventListener('pageshow', function () { submitting = false; }); // back from the answer

  function sizeText(bytes) {
    if (bytes < 1048576) return Math.ceil(bytes / 1024) + ' KB';
    return (bytes / 1048576).toFixed(1).replace('.', ',') + ' MB';
  }
  // The bytes the browser would send (application/x-www-form-urlencoded).
  function encodedSize(submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return new URLSearchParams(data).toString().length;
  }

  form.addEventListener('submit', function (e) {
    var submitter = e.submitter;
    var transition = submitter && submitter.name === 'transition' ? submitter.value : '';
    var reason = transition ? field('reason-' + transition) : null;
    if (reason && !reason.value.trim()) {
      e.preventDefault();
      say('Vui lòng nhập lý do trước khi bấm “' + submitter.textContent.trim() + '”.');
      reason.focus();
      return;
    }
    writeCopy(content()); // kept whatever the answer
    var size = encodedSize(submitter);
    if (maxBody && size > maxBody) {
      e.preventDefault();
      say('Nội dung quá lớn để gửi: khoảng ' + sizeText(size) + ', trong khi máy chủ chỉ nhận tối đa ' +
        sizeText(maxBody) + '. Hãy bớt ảnh dán thẳng vào bài (tải ảnh lên Thư viện rồi chèn liên kết) và thử lại. ' +
        'Nội dung vẫn được giữ trên máy này.');
      if (status) status.focus();
      return;
    }
    submitting = true;
    var session = store('sessionStorage');
    if (session) try { session.setItem(PENDING, JSON.stringify({ key: key, at: Date.now() })); } catch (x) { /* ignore */ }
  });
})();
