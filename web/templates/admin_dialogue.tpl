{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<p><a href="/quan-tri/doi-thoai">‹ Đối thoại trực tuyến</a></p>
<h1>{{HEADING}}</h1>
{{#ERRORS}}<div class="form-error" role="alert"><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/ERRORS}}
{{#EXISTING}}<dl class="facts">
  <dt>Trạng thái</dt><dd><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></dd>
  <dt>Trang công khai</dt><dd><a href="/doi-thoai/{{ID}}">/doi-thoai/{{ID}}</a></dd>
</dl>
{{#STEPS}}<form method="post" action="/quan-tri/doi-thoai/{{ID}}/buoc">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p>{{#STEP}}<button type="submit" name="buoc" value="{{KEY}}">{{LABEL}}</button> {{/STEP}}</p>
</form>{{/STEPS}}{{/EXISTING}}
{{#FORM}}<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="d-title">Tiêu đề</label>
  <input id="d-title" name="tieu-de" type="text" required maxlength="200" value="{{TITLE}}">
  <label for="d-agency">Cơ quan chủ trì</label>
  <select id="d-agency" name="co-quan" required><option value="">Chọn cơ quan</option>{{#AGENCY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY}}</select>
  <label for="d-officials">Người trả lời: mỗi dòng một người (họ tên, chức vụ)</label>
  <textarea id="d-officials" name="nguoi-tra-loi" rows="4" required>{{OFFICIALS:none}}</textarea>
  <label for="d-starts">Bắt đầu (giờ Việt Nam)</label>
  <input id="d-starts" name="bat-dau" type="datetime-local" required value="{{STARTS}}">
  <label for="d-ends">Kết thúc dự kiến (giờ Việt Nam)</label>
  <input id="d-ends" name="ket-thuc" type="datetime-local" required value="{{ENDS}}">
  <label for="d-description">Giới thiệu</label>
  <textarea id="d-description" name="gioi-thieu" rows="6">{{DESCRIPTION:none}}</textarea>
  <label for="d-stream">Địa chỉ phát trực tiếp (https, từ nguồn được phép nhúng; để trống nếu không có)</label>
  <input id="d-stream" name="phat-truc-tiep" type="url" maxlength="2000" value="{{STREAM}}" aria-describedby="d-stream-hint">
  <p class="meta" id="d-stream-hint">{{#ALLOWED}}Nguồn được phép: {{LIST}}.{{/ALLOWED}}{{#NONE_ALLOWED}}Cổng thông tin chưa cho phép nhúng nguồn nào (cài đặt embed_origins).{{/NONE_ALLOWED}}</p>
  <p><button type="submit">Lưu</button></p>
</form>{{/FORM}}
{{#EXISTING}}<section aria-labelledby="h-cau-hoi">
  <h2 id="h-cau-hoi">Câu hỏi ({{PENDING}} chờ duyệt)</h2>
  <p class="meta">Câu hỏi chỉ hiện trên trang công khai khi được đưa lên; họ tên đã viết tắt, thông tin liên hệ được ẩn.</p>
  {{#NO_ENTRIES}}<p>Chưa có câu hỏi.</p>{{/NO_ENTRIES}}
  <ol class="notes">{{#ENTRY}}<li id="cau-hoi-{{QID}}">
    <p><strong>{{TITLE}}</strong> · <span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></p>
    <p class="meta">{{ASKER}}, {{ASKED}} · <a href="/quan-tri/hoi-dap/{{QID}}">Mã {{CODE}}</a></p>
    <div class="plain-text">{{TEXT:none}}</div>
    {{#MODERATE}}<form method="post" action="/quan-tri/doi-thoai/{{ID}}/cau-hoi/{{QID}}">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <p>{{#ACCEPT}}<button type="submit" name="thao-tac" value="accept">Đưa lên</button> {{/ACCEPT}}{{#REJECT}}<button type="submit" name="thao-tac" value="reject">Không đưa lên</button>{{/REJECT}}</p>
    </form>{{/MODERATE}}
    {{#ANSWER_FORM}}<form method="post" action="/quan-tri/doi-thoai/{{ID}}/cau-hoi/{{QID}}">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="thao-tac" value="answer">
      <label for="a-official-{{QID}}">Người trả lời</label>
      <select id="a-official-{{QID}}" name="nguoi-tra-loi">{{#OFFICIAL}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OFFICIAL}}</select>
      <label for="a-text-{{QID}}">Câu trả lời</label>
      <textarea id="a-text-{{QID}}" name="tra-loi" rows="5" maxlength="20000">{{ANSWER:none}}</textarea>
      <p><button type="submit">Lưu câu trả lời</button></p>
    </form>{{/ANSWER_FORM}}
    {{#ANSWER_TEXT}}<div class="plain-text">{{TEXT:none}}</div><p class="meta">{{OFFICIAL}}</p>{{/ANSWER_TEXT}}
  </li>{{/ENTRY}}</ol>
</section>{{/EXISTING}}
{{>FOOTER}}
