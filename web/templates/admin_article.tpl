{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>{{HEADING}}</h1>
{{#ROYALTY}}<p class="no-print"><a href="{{ROYALTY_HREF}}">Chấm điểm nhuận bút</a></p>{{/ROYALTY}}
{{#STATE}}<section class="article-state" aria-labelledby="trang-thai">
  <h2 id="trang-thai">Trạng thái: <span class="state" data-state="{{KEY}}">{{LABEL}}</span></h2>
  <p>Tác giả tài khoản: {{CREATED_BY}} · ở trạng thái này {{AGE}} · <a href="/quan-tri/bai-viet/{{ID}}/xem-truoc">Xem trước như bạn đọc thấy</a></p>
  {{#SOURCE}}<div class="intake-source" role="note"><h3>Nguồn tin: gửi từ cổng (tổ chức, cá nhân không có tài khoản)</h3>
    <dl><dt>Mã tham chiếu</dt><dd>{{REFERENCE}}</dd><dt>Thời điểm gửi</dt><dd>{{RECEIVED}}</dd>
    {{#SENDER}}<dt>Người gửi</dt><dd>{{NAME}}</dd>{{#ORGANISATION}}<dt>Cơ quan, tổ chức</dt><dd>{{TEXT}}</dd>{{/ORGANISATION}}<dt>Thư điện tử</dt><dd>{{EMAIL}}</dd><dt>Điện thoại</dt><dd>{{PHONE}}</dd>{{/SENDER}}</dl>
    {{#CLOSED}}<p>Không mở được thông tin người gửi: cổng thông tin chưa có khóa dữ liệu cá nhân hoặc khóa đã đổi.</p>{{/CLOSED}}
  </div>{{/SOURCE}}
  {{#PRESENCE}}<p class="presence" id="dang-mo" role="status">{{TEXT}}</p>{{/PRESENCE}}{{#NOBODY_ELSE}}<p class="presence" id="dang-mo" role="status" hidden></p>{{/NOBODY_ELSE}}
  {{#REASON}}<div class="reason" role="note"><p class="reason-who">{{VERB}} bởi <strong>{{BY}}</strong> lúc {{AT}}</p><strong>{{HEADING}}:</strong> <span class="reason-text">{{TEXT}}</span></div>{{/REASON}}
  {{#LIVE}}<p>Bản đang công khai: {{STATUS}} — <a href="{{URL}}">{{URL}}</a>. Bản sửa dưới đây chỉ thay thế bản công khai sau khi được duyệt.</p>{{/LIVE}}
  {{#SCHEDULED}}<p>Hẹn giờ xuất bản: {{AT}}</p>{{/SCHEDULED}}
  {{#WORKFLOW_IN_FORM}}<p class="hint">Các nút chuyển bước (gửi duyệt, duyệt…) nằm dưới biểu mẫu: chúng lưu luôn những gì bạn vừa sửa.</p>{{/WORKFLOW_IN_FORM}}
  {{#TRANSITIONS}}<div class="transitions">
  {{#TRANSITION}}<form method="post" action="/quan-tri/bai-viet/{{ID}}/chuyen" data-transition="{{KEY}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="transition" value="{{KEY}}">
    {{#NEEDS_REASON}}<details class="reason-box"{{#OPEN}} open{{/OPEN}}><summary>{{LABEL}}…</summary>
    <label for="ly-do-{{KEY}}">{{REASON_LABEL}} (bắt buộc)</label>
    <textarea id="ly-do-{{KEY}}" name="reason" required maxlength="2000">{{REASON:none}}</textarea>
    <button type="submit" class="{{CLASS}}"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button></details>{{/NEEDS_REASON}}
    {{#NEEDS_TIME}}<label for="gio-{{KEY}}">Thời điểm xuất bản (giờ Việt Nam)</label>
    <input id="gio-{{KEY}}" name="scheduled_at" type="datetime-local" required value="{{AT}}">{{/NEEDS_TIME}}
    {{#PLAIN}}<button type="submit" class="{{CLASS}}"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button>{{/PLAIN}}
  </form>
  {{/TRANSITION}}
  </div>{{/TRANSITIONS}}
</section>{{/STATE}}
{{#CONFLICT}}<section class="conflict" aria-labelledby="xung-dot">
  <h2 id="xung-dot">Bài viết đã được lưu bởi người khác trong lúc bạn sửa</h2>
  <p>{{BY}} đã lưu phiên bản {{N}} lúc {{AT}}, sau phiên bản {{BASE}} mà bạn mở. Bản của bạn <strong>chưa được lưu</strong> và vẫn còn nguyên trong biểu mẫu bên dưới.</p>
  <h3>Những chỗ khác nhau</h3>
  <p class="diff-legend"><del>Gạch ngang</del>: chỉ có trong bản của họ (phiên bản {{N}}). <ins>Gạch dưới</ins>: chỉ có trong bản của bạn.</p>
  {{#NO_DIFFERENCE}}<p>Nội dung hai bản giống nhau; chỉ chuyên đề có thể khác.</p>{{/NO_DIFFERENCE}}
  <dl class="diff">{{#FIELD}}<dt>{{NAME}}</dt><dd>{{#PART}}{{#SAME}}{{TEXT:none}}{{/SAME}}{{#DEL}}<del>{{TEXT:none}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT:none}}</ins>{{/INS}}{{/PART}}</dd>
  {{/FIELD}}</dl>
  <details><summary>Toàn văn bản của họ (phiên bản {{N}})</summary>
    <h4>{{TITLE}}</h4><p><em>{{SUMMARY}}</em></p><div class="body">{{BODY_HTML:none}}</div>
  </details>
  <h3>Bạn chọn</h3>
  <ul class="conflict-choices">
    <li><strong>Giữ bản của tôi:</strong> bấm “Lưu đè bằng bản của tôi” dưới biểu mẫu. Bản của họ vẫn còn trong danh sách phiên bản.</li>
    <li><strong>Lấy bản của họ:</strong> bỏ bản của bạn và mở lại bài như họ đã lưu.
      <form method="post" action="/quan-tri/bai-viet/{{ID}}/bo-nhap" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Lấy bản của họ</button></form></li>
  </ul>
</section>{{/CONFLICT}}
{{#SERVER_DRAFT}}<div class="draft-offer" role="status" data-draft-at="{{AT_UNIX}}">
  <p>Có bản tự động lưu trên máy chủ lúc {{AT}}, mới hơn phiên bản đã lưu.</p>
  <p><a href="/quan-tri/bai-viet/{{ID}}?ban-nhap=1">Khôi phục bản tự động lưu</a></p>
  <form method="post" action="/quan-tri/bai-viet/{{ID}}/bo-nhap" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Bỏ qua bản tự động lưu</button></form>
</div>{{/SERVER_DRAFT}}
{{#FORM}}<form method="post" action="{{ACTION}}" class="article-form" id="article-form" data-key="{{KEY}}" data-saved-at="{{SAVED_AT}}" data-max-body="{{MAX_BODY}}"{{#AUTOSAVE}} data-autosave="{{URL}}"{{/AUTOSAVE}}{{#UNSAVED}} data-unsaved="1"{{/UNSAVED}}{{#JUST_SAVED}} data-just-saved="1"{{/JUST_SAVED}}{{#DISCARD_LOCAL}} data-discard-local="1"{{/DISCARD_LOCAL}}>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#BASE}}<input type="hidden" name="base_revision" value="{{N}}">{{/BASE}}
  <label for="title">Tiêu đề</label>
  <input id="title" name="title" type="text" required maxlength="300" value="{{TITLE}}">
  <label for="summary">Sapo (tóm tắt)</label>
  <textarea id="summary" name="summary" maxlength="1000">{{SUMMARY:none}}</textarea>
  <label for="body">Nội dung</label>
  <textarea id="body" name="body" class="body" data-editor="wysiwyg">{{BODY:none}}</textarea>
  <label for="category">Chuyên mục</label>
  {{#CATEGORY_LIMITED}}<p class="hint">Đơn vị của bạn được đưa tin vào các chuyên mục dưới đây.</p>{{/CATEGORY_LIMITED}}
  <select id="category" name="category" required>
    <option value="">— Chọn chuyên mục —</option>
    {{#CATEGORY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
    {{/CATEGORY}}
  </select>
  <label for="agency">Cơ quan cung cấp tin</label>
  {{#AGENCY_FIXED}}<p class="hint">Bài của bạn đứng tên đơn vị của bạn.</p>{{/AGENCY_FIXED}}
  <select id="agency" name="agency">
    {{#AGENCY_NONE}}<option value="">— Không —</option>{{/AGENCY_NONE}}
    {{#AGENCY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
    {{/AGENCY}}
  </select>
  <fieldset class="topics"><legend>Chuyên đề</legend>
    {{#TOPIC}}<label><input type="checkbox" name="topic" value="{{SLUG}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
    {{/TOPIC}}
  </fieldset>
  <label for="author">Tác giả (hiển thị cuối bài)</label>
  <input id="author" name="author" type="text" maxlength="200" value="{{AUTHOR}}">
  <label><input type="checkbox" name="featured" value="1"{{#FEATURED}} checked{{/FEATURED}}> Tiêu điểm (đưa lên khối tiêu điểm trang chủ)</label>
  {{#EXTRAS}}<fieldset class="lead-image" id="anh-dai-dien"><legend>Ảnh đại diện</legend>
    <p class="hint">Hiện đầu bài, trong danh sách tin, trên trang chủ, khi chia sẻ lên mạng xã hội và trong RSS. Chọn một ảnh trong thư viện ảnh{{#NO_IMAGES}} (thư viện chưa có ảnh nào của bạn){{/NO_IMAGES}}; ảnh mới thì <a href="/quan-tri/thu-vien" target="_blank" rel="noopener">tải lên thư viện ảnh</a> rồi tải lại trang này.</p>
    <div class="media-picker">
      <label><input type="radio" name="lead_media" value=""{{#NO_LEAD}} checked{{/NO_LEAD}}> Không có ảnh đại diện</label>
      {{#LEAD_CHOICE}}<label class="media-choice"><input type="radio" name="lead_media" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <img src="{{URL}}" alt="" loading="lazy" width="120"> <span>{{NAME}}</span></label>
      {{/LEAD_CHOICE}}
    </div>
    <label for="lead_alt">Mô tả ảnh đại diện (văn bản thay thế, bắt buộc khi có ảnh)</label>
    <input id="lead_alt" name="lead_alt" type="text" maxlength="500" value="{{LEAD_ALT}}">
  </fieldset>
  <fieldset class="gallery-editor" id="bo-anh"><legend>Bộ ảnh (hiện dưới nội dung bài)</legend>
    {{#GALLERY_ROW}}<div class="gallery-row">
      <img src="{{URL}}" alt="" loading="lazy" width="120">
      <input type="hidden" name="gallery_id" value="{{ID}}">
      <label for="gallery-order-{{ID}}">Thứ tự</label> <input id="gallery-order-{{ID}}" name="gallery_order" type="number" min="1" value="{{N}}">
      <label for="gallery-alt-{{ID}}">Mô tả ảnh (bắt buộc)</label> <input id="gallery-alt-{{ID}}" name="gallery_alt" type="text" maxlength="500" value="{{ALT}}">
      <label for="gallery-caption-{{ID}}">Chú thích</label> <input id="gallery-caption-{{ID}}" name="gallery_caption" type="text" maxlength="1000" value="{{CAPTION}}">
      <label><input type="checkbox" name="gallery_remove" value="{{ID}}"> Bỏ khỏi bộ ảnh</label>
    </div>
    {{/GALLERY_ROW}}
    <details><summary>Thêm ảnh từ thư viện vào bộ ảnh</summary>
      <p class="hint">Đánh dấu các ảnh cần thêm rồi bấm “Lưu phiên bản”; sau đó nhập mô tả và chú thích cho từng ảnh. Muốn đổi thứ tự, sửa số “Thứ tự”.</p>
      <div class="media-picker">
      {{#GALLERY_CHOICE}}<label class="media-choice"><input type="checkbox" name="gallery_add" value="{{ID}}"> <img src="{{URL}}" alt="" loading="lazy" width="120"> <span>{{NAME}}</span></label>
      {{/GALLERY_CHOICE}}
      </div>
    </details>
  </fieldset>
  <label for="unpublish_at">Tự động gỡ bài lúc (giờ Việt Nam, để trống nếu không hết hạn)</label>
  <input id="unpublish_at" name="unpublish_at" type="datetime-local" value="{{UNPUBLISH_AT}}">
  {{#CORRECTIONS}}<fieldset class="corrections" id="dinh-chinh"><legend>Đính chính</legend>
    {{#PUBLISHED}}<p class="correction"><strong>Đính chính ngày {{DATE}}:</strong> {{TEXT}}</p>
    {{/PUBLISHED}}
    {{#PENDING}}<label for="dinh-chinh-{{N}}">Đính chính chờ duyệt</label>
    <textarea id="dinh-chinh-{{N}}" name="correction" maxlength="2000">{{TEXT}}</textarea>
    {{/PENDING}}
    <label for="dinh-chinh-moi">Thêm đính chính mới (hiện đầu bài, kèm ngày, sau khi được duyệt; đính chính đã công bố không sửa hay xóa được)</label>
    <textarea id="dinh-chinh-moi" name="correction" maxlength="2000"></textarea>
  </fieldset>{{/CORRECTIONS}}{{/EXTRAS}}
  <p class="form-actions"><button type="submit" class="primary">{{SAVE_LABEL}}</button></p>
  <p class="form-status" id="trang-thai-luu" role="status" tabindex="-1"></p>
  {{#WORKFLOW}}<div class="transitions">
  {{#TRANSITION}}<div class="transition" data-transition="{{KEY}}">
    {{#NEEDS_REASON}}<details class="reason-box"{{#OPEN}} open{{/OPEN}}><summary>{{LABEL}}…</summary>
    <label for="ly-do-{{KEY}}">{{REASON_LABEL}} (bắt buộc khi bấm “{{LABEL}}”)</label>
    <textarea id="ly-do-{{KEY}}" name="reason-{{KEY}}" maxlength="2000">{{REASON:none}}</textarea>
    <button type="submit" class="{{CLASS}}" name="transition" value="{{KEY}}" formaction="/quan-tri/bai-viet/{{ID}}/chuyen"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button></details>{{/NEEDS_REASON}}
    {{#NEEDS_TIME}}<label for="gio-{{KEY}}">Thời điểm xuất bản (giờ Việt Nam)</label>
    <input id="gio-{{KEY}}" name="scheduled_at" type="datetime-local" value="{{AT}}">{{/NEEDS_TIME}}
    {{#PLAIN}}<button type="submit" class="{{CLASS}}" name="transition" value="{{KEY}}" formaction="/quan-tri/bai-viet/{{ID}}/chuyen"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button>{{/PLAIN}}
  </div>
  {{/TRANSITION}}
  </div>{{/WORKFLOW}}
</form>{{/FORM}}
{{#READONLY}}<section><h2>{{TITLE}}</h2><p>{{SUMMARY}}</p><p>Bạn không sửa được bài ở trạng thái này.</p></section>{{/READONLY}}
{{#STATE}}{{#THREAD}}<section class="thread" id="trao-doi" aria-labelledby="trao-doi-tieu-de">
  <h2 id="trao-doi-tieu-de">Trao đổi giữa Ban biên tập và tác giả</h2>
  {{#NO_NOTES}}<p>Chưa có ghi chú nào.</p>{{/NO_NOTES}}
  <ol class="notes">
  {{#NOTE}}<li class="note" data-kind="{{KIND}}" id="ghi-chu-{{SEQ}}"><p class="note-who"><strong>{{BY}}</strong> · {{AT}} · {{KIND_LABEL}}</p><p class="note-text">{{TEXT:none}}</p></li>
  {{/NOTE}}
  </ol>
  <form method="post" action="/quan-tri/bai-viet/{{ID}}/ghi-chu" class="note-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="ghi-chu-moi">Ghi chú mới (văn bản thuần, tối đa {{MAX}} ký tự)</label>
    <textarea id="ghi-chu-moi" name="note" required maxlength="{{MAX}}">{{TYPED:none}}</textarea>
    <button type="submit">Gửi ghi chú</button>
  </form>
</section>{{/THREAD}}{{/STATE}}
{{#STATE}}<section aria-labelledby="phien-ban">
  <h2 id="phien-ban">Các phiên bản đã lưu</h2>
  {{#COMPARE}}<form method="get" action="/quan-tri/bai-viet/{{ID}}/so-sanh" class="compare-form">
    <label for="ban-a">So sánh phiên bản</label>
    <select id="ban-a" name="a">{{#OPTION_A}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{N}}</option>{{/OPTION_A}}</select>
    <label for="ban-b">với phiên bản</label>
    <select id="ban-b" name="b">{{#OPTION_B}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{N}}</option>{{/OPTION_B}}</select>
    <button type="submit">So sánh</button>
  </form>{{/COMPARE}}
  <table>
    <thead><tr><th>Phiên bản</th><th>Người lưu</th><th>Thời gian</th><th>Ghi chú</th><th></th></tr></thead>
    <tbody>
    {{#REVISION}}<tr><td>{{N}}{{#CURRENT}} (đang làm việc){{/CURRENT}}</td><td>{{BY}}</td><td>{{AT}}</td><td>{{NOTE}}</td>
      <td>{{#CAN_RESTORE}}<form method="post" action="/quan-tri/bai-viet/{{ID}}/phien-ban/{{N}}/khoi-phuc" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Khôi phục thành bản nháp mới</button></form>{{/CAN_RESTORE}}</td></tr>
    {{/REVISION}}
    </tbody>
  </table>
</section>{{/STATE}}
{{>FOOTER}}
