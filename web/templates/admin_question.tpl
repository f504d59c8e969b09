{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<p><a href="/quan-tri/hoi-dap">‹ Hỏi đáp</a></p>
<h1>{{TITLE}}</h1>
<dl class="facts">
  <dt>Mã tra cứu</dt><dd>{{CODE}}</dd>
  <dt>Trạng thái</dt><dd><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span>{{#OVERDUE}} <strong class="overdue">Quá hạn</strong>{{/OVERDUE}}</dd>
  <dt>Người hỏi</dt><dd>{{ASKER}}</dd>
  <dt>Lĩnh vực</dt><dd>{{FIELD}}</dd>
  <dt>Ngày nhận</dt><dd>{{RECEIVED}}</dd>
  <dt>Hạn trả lời</dt><dd>{{DUE}}</dd>
  {{#SUGGESTED}}<dt>Người hỏi đề nghị cơ quan</dt><dd>{{NAME}}</dd>{{/SUGGESTED}}
  <dt>Cơ quan trả lời</dt><dd>{{AGENCY}}</dd>
  <dt>Cấp xử lý</dt><dd>{{LEVEL}}</dd>
  <dt>Công khai</dt><dd>{{#MAY_PUBLISH}}Người hỏi đồng ý công khai{{/MAY_PUBLISH}}{{#NO_PUBLISH}}Người hỏi không đồng ý công khai{{/NO_PUBLISH}}</dd>
  {{#REASON}}<dt>Lý do gần nhất</dt><dd class="reason">{{TEXT}}</dd>{{/REASON}}
</dl>
<h2>Nội dung câu hỏi</h2>
<div class="plain-text">{{TEXT:none}}</div>
{{#FILES}}<section aria-labelledby="h-tep">
  <h2 id="h-tep">Tệp đính kèm</h2>
  <p>Tệp của người hỏi được mã hóa; mỗi lần tải được ghi vào nhật ký.</p>
  <ul class="attachments">{{#FILE}}<li><form method="post" action="/quan-tri/hoi-dap/{{ID}}/tep"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="so" value="{{N}}"><button type="submit">Tải tệp {{NUMBER}}</button> {{TYPE}}, {{SIZE}}</form></li>{{/FILE}}</ul>
</section>{{/FILES}}
<section class="contact" aria-labelledby="h-lien-he">
  <h2 id="h-lien-he">Thông tin liên hệ của người hỏi</h2>
  {{#CONTACT}}<dl class="facts"><dt>Họ và tên</dt><dd>{{NAME}}</dd><dt>Thư điện tử</dt><dd>{{EMAIL}}</dd><dt>Điện thoại</dt><dd>{{PHONE}}</dd></dl>
  <h3>Nội dung nguyên văn</h3><p><strong>{{TITLE}}</strong></p><div class="plain-text">{{TEXT:none}}</div>{{/CONTACT}}
  {{#CONTACT_HIDDEN}}<p>Thông tin liên hệ được mã hóa và chỉ hiển thị khi cần; mỗi lần xem được ghi vào nhật ký.</p>
  <form method="post" action="/quan-tri/hoi-dap/{{ID}}/lien-he"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Xem thông tin liên hệ</button></form>{{/CONTACT_HIDDEN}}
  {{#CONTACT_ERASED}}<p>Dữ liệu cá nhân của người hỏi (thông tin liên hệ, tệp đính kèm) đã được xóa khi hết thời hạn lưu trữ.</p>{{/CONTACT_ERASED}}
</section>
<section aria-labelledby="h-tra-loi">
  <h2 id="h-tra-loi">Câu trả lời</h2>
  {{#ANSWER_FORM}}<form method="post" action="/quan-tri/hoi-dap/{{ID}}/tra-loi">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="q-answer">Câu trả lời chính thức (được Ban biên tập duyệt trước khi gửi người hỏi)</label>
    <textarea id="q-answer" name="tra-loi" rows="12" maxlength="{{ANSWER_MAX}}">{{ANSWER:none}}</textarea>
    <p><button type="submit" name="gui" value="0">Lưu dự thảo</button> <button type="submit" name="gui" value="1">Gửi trả lời để duyệt</button></p>
  </form>{{/ANSWER_FORM}}
  {{#ANSWER_TEXT}}<div class="plain-text">{{TEXT:none}}</div><p class="meta">{{BY}}</p>{{/ANSWER_TEXT}}
  {{#NO_ANSWER}}<p>Chưa có câu trả lời.</p>{{/NO_ANSWER}}
</section>
{{#STEPS}}<section aria-labelledby="h-xu-ly">
  <h2 id="h-xu-ly">Xử lý</h2>
  <form method="post" action="/quan-tri/hoi-dap/{{ID}}/buoc">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#AGENCY_SELECT}}<label for="q-agency">Cơ quan trả lời (khi giao)</label>
    <select id="q-agency" name="co-quan"><option value="">Chọn cơ quan</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>{{/AGENCY_SELECT}}
    <label for="q-reason">Lý do hoặc nội dung đề nghị (bắt buộc khi trả lại, chuyển cấp, đề nghị bổ sung, đóng)</label>
    <textarea id="q-reason" name="ly-do" rows="3" maxlength="2000">{{TYPED_REASON:none}}</textarea>
    <p>{{#STEP}}<button type="submit" name="buoc" value="{{KEY}}">{{LABEL}}</button> {{/STEP}}</p>
  </form>
</section>{{/STEPS}}
<section aria-labelledby="h-ghi-chu">
  <h2 id="h-ghi-chu">Ghi chú nội bộ</h2>
  <p class="meta">Không công khai, không gửi người hỏi.</p>
  <ol class="notes">{{#NOTE}}<li><p class="meta">{{AUTHOR}}, {{AT}}</p><div class="plain-text">{{TEXT:none}}</div></li>{{/NOTE}}</ol>
  <form method="post" action="/quan-tri/hoi-dap/{{ID}}/ghi-chu">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="q-note">Thêm ghi chú</label>
    <textarea id="q-note" name="ghi-chu" rows="3" maxlength="4000">{{TYPED_NOTE:none}}</textarea>
    <p><button type="submit">Thêm ghi chú</button></p>
  </form>
</section>
<section aria-labelledby="h-lich-su">
  <h2 id="h-lich-su">Lịch sử xử lý</h2>
  <ol class="history">{{#EVENT}}<li>{{AT}} · {{ACTOR}} · {{STEP}} → {{STATE}}{{#AGENCY}} ({{NAME}}){{/AGENCY}}{{#REASON}}: {{TEXT}}{{/REASON}}</li>{{/EVENT}}</ol>
</section>
{{>FOOTER}}
