// The citizens' question form (/hoi-dap/gui-cau-hoi): says at once when the chosen files are too many or
// too large, before anything is sent, so the person keeps what they typed. The server checks the same
// (and the types, from the bytes); the form works without this file.
(function () {
  'use strict';
  function check(input) {
    var maxFiles = parseInt(input.getAttribute('data-max-files'), 10) || 0;
    var maxBytes = parseInt(input.getAttribute('data-max-bytes'), 10) || 0;
    var message = '';
    var files = input.files || [];
    if (maxFiles && files.length > maxFiles) {
      message = 'Chỉ được đính kèm tối đa ' + maxFiles + ' tệp.';
    } else {
      for (var i = 0; i < files.length; i++) {
        if (maxBytes && files[i].size > maxBytes) {
          message = 'Tệp "' + files[i].name + '" quá lớn: mỗi tệp tối đa ' + Math.floor(maxBytes / 1048576) + ' MB.';
          break;
        }
      }
    }
    input.setCustomValidity(message);
    if (message) input.reportValidity();
  }
  function start() {
    var inputs = document.querySelectorAll('input[type="file"][data-max-bytes]');
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].addEventListener('change', function (e) { check(e.target); });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
