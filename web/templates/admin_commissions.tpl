{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Đặt hàng, giao việc</h1>
<p>Ban biên tập yêu cầu các cơ quan, đơn vị cung cấp thông tin và cử phóng viên, cộng tác viên đưa tin các sự kiện (Quy chế, Điều 6 khoản 1 điểm c, d). Người được giao giao nộp bằng cách ghi số bài viết.</p>
{{#ERRORS}}<div class="form-error" role="alert"><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/ERRORS}}
<h2>Đang thực hiện: <span id="so-dang-thuc-hien">{{OPEN_COUNT}}</span> (quá hạn: <span id="so-qua-han">{{LATE_COUNT}}</span>)</h2>
{{#NO_OPEN}}<p>Không có việc nào đang thực hiện.</p>{{/NO_OPEN}}
<table class="list cards"{{#NO_ROWS}} hidden{{/NO_ROWS}}>
  <thead><tr><th scope="col">Việc</th><th scope="col">Loại</th><th scope="col">Giao cho</th><th scope="col">Hạn</th><th scope="col">Trạng thái</th></tr></thead>
  <tbody>{{#OPEN_ROW}}<tr data-commission="{{ID}}"{{#OVERDUE}} data-overdue="1"{{/OVERDUE}}><td><a href="/quan-tri/dat-hang/{{ID}}">{{TITLE}}</a></td><td data-label="Loại">{{KIND}}</td><td data-label="Giao cho">{{ASSIGNEE}}</td><td data-label="Hạn">{{DUE}}{{#OVERDUE}} <strong class="overdue">Quá hạn</strong>{{/OVERDUE}}</td><td data-label="Trạng thái"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></td></tr>
  {{/OPEN_ROW}}{{#CLOSED_ROW}}<tr data-commission="{{ID}}"><td><a href="/quan-tri/dat-hang/{{ID}}">{{TITLE}}</a></td><td data-label="Loại">{{KIND}}</td><td data-label="Giao cho">{{ASSIGNEE}}</td><td data-label="Hạn">{{DUE}}</td><td data-label="Trạng thái"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></td></tr>
  {{/CLOSED_ROW}}</tbody>
</table>
{{#CREATE}}<section aria-labelledby="h-giao-viec">
  <h2 id="h-giao-viec">Giao việc mới</h2>
  <form method="post" action="/quan-tri/dat-hang">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset><legend>Loại việc</legend>
      {{#KIND}}<label><input type="radio" name="loai" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
      {{/KIND}}</fieldset>
    <label for="c-title">Tiêu đề</label>
    <input id="c-title" name="tieu-de" type="text" required maxlength="200" value="{{TITLE}}">
    <label for="c-brief">Nội dung yêu cầu (thời gian, địa điểm, thông tin cần có)</label>
    <textarea id="c-brief" name="noi-dung" rows="5" maxlength="4000">{{BRIEF:none}}</textarea>
    <label for="c-assignee">Giao cho</label>
    <select id="c-assignee" name="giao-cho" required><option value="">Chọn cơ quan hoặc người được giao</option>
      <optgroup label="Cơ quan, đơn vị">{{#AGENCY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY}}</optgroup>
      <optgroup label="Phóng viên, cộng tác viên, biên tập viên">{{#PERSON}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PERSON}}</optgroup>
    </select>
    <label for="c-due">Hạn hoàn thành</label>
    <input id="c-due" name="han" type="date" required min="{{TODAY}}" value="{{DUE}}">
    <p><button type="submit">Giao việc</button></p>
  </form>
</section>{{/CREATE}}
{{>FOOTER}}
