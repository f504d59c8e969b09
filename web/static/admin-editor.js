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
    'Are you sure?': 'Bạn có chắc chắn?',
    'Connection error': 'Lỗi kết nối',
    'File is uploading': 'Đang tải tệp lên',
    // The link and image dialogs, the paste question and the table popups (Jodit ships no Vietnamese).
    URL: 'Địa chỉ (URL)',
    'Class name': 'Lớp CSS (không bắt buộc)',
    Classes: 'Lớp CSS',
    'Open in new tab': 'Mở trong thẻ mới',
    'No follow': 'Không theo liên kết (nofollow)',
    Advanced: 'Nâng cao',
    Align: 'Căn lề',
    'Align Left': 'Căn trái',
    'Align Center': 'Căn giữa',
    'Align Right': 'Căn phải',
    'Align Justify': 'Căn đều hai bên',
    Left: 'Trái',
    Right: 'Phải',
    Center: 'Giữa',
    Top: 'Trên',
    Bottom: 'Dưới',
    Middle: 'Giữa',
    Normal: 'Bình thường',
    Default: 'Mặc định',
    'Horizontal align': 'Căn ngang',
    'Vertical align': 'Căn dọc',
    Margins: 'Lề',
    Border: 'Viền',
    'Border radius': 'Bo góc',
    Styles: 'Kiểu CSS',
    'Keep Aspect Ratio': 'Giữ tỉ lệ',
    Edit: 'Sửa',
    'Edit image': 'Sửa ảnh',
    Crop: 'Cắt ảnh',
    Resize: 'Đổi kích thước',
    Reset: 'Đặt lại',
    Save: 'Lưu',
    Apply: 'Áp dụng',
    Select: 'Chọn',
    Anchor: 'Neo',
    Break: 'Ngắt',
    Paste: 'Dán',
    'Paste as HTML': 'Dán dạng HTML',
    'Word Paste Detected': 'Nội dung dán từ Word',
    'The pasted content is coming from a Microsoft Word/Excel document. Do you want to keep the format or clean it up?':
      'Nội dung dán vào đến từ Microsoft Word/Excel. Bạn muốn giữ định dạng hay làm sạch?',
    'Your code is similar to HTML. Keep as HTML?': 'Nội dung giống mã HTML. Giữ dạng HTML?',
    Keep: 'Giữ nguyên',
    Clean: 'Làm sạch',
    'Insert as Text': 'Chèn dạng chữ',
    'Insert only Text': 'Chỉ chèn chữ'
  };

  // Jodit names the table-size grid in English outside its translations ("Table size", "3 by 4"): the
  // cells are renamed as they appear, so a screen reader says "3 hàng × 4 cột".
  function translateTableGrid(root) {
    if (!root.querySelectorAll) return;
    var selector = '[role="grid"][aria-label="Table size"]';
    var grids = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches(selector)) grids.push(root);
    for (var g = 0; g < grids.length; g++) {
      grids[g].setAttribute('aria-label', 'Kích thước bảng');
      var cells = grids[g].querySelectorAll('[role="gridcell"]');
      for (var c = 0; c < cells.length; c++) {
        var m = /^(\d+) by (\d+)$/.exec(cells[c].getAttribute('aria-label') || '');
        if (m) cells[c].setAttribute('aria-label', m[1] + ' hàng × ' + m[2] + ' cột');
      }
    }
  }
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++)
      for (var j = 0; j < changes[i].addedNodes.length; j++) translateTableGrid(changes[i].addedNodes[j]);
  }).observe(document.documentElement, { childList: true, subtree: true });

  // Images go into the media library (issue 14): Jodit's uploader (pasted, dropped, chosen images) and
  // the library picker post here; the server stores each with its public copies and answers its address.
  var LIBRARY_URL = '/quan-tri/thu-vien/anh';
  var ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

  // The page's CSRF token (every admin form carries it); the uploads send it as X-CSRF-Token.
  function csrfToken() {
    var input = document.querySelector('input[name="csrf"]');
    return input ? input.value : '';
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }

  function uploadImage(file) {
    var data = new FormData();
    data.append('files[0]', file, file.name);
    return fetch(LIBRARY_URL, {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrfToken(), Accept: 'application/json' }
    }).then(function (r) { return r.json(); });
  }

  // "Chèn ảnh từ thư viện": pick an image of the library (a contributor sees their own uploads) or
  // upload a new one, give its alt text or mark it decorative, insert it. Alt text is required before
  // the article can be submitted (docs/admin.md, "Images"), so the dialog asks for it here.
  var pickerCount = 0;
  function openLibrary(editor) {
    var id = 'portald-library-' + (++pickerCount);
    editor.s.save();
    var chosen = null;
    var box = el('div', { 'class': 'portald-library' });
    var status = el('p', { 'class': 'portald-library__status', role: 'status', 'aria-live': 'polite' });
    var uploadLabel = el('label', { 'for': id + '-file' }, 'Tải ảnh mới lên (PNG, JPEG, GIF, WebP)');
    var fileInput = el('input', { type: 'file', id: id + '-file', accept: ACCEPT });
    var listLabel = el('p', { id: id + '-list-label' }, 'Hoặc chọn một ảnh đã có trong thư viện:');
    var list = el('ul', { 'class': 'portald-library__grid', 'aria-labelledby': id + '-list-label' });
    var altLabel = el('label', { 'for': id + '-alt' }, 'Mô tả thay thế (alt) cho người không xem được ảnh');
    var altInput = el('input', { type: 'text', id: id + '-alt', maxlength: '300' });
    var decoLabel = el('label', { 'for': id + '-deco', 'class': 'portald-library__check' });
    var decoInput = el('input', { type: 'checkbox', id: id + '-deco' });
    decoLabel.appendChild(decoInput);
    decoLabel.appendChild(document.createTextNode(' Ảnh trang trí, không mang thông tin (không cần mô tả)'));
    var insert = el('button', { type: 'button', 'class': 'portald-library__insert' }, 'Chèn ảnh');
    [status, uploadLabel, fileInput, listLabel, list, altLabel, altInput, decoLabel, insert].forEach(function (n) {
      box.appendChild(n);
    });

    var dialog = editor.dlg({ closeOnClickOverlay: true });
    dialog.setHeader('Chèn ảnh từ thư viện');
    dialog.setContent(box);

    function choose(url, button) {
      chosen = url;
      var pressed = list.querySelectorAll('button[aria-pressed="true"]');
      for (var i = 0; i < pressed.length; i++) pressed[i].setAttribute('aria-pressed', 'false');
      if (button) button.setAttribute('aria-pressed', 'true');
    }
    function addItem(item, first) {
      var li = el('li');
      var button = el('button', { type: 'button', 'aria-pressed': 'false', title: item.name });
      button.appendChild(el('img', { src: item.thumb || item.url, alt: '' }));
      button.appendChild(el('span', {}, item.name));
      button.addEventListener('click', function () { choose(item.url, button); });
      li.appendChild(button);
      if (first && list.firstChild) list.insertBefore(li, list.firstChild);
      else list.appendChild(li);
      return button;
    }

    fetch(LIBRARY_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        (data.images || []).forEach(function (item) { addItem(item, false); });
        if (!data.images || !data.images.length) status.textContent = 'Thư viện chưa có ảnh nào của bạn.';
      })
      .catch(function () { status.textContent = 'Không tải được danh sách ảnh của thư viện.'; });

    fileInput.addEventListener('change', function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      status.textContent = 'Đang tải ảnh lên…';
      uploadImage(file).then(function (resp) {
        if (!resp.success) {
          status.textContent = (resp.data && resp.data.messages || []).join(' ') || 'Không tải được ảnh lên.';
          return;
        }
        var url = resp.data.files[0];
        var button = addItem({ url: url, name: file.name }, true);
        choose(url, button);
        status.textContent = 'Đã tải ảnh “' + file.name + '” lên thư viện. Hãy nhập mô tả rồi bấm “Chèn ảnh”.';
      }).catch(function () { status.textContent = 'Không tải được ảnh lên (lỗi kết nối).'; });
    });

    insert.addEventListener('click', function () {
      var alt = altInput.value.trim();
      if (!chosen) { status.textContent = 'Vui lòng chọn hoặc tải lên một ảnh.'; return; }
      if (!alt && !decoInput.checked) {
        status.textContent = 'Vui lòng nhập mô tả thay thế, hoặc đánh dấu là ảnh trang trí.';
        altInput.focus();
        return;
      }
      var img = editor.createInside.element('img');
      img.setAttribute('src', chosen);
      img.setAttribute('alt', decoInput.checked ? '' : alt);
      if (decoInput.checked) img.setAttribute('role', 'presentation');
      editor.s.restore();
      editor.s.insertNode(img);
      editor.synchronizeValues();
      dialog.close();
    });
    dialog.destroyAfterClose = true; // one dialog per use
    dialog.e.on(dialog, 'afterClose', function () {
      try { editor.s.restore(); } catch (e) { /* the markers went with an insert */ }
    });
    dialog.open();
    // Jodit draws the dialog's close button as an icon only: give it a name screen readers can say.
    var closeButtons = dialog.container.querySelectorAll('.jodit-toolbar-button_close [role="button"], .jodit-toolbar-button_close button');
    for (var c = 0; c < closeButtons.length; c++) closeButtons[c].setAttribute('aria-label', 'Đóng');
    fileInput.focus();
  }

  // The decorative mark (alt="" with role="presentation"), set or cleared from the image's popup; alt
  // text itself is edited in the image properties dialog (the pencil).
  function toggleDecorative(editor, image) {
    if (image.getAttribute('role') === 'presentation') {
      image.removeAttribute('role');
    } else {
      image.setAttribute('alt', '');
      image.setAttribute('role', 'presentation');
    }
    editor.synchronizeValues();
  }

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
    buttons: ['paragraph', '|', 'bold', 'italic', '|', 'ul', 'ol', '|', 'table', 'link', 'image', 'library', '|',
      'undo', 'redo'],
    controls: {
      library: {
        name: 'library',
        icon: 'folder',
        tooltip: 'Chèn ảnh từ thư viện',
        exec: function (editor) { openLibrary(editor); }
      },
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
    // Pasted, dropped or chosen images go to the media library (never inline data: URLs); what is
    // pasted as data: anyway (from Word) is stored as media when the article is saved (issue 14).
    uploader: {
      url: LIBRARY_URL,
      insertImageAsBase64URI: false,
      imagesExtensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'],
      filesVariableName: function (i) { return 'files[' + i + ']'; },
      prepareData: function (data) { return data; },
      headers: { 'X-CSRF-Token': '' }, // filled in start(): the token is in the page's forms
      isSuccess: function (resp) { return !!resp && resp.success === true; },
      getMessage: function (resp) {
        return resp && resp.data && resp.data.messages ? resp.data.messages.join(' ') : 'Không tải được ảnh lên.';
      },
      process: function (resp) {
        var data = (resp && resp.data) || {};
        return { files: data.files || [], isImages: data.isImages || [], baseurl: '', path: '',
          error: resp && resp.success ? 0 : 1, msg: (data.messages || []).join(' ') };
      }
    },
    popup: {
      img: (window.Jodit.defaultOptions.popup.img || []).concat([{
        name: 'portald-decorative',
        icon: 'eye',
        tooltip: 'Đánh dấu ảnh trang trí',
        exec: function (editor, image) { if (image) toggleDecorative(editor, image); }
      }])
    },
    link: { noFollowCheckbox: false, openInNewTabCheckbox: false },
    height: 480
  };

  function start() {
    options.uploader.headers = { 'X-CSRF-Token': csrfToken() };
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
