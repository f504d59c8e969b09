// Autocomplete for the public search boxes (header and /tim-kiem), from /api/v1/search/suggest.
// WAI-ARIA 1.2 combobox with a listbox popup: focus stays in the input, the highlighted option is
// named by aria-activedescendant, a polite live region says how many suggestions there are.
// Progressive enhancement: without this file the forms submit as they always did.
// Suggestions are user-visible text from the index: inserted with textContent only.
(function () {
  'use strict';
  var MIN_CHARS = 2;
  var MAX_ITEMS = 8;
  var DELAY_MS = 150;

  function setup(input) {
    var form = input.form;
    if (!form || !input.id || !window.fetch) return;
    var listId = input.id + '-ds';
    var wrapper = document.createElement('span');
    wrapper.className = 'suggest';
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggest-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Gợi ý tìm kiếm');
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    wrapper.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    var items = [];
    var active = -1;
    var timer = 0;
    var controller = null;
    var serial = 0;  // answers to anything but the latest request are ignored

    function setActive(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, k) {
        li.setAttribute('aria-selected', k === i ? 'true' : 'false');
      });
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', listId + '-' + i);
        list.children[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function open() {
      if (!items.length) return;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function show(suggestions) {
      items = suggestions.slice(0, MAX_ITEMS);
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (text, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = text;
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (items.length) {
        open();
        status.textContent = items.length + ' gợi ý';
      } else {
        close();
        status.textContent = '';
      }
    }

    function pick(i) {
      input.value = items[i];
      close();
      if (form.requestSubmit) form.requestSubmit();
      else form.submit();
    }

    function cancel() {
      window.clearTimeout(timer);
      serial++;
      if (controller) controller.abort();
      controller = null;
    }

    function request() {
      var q = input.value;
      cancel();
      if (q.trim().length < MIN_CHARS) { show([]); return; }
      var mine = serial;
      controller = window.AbortController ? new AbortController() : null;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q),
            { signal: controller ? controller.signal : undefined, headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          if (mine !== serial || input.value !== q) return;  // a late answer to an older text
          show(Array.isArray(body.suggestions) ? body.suggestions.filter(function (s) { return typeof s === 'string'; }) : []);
        })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener('input', function () {
      cancel();
      timer = window.setTimeout(request, DELAY_MS);
    });

    input.addEventListener('keydown', function (ev) {
      if (ev.altKey && ev.key !== 'ArrowDown') return;
      var expanded = !list.hidden;
      switch (ev.key) {
        case 'ArrowDown':
          if (!items.length) return;
          ev.preventDefault();
          if (!expanded) { open(); if (ev.altKey) return; }
          setActive(active + 1 < items.length ? active + 1 : 0);
          break;
        case 'ArrowUp':
          if (!items.length) return;
          ev.preventDefault();
          if (!expanded) open();
          setActive(active > 0 ? active - 1 : items.length - 1);
          break;
        case 'Enter':
          if (expanded && active >= 0) { ev.preventDefault(); pick(active); }
          else { cancel(); close(); }  // the form submits what was typed
          break;
        case 'Escape':
          // With the list open Escape only closes it; otherwise the search input's own Escape (clear) applies.
          if (expanded) { ev.preventDefault(); close(); }
          break;
        case 'Tab':
          close();
          break;
      }
    });

    // Keep the focus in the input while the pointer is on the list, so a click picks without a blur.
    list.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
    list.addEventListener('click', function (ev) {
      var li = ev.target.closest('[role="option"]');
      if (li) pick(Array.prototype.indexOf.call(list.children, li));
    });
    input.addEventListener('blur', function () { cancel(); close(); });
    form.addEventListener('submit', function () { cancel(); close(); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[action="/tim-kiem"] input[name="q"]'), setup);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
