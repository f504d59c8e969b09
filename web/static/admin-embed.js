// Two small forms under each editor (issue 14): embed a page from an origin the operator allowed in
// Cài đặt (live streams, video platforms), and play a video or audio file of the media library with
// optional WebVTT captions. They only insert markup; the server's sanitiser decides what is kept (an
// iframe from another origin is dropped on save), so this file is a convenience, never the check.
(function () {
  'use strict';

  var SETTINGS = '/quan-tri/cai-dat';

  function allowedOrigins() {
    var m = document.querySelector('meta[name="portald-embed-origins"]');
    return m && m.content ? m.content.split(/\s+/).filter(Boolean) : [];
  }

  // "https://host[:port]" of an https URL as the server normalises it; null for anything else.
  function originOf(text) {
    var u;
    try { u = new URL(text); } catch (e) { return null; }
    if (u.protocol !== 'https:' || u.username || u.password) return null;
    return 'https://' + u.host.toLowerCase();
  }

  function escapeAttr(s) {
    return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function field(box, id, label, attrs) {
    box.appendChild(el('label', { for: id }, label));
    var input = el('input', Object.assign({ id: id, type: 'text' }, attrs || {}));
    box.appendChild(input);
    return input;
  }

  function insert(area, html) {
    var editor = area.portaldEditor;
    if (editor && editor.s && editor.s.insertHTML) editor.s.insertHTML(html);
    else area.value += html; // without Jodit the textarea is the editor
  }

  function embedForm(area, n) {
    var box = el('fieldset', { class: 'embed-tools', 'data-embed': 'frame' });
    box.appendChild(el('legend', {}, 'Chèn nội dung nhúng (video, truyền hình trực tiếp)'));
    var url = field(box, 'embed-url-' + n, 'Dán địa chỉ nhúng (https://...)', { inputmode: 'url', autocomplete: 'off' });
    var title = field(box, 'embed-title-' + n, 'Tiêu đề mô tả nội dung nhúng (bắt buộc, cho người dùng trình đọc màn hình)');
    var button = el('button', { type: 'button' }, 'Chèn nội dung nhúng');
    var message = el('p', { class: 'embed-message', role: 'alert', id: 'embed-message-' + n });
    box.appendChild(button);
    box.appendChild(message);
    button.addEventListener('click', function () {
      var origin = originOf(url.value.trim());
      message.textContent = '';
      if (!origin) {
        message.textContent = 'Địa chỉ nhúng phải là một địa chỉ https:// đầy đủ.';
        return url.focus();
      }
      if (allowedOrigins().indexOf(origin) < 0) {
        message.textContent = 'Nguồn ' + origin + ' chưa được phép nhúng. Người quản trị hệ thống thêm nguồn này tại ' +
          'trang Cài đặt (' + SETTINGS + '), mục “Nguồn được phép nhúng”; nếu chèn bây giờ, nội dung sẽ bị bỏ khi lưu.';
        return url.focus();
      }
      if (!title.value.trim()) {
        message.textContent = 'Vui lòng nhập tiêu đề mô tả nội dung nhúng.';
        return title.focus();
      }
      insert(area, '<p><iframe src="' + escapeAttr(url.value.trim()) + '" title="' + escapeAttr(title.value.trim()) +
        '" width="560" height="315"></iframe></p>');
      url.value = '';
      title.value = '';
      message.textContent = 'Đã chèn nội dung nhúng.';
    });
    return box;
  }

  function mediaForm(area, n) {
    var box = el('fieldset', { class: 'embed-tools', 'data-embed': 'media' });
    box.appendChild(el('legend', {}, 'Chèn video hoặc âm thanh từ thư viện'));
    var url = field(box, 'media-url-' + n, 'Địa chỉ tệp trong thư viện (/tep/...)', { autocomplete: 'off' });
    var captions = field(box, 'media-vtt-' + n, 'Phụ đề WebVTT trong thư viện (/tep/....vtt, không bắt buộc)',
      { autocomplete: 'off' });
    var lang = field(box, 'media-lang-' + n, 'Ngôn ngữ phụ đề (mã, ví dụ vi)', { value: 'vi', maxlength: '35' });
    var button = el('button', { type: 'button' }, 'Chèn video hoặc âm thanh');
    var message = el('p', { class: 'embed-message', role: 'alert', id: 'media-message-' + n });
    box.appendChild(button);
    box.appendChild(message);
    button.addEventListener('click', function () {
      var src = url.value.trim();
      var vtt = captions.value.trim();
      message.textContent = '';
      if (src.indexOf('/tep/') !== 0) {
        message.textContent = 'Chỉ chèn được tệp của thư viện: địa chỉ bắt đầu bằng /tep/ (xem trang Thư viện).';
        return url.focus();
      }
      if (vtt && (vtt.indexOf('/tep/') !== 0 || !/\.vtt$/i.test(vtt))) {
        message.textContent = 'Phụ đề phải là tệp .vtt của thư viện (địa chỉ bắt đầu bằng /tep/).';
        return captions.focus();
      }
      var tag = /\.(mp3|ogg|oga|opus|m4a)$/i.test(src) ? 'audio' : 'video';
      var code = (lang.value.trim() || 'vi').replace(/[^A-Za-z0-9-]/g, '');
      var track = vtt ? '<track kind="captions" src="' + escapeAttr(vtt) + '" srclang="' + code + '" label="' +
        (code === 'vi' ? 'Tiếng Việt' : escapeAttr(code)) + '">' : '';
      insert(area, '<p><' + tag + ' src="' + escapeAttr(src) + '" controls>' + track + '</' + tag + '></p>');
      url.value = '';
      captions.value = '';
      message.textContent = tag === 'audio' ? 'Đã chèn âm thanh.' : 'Đã chèn video.';
    });
    return box;
  }

  function start() {
    var areas = document.querySelectorAll('textarea[data-editor="wysiwyg"]');
    for (var i = 0; i < areas.length; i++) {
      var after = areas[i].nextSibling; // Jodit's container sits before the hidden textarea
      areas[i].parentNode.insertBefore(embedForm(areas[i], i), after);
      areas[i].parentNode.insertBefore(mediaForm(areas[i], i), after);
    }
  }

  // After admin-editor.js (both deferred, in document order), so the editors exist.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
