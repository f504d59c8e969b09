// Keeps editors' work (issue 15). On the article editor form (#article-form) it asks before leaving the
// page with unsaved changes, but not when the form is being submitted, and asks for the reason a
// workflow button needs before sending. Loaded with `defer` after admin-editor.js, so Jodit (when
// present) already holds the textarea. Without JavaScript the form works as before (the server checks
// the reason too); this only adds safety nets.
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  if (!form) return;

  var unsaved = form.hasAttribute('data-unsaved');
  var status = document.getElementById('trang-thai-luu');
  var FIELDS = ['title', 'summary', 'body', 'category', 'agency', 'author'];

  function field(name) { return form.elements.namedItem(name); }
  function say(text) { if (status) status.textContent = text; }

  // The Jodit editors over the body textarea (none without the bundle).
  function bodyEditors() {
    var body = field('body');
    var all = window.Jodit && window.Jodit.instances ? window.Jodit.instances : {};
    return Object.keys(all).map(function (k) { return all[k]; }).filter(function (ed) { return ed.element === body; });
  }

  // What is on the screen: the content fields, not the token or the workflow inputs.
  function content() {
    var c = {};
    FIELDS.forEach(function (n) { var el = field(n); c[n] = el ? el.value : ''; });
    bodyEditors().forEach(function (ed) { c.body = ed.value; });
    var featured = field('featured');
    c.featured = !!(featured && featured.checked);
    c.topics = Array.prototype.filter.call(form.querySelectorAll('input[name="topic"]'), function (el) {
      return el.checked;
    }).map(function (el) { return el.value; });
    return c;
  }

  var shown = JSON.stringify(content()); // what the page came with
  var touched = unsaved; // the editor typed, pasted or chose something (or the page shows unsaved content)
  var submitting = false;
  ['input', 'change', 'keydown', 'paste', 'drop'].forEach(function (type) {
    form.addEventListener(type, function () { touched = true; }, true);
  });

  // --- leaving and submitting --------------------------------------------------------------------------
  function dirty() { return unsaved || (touched && JSON.stringify(content()) !== shown); }

  window.addEventListener('beforeunload', function (e) {
    if (submitting || !dirty()) return;
    e.preventDefault();
    e.returnValue = ''; // browsers show their own text
  });
  window.addEventListener('pageshow', function () { submitting = false; }); // back from the answer

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
    submitting = true;
  });
})();
