{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Nhật ký thao tác</h1>
<form method="get" action="/quan-tri/nhat-ky" class="audit-filter">
  <label for="nguoi">Người thực hiện</label><input id="nguoi" name="nguoi" type="text" value="{{F_ACTOR}}">
  <label for="thao-tac">Loại thao tác</label>
  <select id="thao-tac" name="thao-tac">{{#ACTION_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTION_OPTION}}</select>
  <label for="doi-tuong">Đối tượng (ví dụ article/12)</label><input id="doi-tuong" name="doi-tuong" type="text" value="{{F_OBJECT}}">
  <label for="tu">Từ ngày</label><input id="tu" name="tu" type="date" value="{{F_FROM}}">
  <label for="den">Đến ngày</label><input id="den" name="den" type="date" value="{{F_TO}}">
  <p><button type="submit">Lọc</button> <a href="{{CSV_URL}}">Tải CSV</a></p>
</form>
{{#TRUNCATED}}<p>Chỉ hiện 500 dòng mới nhất; hãy lọc hẹp hơn hoặc tải CSV.</p>{{/TRUNCATED}}
<table class="audit cards">
  <thead><tr><th>Thời gian</th><th>Người thực hiện</th><th>Thao tác</th><th>Đối tượng</th><th>Từ</th><th>Thành</th><th>Lý do</th><th>Địa chỉ</th></tr></thead>
  <tbody>
  {{#ENTRY}}<tr><td>{{AT}}</td><td data-label="Người thực hiện">{{ACTOR}}</td><td class="action" data-label="Thao tác">{{ACTION_LABEL}}{{#ACTION_NAME}}<br><code>{{ACTION}}</code>{{/ACTION_NAME}}</td><td data-label="Đối tượng">{{#SUBJECT_LINK}}<a href="{{URL}}">{{LABEL}}</a>{{/SUBJECT_LINK}}{{#SUBJECT_TEXT}}{{LABEL}}{{/SUBJECT_TEXT}}{{#OBJECT_NAME}}<br><code>{{OBJECT}}</code>{{/OBJECT_NAME}}</td><td data-label="Từ">{{FROM}}</td><td data-label="Thành">{{TO}}</td><td data-label="Lý do">{{REASON}}</td><td data-label="Địa chỉ">{{ADDRESS}}</td></tr>
  {{/ENTRY}}
  </tbody>
</table>
{{>FOOTER}}
