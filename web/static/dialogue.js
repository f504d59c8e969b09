// An online dialogue's page (/doi-thoai/{id}, issue 12, Điều 5.5) while the event is live: the accepted
// questions and the answers are fetched from the page's small JSON every 10 seconds and drawn in place,
// the same markup the server renders, so a reload shows the same. Polling, not a held connection: the
// daemon's worker threads are never tied to a viewer, and shared caches keep the JSON for 5 seconds.
// Text goes in with textContent only. Without this script the page is still complete (reload to update).
(function () {
  'use strict';
  var root = document.getElementById('doi-thoai');
  if (!root || !window.fetch || root.getAttribute('data-state') !== 'live') return;
  var url = root.getAttribute('data-json');
  var list = document.getElementById('doi-thoai-cau-hoi');
  var count = document.getElementById('doi-thoai-so-cau');
  var stateLine = document.getElementById('doi-thoai-trang-thai');
  var etag = '';
  var timer = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function time(text, iso) {
    var t = el('time', '', text);
    t.setAttribute('datetime', iso);
    return t;
  }

  function entry(q) {
    var li = el('li');
    li.id = 'cau-hoi-' + q.id;
    var art = el('article');
    art.appendChild(el('h3', '', q.title));
    var meta = el('p', 'meta', q.asker + ' hỏi lúc ');
    meta.appendChild(time(q.asked, q.asked_iso));
    art.appendChild(meta);
    art.appendChild(el('div', 'dialogue-text', q.text));
    if (q.answer) {
      var box = el('div', 'answer');
      var by = el('p', 'meta');
      by.appendChild(el('strong', '', q.answer.official));
      by.appendChild(document.createTextNode(' trả lời lúc '));
      by.appendChild(time(q.answer.at, q.answer.at_iso));
      by.appendChild(document.createTextNode(':'));
      box.appendChild(by);
      box.appendChild(el('div', 'dialogue-text', q.answer.text));
      art.appendChild(box);
    } else {
      art.appendChild(el('p', 'hint', 'Đang chờ trả lời.'));
    }
    li.appendChild(art);
    return li;
  }

  function draw(d) {
    var items = document.createDocumentFragment();
    d.entries.forEach(function (q) { items.appendChild(entry(q)); });
    list.replaceChildren(items);
    if (count.textContent !== d.count_text) count.textContent = d.count_text;
    stateLine.textContent = d.state_label;
    stateLine.className = 'dialogue-state dialogue-' + d.state;
    root.setAttribute('data-state', d.state);
  }

  function poll() {
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch(url, { credentials: 'omit', headers: headers })
      .then(function (r) {
        if (r.status === 304 || !r.ok) return null;
        etag = r.headers.get('ETag') || '';
        return r.json();
      })
      .then(function (d) {
        if (d) draw(d);
        // After the event the page is the record: stop asking.
        if (!d || d.state === 'live') timer = window.setTimeout(poll, 10000);
      })
      .catch(function () { timer = window.setTimeout(poll, 30000); });
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else if (root.getAttribute('data-state') === 'live') {
      window.clearTimeout(timer);
      poll();
    }
  });
  timer = window.setTimeout(poll, 10000);
})();
