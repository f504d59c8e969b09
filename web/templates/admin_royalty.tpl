{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Nhuận bút {{LABEL}}</h1>
<form method="get" action="/quan-tri/nhuan-but" class="report-period">
  <label for="thang">Tháng (năm-tháng)</label> <input type="month" id="thang" name="thang" value="{{MONTH}}" min="2000-01" max="2099-12" placeholder="2026-11">
  <button type="submit">Chọn tháng</button>
</form>
<p>Giá trị một điểm: <strong>{{POINT_VALUE}} đồng</strong> ({{BASIS}}).{{#SETTINGS_LINK}} <a href="/quan-tri/nhuan-but/cai-dat">Cài đặt nhuận bút</a>{{/SETTINGS_LINK}}</p>
<p>Bảng nhuận bút {{LABEL}}: <strong>{{STATE}}</strong>. <a href="{{SHEET}}">Xem bảng nhuận bút</a></p>
<h2>Tin, bài xuất bản {{LABEL}} ({{GRADED}} đã chấm)</h2>
<div class="table-scroll"><table class="report" id="bang-tin-bai">
  <caption>Tin, bài xuất bản trong tháng và điểm nhuận bút</caption>
  <thead><tr><th scope="col">Xuất bản</th><th scope="col">Tin, bài</th><th scope="col">Tác giả (dòng ký tên)</th><th scope="col">Cơ quan</th><th scope="col">Thể loại</th><th scope="col">Điểm</th><th scope="col">Tác giả hưởng nhuận bút</th><th scope="col"><span class="visually-hidden">Chấm điểm</span></th></tr></thead>
  <tbody>
  {{#ITEM}}<tr><td>{{PUBLISHED}}</td><th scope="row"><a href="{{HREF}}">{{TITLE}}</a></th><td>{{BYLINE}}</td><td>{{AGENCY}}</td><td>{{TYPE}}</td><td>{{POINTS}}</td><td>{{AUTHORS}}</td><td>{{#GRADE}}<a href="{{GRADE_HREF}}">Chấm điểm</a>{{/GRADE}}</td></tr>
  {{/ITEM}}</tbody>
</table></div>
<h2>Các bảng nhuận bút đã lập</h2>
<ul class="report-list">
{{#SHEET_ROW}}<li><a href="{{HREF}}">Bảng nhuận bút {{LABEL}}</a>: {{STATE}}, {{TOTAL}} đồng</li>
{{/SHEET_ROW}}</ul>
{{>FOOTER}}
