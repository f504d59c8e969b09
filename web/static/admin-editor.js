// Turns every <textarea data-editor="wysiwyg"> into a Jodit editor (web/frontend/, served from
// /static/vendor/jodit/). Load after jodit.min.js, both with `defer`, and admin-editor.css after
// jodit.min.css. Without JavaScript, or if Jodit
// failed to load, the plain textarea stays and the form still works: the server sanitises either way.
(function () {
  'use strict';
  if (typeof window.Jodit === 'undefined') return;

  // Jodit ships no Vietnamese; these are the strings of the toolbar and dialogs used here.
  var vi = {
    'Type something': 'Nhập nội dung…',
    'Insert format block': 'Định dạng đoạn',
    Paragraph: 'Đoạn văn',
    'Heading 2': 'Tiêu đề cấp 2',
    'Heading 3': 'Tiêu đề cấp 3',
    'Heading 4': 'Tiêu đề cấp 4',
    Bold: 'In đậm',
    Italic: 'In nghiêng',
    'Insert Unordered List': 'Danh sách dấu chấm',
    'Insert Ordered List': 'Danh sách đánh số',
    'Insert table': 'Chèn bảng',
    'Insert link': 'Chèn liên kết',
    'Insert Image': 'Chèn ảnh',
    Undo: 'Hoàn tác',
    Redo: 'Làm lại',
    Link: 'Liên kết',
    Text: 'Chữ hiển thị',
    Title: 'Tiêu đề',
    Image: 'Ảnh',
    Src: 'Địa chỉ',
    Alternative: 'Mô tả thay thế',
    'Alternative text': 'Mô tả thay thế',
    'Image properties': 'Thuộc tính ảnh',
    Width: 'Rộng',
    Height: 'Cao',
    Insert: 'Chèn',
    Update: 'Cập nhật',
    Cancel: 'Hủy',
    Ok: 'Đồng ý',
    Yes: 'Có',
    No: 'Không',
    Delete: 'Xóa',
    Remove: 'Gỡ bỏ',
    Unlink: 'Bỏ liên kết',
    'Open link': 'Mở liên kết',
    'Edit link': 'Sửa liên kết',
    Upload: 'Tải lên',
    'Drop image': 'Thả ảnh vào đây',
    'or click': 'hoặc bấm để chọn',
    'Insert column before': 'Chèn cột bên trái',
    'Insert column after': 'Chèn cột bên phải',
    'Insert row above': 'Chèn hàng bên trên',
    'Insert row below': 'Chèn hàng bên dưới',
    'Delete table': 'Xóa bảng',
    'Delete row': 'Xóa hàng',
    'Delete column': 'Xóa cột',
    'Empty cell': 'Xóa nội dung ô',
    Merge: 'Gộp ô',
    Split: 'Tách ô',
    'Split vertical': 'Tách theo chiều dọc',
    'Split horizontal': 'Tách theo chiều ngang',
    'Chars: %d': 'Ký tự: %d',
    'Words: %d': 'Từ: %d',
    'Please fill out this field': 'Vui lòng điền trường này',
    'Please enter a web address': 'Vui lòng nhập địa chỉ web',
    'Are you sure?': 'Bạn có chắc chắn?'
  };

  var INSERT_CLEAN_HTML = 'insert_clear_html'; // generic HTML: attributes and styles stripped
  var WORD_CLEAN = 'insert_as_text'; // Word/Excel: Jodit's "Clean" (cleanFromWord), structure kept

  // Word wraps every run in a <span>; once Jodit's Word cleaning has taken their styles, they mean
  // nothing (the server unwraps them too), so the editor shows what readers will get.
  function unwrapSpans(html) {
    if (typeof html !== 'string' || html.indexOf('<span') === -1) return undefined;
    var box = document.createElement('template'); // inert: nothing in it loads or runs
    box.innerHTML = html;
    var spans = box.content.querySelectorAll('span');
    for (var i = 0; i < spans.length; i++) {
      var span = spans[i];
      while (span.firstChild) span.parentNode.insertBefore(span.firstChild, span);
      span.parentNode.removeChild(span);
    }
    return box.innerHTML;
  }

  var options = {
    language: 'vi',
    i18n: { vi: vi },
    toolbarAdaptive: false,
    buttons: ['paragraph', '|', 'bold', 'italic', '|', 'ul', 'ol', '|', 'table', 'link', 'image', '|', 'undo', 'redo'],
    controls: {
      // The page owns h1 (the sanitiser turns h1 into h2); no inline style, which the CSP blocks.
      paragraph: {
        // atom: replaces Jodit's list (h1, quote, code) instead of merging into it.
        list: window.Jodit.atom({ p: 'Paragraph', h2: 'Heading 2', h3: 'Heading 3', h4: 'Heading 4' }),
        childTemplate: function (editor, key, value) {
          return '<' + key + ' class="jodit-portald-format"><span>' + editor.i18n(value) + '</span></' + key + '>';
        }
      }
    },
    // Pasting never asks: Word and web HTML keep their structure (headings, lists, tables, links) and
    // lose classes, styles, fonts, comments and mso- markup.
    askBeforePasteHTML: false,
    askBeforePasteFromWord: false,
    processPasteFromWord: true,
    defaultActionOnPaste: INSERT_CLEAN_HTML,
    defaultActionOnPasteFromWord: WORD_CLEAN,
    events: { beforePasteInsert: unwrapSpans },
    // Nothing from the internet: the source view (Ace and js-beautify from a CDN), speech input, the
    // AI assistant, video embeds and the file browser are off.
    disablePlugins: ['source', 'speech-recognize', 'ai-assistant', 'video', 'file', 'iframe', 'about',
      'powered-by-jodit', 'print', 'preview'],
    beautifyHTML: false,
    sourceEditor: 'area',
    sourceEditorCDNUrlsJS: [],
    beautifyHTMLCDNUrlsJS: [],
    hidePoweredByJodit: true,
    showXPathInStatusbar: false,
    // Pasted or dropped images become data:image/...;base64, which the sanitiser keeps for png, jpeg,
    // gif and webp; the media library replaces this once it exists.
    uploader: { insertImageAsBase64URI: true },
    link: { noFollowCheckbox: false, openInNewTabCheckbox: false },
    height: 480
  };

  function start() {
    var areas = document.querySelectorAll('textarea[data-editor="wysiwyg"]');
    for (var i = 0; i < areas.length; i++) {
      areas[i].portaldEditor = window.Jodit.make(areas[i], options); // admin-embed.js inserts through it
      keepInSync(areas[i], areas[i].portaldEditor);
    }
  }

  // Jodit copies its content into the (hidden) textarea a moment after each change, so the form posts
  // it as before; a submission right after the last keystroke must not leave those out (issue 15).
  function keepInSync(area, editor) {
    if (!area.form) return;
    area.form.addEventListener('submit', function () {
      if (area.value !== editor.value) area.value = editor.value;
    }, true);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
