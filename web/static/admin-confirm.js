// Asks before a destructive or irreversible action (issue 15): a form, or the button that sends it, with
// data-confirm="question" is sent only after the person says yes. Runs first (capture) and stops the
// event on "no", so no other script (admin-keep.js) treats the page as being left. Without JavaScript
// the form is sent as before.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute('data-confirm')) ||
      (form && form.getAttribute && form.getAttribute('data-confirm'));
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
})();
