{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<p><a href="/quan-tri/trang">‹ Tất cả trang chuyên mục</a></p>
<h1>{{HEADING}}</h1>
{{#STATE}}<section class="article-state" aria-labelledby="trang-thai">
  <h2 id="trang-thai">Trạng thái</h2>
  <p>{{LANG}} · {{KIND}} · {{#LIVE}}Đang công khai tại <a href="{{URL}}">{{URL}}</a> · Cập nhật lần cuối: {{UPDATED}}{{/LIVE}}{{#NOT_LIVE}}Trang mới, chưa công khai (sẽ ở {{URL}} khi được duyệt){{/NOT_LIVE}} · <a href="/quan-tri/trang/{{ID}}/xem-truoc">Xem trước như bạn đọc thấy</a></p>
  {{#PENDING}}<div class="pending-revision" role="status">
    <p><strong>Có bản sửa chờ duyệt:</strong> phiên bản {{N}}, do {{BY}} lưu lúc {{AT}}. Trang công khai chỉ thay đổi khi Ban biên tập duyệt.</p>
    {{#DECIDE}}<div class="transitions">
      <form method="post" action="/quan-tri/trang/{{ID}}/duyet" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="revision" value="{{N}}">
        <button type="submit" class="primary" data-confirm="Duyệt và công khai phiên bản {{N}}? Bạn đọc sẽ thấy ngay.">Duyệt và công khai phiên bản {{N}}</button>
      </form>
      <form method="post" action="/quan-tri/trang/{{ID}}/tra-lai">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="revision" value="{{N}}">
        <details class="reason-box"{{#REASON_TYPED}} open{{/REASON_TYPED}}><summary>Trả lại người soạn…</summary>
        <label for="ly-do-tra-lai">Lý do trả lại (bắt buộc)</label>
        <textarea id="ly-do-tra-lai" name="reason" required maxlength="2000">{{REASON:none}}</textarea>
        <button type="submit">Trả lại người soạn</button></details>
      </form>
    </div>{{/DECIDE}}
  </div>{{/PENDING}}
  {{#RETURNED}}<div class="reason" role="note"><strong>Phiên bản {{N}} bị trả lại</strong> bởi {{BY}}. <strong>Lý do:</strong> <span class="reason-text">{{REASON}}</span></div>{{/RETURNED}}
</section>{{/STATE}}
{{#FORM}}<form method="post" action="{{ACTION}}" class="article-form" id="page-form" data-key="{{KEY}}" data-saved-at="{{SAVED_AT}}" data-max-body="{{MAX_BODY}}"{{#UNSAVED}} data-unsaved="1"{{/UNSAVED}}>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#BASE}}<input type="hidden" name="base_revision" value="{{N}}">{{/BASE}}
  {{#NEW}}<label for="lang">Ngôn ngữ</label>
  <select id="lang" name="lang" required>{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>
  <label for="slug">Địa chỉ trang (để trống để tạo từ tiêu đề; chữ thường không dấu, ví dụ: lien-he)</label>
  <input id="slug" name="slug" type="text" maxlength="80" value="{{SLUG}}">
  <label for="kind">Loại trang</label>
  <select id="kind" name="kind" required>{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>{{/NEW}}
  {{#FIXED}}<p class="hint">Địa chỉ: {{URL}} · {{LANG}} · {{KIND}} (không đổi sau khi tạo).</p>{{/FIXED}}
  <label for="title">Tiêu đề</label>
  <input id="title" name="title" type="text" required maxlength="300" value="{{TITLE}}">
  <label for="summary">Tóm tắt</label>
  <textarea id="summary" name="summary" maxlength="1000">{{SUMMARY:none}}</textarea>
  <label for="body">Nội dung</label>
  <textarea id="body" name="body" class="body" data-editor="wysiwyg">{{BODY:none}}</textarea>
  {{#ENTRIES}}<fieldset class="entries"><legend>Các dòng thông tin</legend>
    <p class="hint">Mỗi dòng là một mục hiển thị thành bảng trên trang. Xóa hết các ô của một dòng để bỏ dòng đó; điền vào dòng trống để thêm.</p>
    <div class="table-scroll"><table>
      <thead><tr><th scope="col">#</th>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}</tr></thead>
      <tbody>
      {{#ROW}}<tr><td>{{N}}</td>{{#CELL}}<td><input type="{{TYPE}}" name="{{NAME}}" value="{{VALUE}}" maxlength="500" aria-label="{{LABEL}}"></td>{{/CELL}}</tr>
      {{/ROW}}
      </tbody>
    </table></div>
  </fieldset>{{/ENTRIES}}
  {{#ENTRIES_LATER}}<p class="hint">Với trang danh bạ, danh mục công khai hoặc liên kết, các dòng thông tin được nhập sau khi tạo trang.</p>{{/ENTRIES_LATER}}
  <label for="position">Thứ tự trong menu (số nhỏ đứng trước)</label>
  <input id="position" name="position" type="number" min="0" max="9999" value="{{POSITION}}">
  <p class="form-actions"><button type="submit" class="primary">{{SAVE_LABEL}}</button>
  {{#CAN_APPROVE}}<button type="submit" name="approve" value="1" data-confirm="Lưu và công khai trang này ngay? Bạn đọc sẽ thấy ngay.">Lưu và duyệt công khai ngay</button>{{/CAN_APPROVE}}</p>
  <p class="form-status" id="trang-thai-luu" role="status" tabindex="-1"></p>
</form>{{/FORM}}
{{#REVISIONS}}<section aria-labelledby="phien-ban">
  <h2 id="phien-ban">Các phiên bản đã lưu</h2>
  <table>
    <thead><tr><th scope="col">Phiên bản</th><th scope="col">Trạng thái</th><th scope="col">Người lưu</th><th scope="col">Thời gian</th><th scope="col">Người duyệt / trả lại</th><th scope="col">Ghi chú</th><th scope="col"></th></tr></thead>
    <tbody>
    {{#REVISION}}<tr data-state="{{STATE_KEY}}"><td>{{N}}</td><td>{{STATE}}</td><td>{{BY}}</td><td>{{AT}}</td><td>{{#DECIDED}}{{TEXT}}{{/DECIDED}}</td><td>{{NOTE}}</td>
      <td>{{#CAN_RESTORE}}<form method="post" action="/quan-tri/trang/{{ID}}/phien-ban/{{N}}/khoi-phuc" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Khôi phục thành bản chờ duyệt</button></form>{{/CAN_RESTORE}}</td></tr>
    {{/REVISION}}
    </tbody>
  </table>
</section>{{/REVISIONS}}
{{#NO_REVISIONS}}<p>Chưa có phiên bản nào được lưu qua trang quản trị: nội dung hiện tại là bản đã có sẵn.</p>{{/NO_REVISIONS}}
{{>FOOTER}}
