{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>{{HEADING}}</h1>
<p><a href="/quan-tri/van-ban">← Danh sách văn bản</a></p>
{{#STATE}}<section class="article-state" aria-labelledby="trang-thai">
  <h2 id="trang-thai">Trạng thái: <span class="state" data-state="{{KEY}}">{{LABEL}}</span></h2>
  <p>Người tạo: {{CREATED_BY}} · ở trạng thái này {{AGE}} · <a href="/quan-tri/van-ban/{{ID}}/xem-truoc">Xem trước như bạn đọc thấy</a></p>
  {{#REASON}}<div class="reason" role="note"><p class="reason-who">{{VERB}} bởi <strong>{{BY}}</strong> lúc {{AT}}</p><strong>Lý do:</strong> <span class="reason-text">{{TEXT}}</span></div>{{/REASON}}
  {{#LIVE}}<p>Bản đang công khai: {{STATUS}}{{#PUBLIC}} — <a href="{{URL}}">{{URL}}</a>{{/PUBLIC}}. Bản sửa dưới đây chỉ thay thế bản công khai sau khi được duyệt.</p>{{/LIVE}}
  <p>Hiệu lực (bản công khai): <strong class="validity">{{VALIDITY}}</strong>{{#VALIDITY_NOTE}} — {{TEXT}}{{/VALIDITY_NOTE}}</p>
  {{#REPLACED_BY}}<p>Được thay thế bởi: <a href="/quan-tri/van-ban/{{ID}}">{{TITLE}}</a></p>{{/REPLACED_BY}}
  {{#REPLACES}}<p>Thay thế văn bản: <a href="/quan-tri/van-ban/{{ID}}">{{TITLE}}</a></p>{{/REPLACES}}
  {{#WORKFLOW_IN_FORM}}<p class="hint">Các nút chuyển bước (gửi duyệt, duyệt…) nằm dưới biểu mẫu: chúng lưu luôn những gì bạn vừa sửa.</p>{{/WORKFLOW_IN_FORM}}
  {{#TRANSITIONS}}<div class="transitions">
  {{#TRANSITION}}<form method="post" action="/quan-tri/van-ban/{{ID}}/chuyen" data-transition="{{KEY}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="transition" value="{{KEY}}">
    {{#NEEDS_REASON}}<details class="reason-box"{{#OPEN}} open{{/OPEN}}><summary>{{LABEL}}…</summary>
    <label for="ly-do-{{KEY}}">Lý do (bắt buộc)</label>
    <textarea id="ly-do-{{KEY}}" name="reason" required maxlength="2000">{{REASON:none}}</textarea>
    <button type="submit" class="{{CLASS}}"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button></details>{{/NEEDS_REASON}}
    {{#PLAIN}}<button type="submit" class="{{CLASS}}"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button>{{/PLAIN}}
  </form>
  {{/TRANSITION}}
  </div>{{/TRANSITIONS}}
</section>{{/STATE}}
{{#FORM}}<form method="post" action="{{ACTION}}" enctype="multipart/form-data" class="document-form" id="document-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#BASE}}<input type="hidden" name="base_revision" value="{{N}}">{{/BASE}}
  <fieldset><legend>Thông tin văn bản</legend>
  <label for="number">Số ký hiệu</label>
  <input id="number" name="number" type="text" required maxlength="100" value="{{NUMBER}}" aria-describedby="number-hint">
  <p class="hint" id="number-hint">Dạng “số/ký hiệu” như 1382/QĐ-UBND, hoặc “số/năm/ký hiệu” như 15/2023/NĐ-CP.</p>
  <label for="type">Loại văn bản</label>
  <input id="type" name="type" type="text" required maxlength="100" value="{{TYPE}}" list="loai-van-ban">
  <datalist id="loai-van-ban">{{#TYPE_OPTION}}<option value="{{NAME}}">{{/TYPE_OPTION}}</datalist>
  <label for="issuer">Cơ quan ban hành</label>
  <input id="issuer" name="issuer" type="text" required maxlength="300" value="{{ISSUER}}" list="co-quan">
  <datalist id="co-quan">{{#ISSUER_OPTION}}<option value="{{NAME}}">{{/ISSUER_OPTION}}</datalist>
  <label for="signer">Người ký</label>
  <input id="signer" name="signer" type="text" required maxlength="200" value="{{SIGNER}}">
  <label for="issued_on">Ngày ban hành</label>
  <input id="issued_on" name="issued_on" type="date" required value="{{ISSUED_ON}}">
  <label for="effective_on">Ngày có hiệu lực (không bắt buộc)</label>
  <input id="effective_on" name="effective_on" type="date" value="{{EFFECTIVE_ON}}">
  <label for="expires_on">Ngày hết hiệu lực (không bắt buộc)</label>
  <input id="expires_on" name="expires_on" type="date" value="{{EXPIRES_ON}}">
  <label for="field">Lĩnh vực</label>
  <input id="field" name="field" type="text" maxlength="200" value="{{FIELD}}">
  <label for="abstract">Trích yếu</label>
  <textarea id="abstract" name="abstract" required maxlength="5000">{{ABSTRACT:none}}</textarea>
  <label for="national_db_url">Liên kết trên Cơ sở dữ liệu quốc gia về văn bản pháp luật (không bắt buộc)</label>
  <input id="national_db_url" name="national_db_url" type="url" maxlength="2000" value="{{NATIONAL_DB_URL}}">
  </fieldset>
  <fieldset><legend>Tệp đính kèm</legend>
  {{#FILE}}<div class="attachment">
    <input type="hidden" name="shown" value="{{ID}}">
    <label><input type="checkbox" name="keep" value="{{ID}}"{{#KEPT}} checked{{/KEPT}}> Giữ tệp</label> <a href="{{URL}}">{{NAME}}</a>
    <label for="replace-{{ID}}">Thay tệp {{NAME}} bằng tệp khác</label>
    <input id="replace-{{ID}}" name="replace-{{ID}}" type="file">
  </div>
  {{/FILE}}
  {{#NO_FILES}}<p>Chưa có tệp đính kèm.</p>{{/NO_FILES}}
  <label for="new_file">Thêm tệp (PDF, Word, Excel, ODT hoặc ảnh; cả biểu mẫu gửi đi tối đa {{MAX_SIZE}})</label>
  <input id="new_file" name="new_file" type="file" multiple>
  <label for="library">Thêm tệp đã có trong thư viện (mã tệp hoặc địa chỉ /tep/…, cách nhau bằng dấu cách)</label>
  <input id="library" name="library" type="text" maxlength="2000" value="{{LIBRARY}}">
  </fieldset>
  <p class="form-actions"><button type="submit" class="primary">Lưu phiên bản</button></p>
  {{#WORKFLOW}}<div class="transitions">
  {{#TRANSITION}}<div class="transition" data-transition="{{KEY}}">
    {{#NEEDS_REASON}}<details class="reason-box"{{#OPEN}} open{{/OPEN}}><summary>{{LABEL}}…</summary>
    <label for="ly-do-{{KEY}}">Lý do (bắt buộc khi bấm “{{LABEL}}”)</label>
    <textarea id="ly-do-{{KEY}}" name="reason-{{KEY}}" maxlength="2000">{{REASON:none}}</textarea>
    <button type="submit" class="{{CLASS}}" name="transition" value="{{KEY}}" formaction="/quan-tri/van-ban/{{ID}}/chuyen"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button></details>{{/NEEDS_REASON}}
    {{#PLAIN}}<button type="submit" class="{{CLASS}}" name="transition" value="{{KEY}}" formaction="/quan-tri/van-ban/{{ID}}/chuyen"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}>{{LABEL}}</button>{{/PLAIN}}
  </div>
  {{/TRANSITION}}
  </div>{{/WORKFLOW}}
</form>{{/FORM}}
{{#READONLY}}<section><h2>{{TYPE}} số {{NUMBER}}</h2><p>{{ABSTRACT}}</p><p>Bạn không sửa được văn bản ở trạng thái này.</p></section>{{/READONLY}}
{{#BOARD}}<section class="validity-marks" aria-labelledby="hieu-luc">
  <h2 id="hieu-luc">Hiệu lực của văn bản (Ban biên tập)</h2>
  <p>Có tác dụng ngay trên trang công khai và được ghi nhật ký.</p>
  <form method="post" action="/quan-tri/van-ban/{{ID}}/het-hieu-luc">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="expire-on">Ngày hết hiệu lực</label>
    <input id="expire-on" name="on" type="date" required value="{{EXPIRE_ON}}">
    <label for="expire-note">Ghi chú cho bạn đọc (ví dụ: Bị bãi bỏ bởi Quyết định số …)</label>
    <input id="expire-note" name="note" type="text" maxlength="1000" value="{{EXPIRE_NOTE}}">
    <p><button type="submit">Đánh dấu hết hiệu lực</button></p>
  </form>
  {{#CAN_REPLACE}}<form method="post" action="/quan-tri/van-ban/{{ID}}/thay-the">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="replace-by">Văn bản thay thế (số ký hiệu, hoặc mã ở cuối địa chỉ của nó)</label>
    <input id="replace-by" name="by" type="text" required maxlength="100" value="{{BY}}">
    <label for="replace-on">Hết hiệu lực từ ngày (để trống: ngày có hiệu lực của văn bản thay thế)</label>
    <input id="replace-on" name="on" type="date" value="{{ON}}">
    <p><button type="submit">Đánh dấu bị thay thế</button></p>
  </form>{{/CAN_REPLACE}}
  {{#CAN_UNREPLACE}}<form method="post" action="/quan-tri/van-ban/{{ID}}/bo-thay-the">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p><button type="submit">Bỏ đánh dấu thay thế</button> (ngày hết hiệu lực giữ nguyên; sửa trong biểu mẫu nếu cần)</p>
  </form>{{/CAN_UNREPLACE}}
</section>{{/BOARD}}
{{#STATE}}<section aria-labelledby="phien-ban">
  <h2 id="phien-ban">Các phiên bản đã lưu</h2>
  {{#NO_REVISIONS}}<p>Chưa có phiên bản nào được lưu trong trang quản trị (văn bản nhập bằng portaldctl).</p>{{/NO_REVISIONS}}
  <table>
    <thead><tr><th>Phiên bản</th><th>Người lưu</th><th>Thời gian</th><th>Số ký hiệu</th><th>Tệp</th><th>Ghi chú</th><th></th></tr></thead>
    <tbody>
    {{#REVISION}}<tr><td>{{N}}{{#CURRENT}} (đang làm việc){{/CURRENT}}</td><td>{{BY}}</td><td>{{AT}}</td><td>{{NUMBER}}</td><td>{{FILES}}</td><td>{{NOTE}}</td>
      <td>{{#CAN_RESTORE}}<form method="post" action="/quan-tri/van-ban/{{ID}}/phien-ban/{{N}}/khoi-phuc" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Khôi phục thành bản nháp mới</button></form>{{/CAN_RESTORE}}</td></tr>
    {{/REVISION}}
    </tbody>
  </table>
</section>{{/STATE}}
{{>FOOTER}}
