{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Chấm điểm nhuận bút</h1>
<p><strong>{{TITLE}}</strong></p>
<p>Xuất bản {{PUBLISHED}}. Dòng ký tên: {{BYLINE}}. Cơ quan: {{AGENCY}}.</p>
{{#LAST_GRADE}}<p class="meta">Chấm lần gần nhất: {{GRADED}}.</p>{{/LAST_GRADE}}
<p class="meta">Giá trị một điểm hiện nay: {{POINT_VALUE}} đồng. Bảng nhuận bút ghi lại giá trị áp dụng khi lập bảng; nếu bảng của tháng đã khóa, phần chênh lệch vào bảng của tháng sau.</p>
<form method="post" action="/quan-tri/nhuan-but/bai/{{ID}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="the-loai">Thể loại</label>
  <select id="the-loai" name="the_loai" required><option value="">— Chọn thể loại —</option>{{#TYPE}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{MIN}}–{{MAX}} điểm)</option>{{/TYPE}}</select>
  <label for="diem">Điểm</label>
  <input id="diem" name="diem" type="text" inputmode="numeric" value="{{POINTS}}" required>
  <fieldset><legend>Tác giả (một hoặc nhiều; tổng tỷ lệ hưởng 100%)</legend>
  {{#AUTHOR}}<div class="royalty-author">
    <label for="tac-gia-{{N}}">Họ tên tác giả {{N}}</label> <input id="tac-gia-{{N}}" name="tac_gia_{{N}}" type="text" maxlength="200" value="{{NAME}}">
    <label for="co-quan-{{N}}">Cơ quan, đơn vị</label> <input id="co-quan-{{N}}" name="co_quan_{{N}}" type="text" maxlength="200" list="cac-co-quan" value="{{AUTHOR_AGENCY}}">
    <label for="ty-le-{{N}}">Tỷ lệ hưởng (%)</label> <input id="ty-le-{{N}}" name="ty_le_{{N}}" type="text" inputmode="numeric" value="{{SHARE}}">
    <p class="check-row"><input id="ngoai-{{N}}" name="ngoai_{{N}}" type="checkbox" value="1"{{#EXTERNAL}} checked{{/EXTERNAL}}><label for="ngoai-{{N}}">Ngoài cơ quan (cộng tác viên)</label></p>
  </div>
  {{/AUTHOR}}</fieldset>
  <datalist id="cac-co-quan">{{#AGENCY_OPTION}}<option value="{{NAME}}">{{/AGENCY_OPTION}}</datalist>
  <label for="ghi-chu">Ghi chú</label>
  <textarea id="ghi-chu" name="ghi_chu" maxlength="500">{{NOTE}}</textarea>
  <p><button type="submit">Lưu điểm</button> <a href="/quan-tri/nhuan-but?thang={{MONTH}}">Về danh sách tháng</a></p>
</form>
{{>FOOTER}}
