// The footer's "Đang truy cập / Hôm nay / Tổng lượt truy cập" (issue 13), when the operator shows them.
// The page itself is cached until the next edit, so the figures come from /api/v1/visits (same origin,
// no cookie, no third party); without this script the line simply stays hidden.
(function () {
  'use strict';
  var line = document.getElementById('visit-figures');
  if (!line || !window.fetch) return;
  fetch('/api/v1/visits', { credentials: 'omit', cache: 'no-store' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (f) {
      if (!f) return;
      var fmt = new Intl.NumberFormat('vi-VN');
      line.querySelectorAll('[data-figure]').forEach(function (span) {
        var v = f[span.getAttribute('data-figure')];
        span.textContent = typeof v === 'number' ? fmt.format(v) : '';
      });
      line.hidden = false;
    })
    .catch(function () {});
})();
