{{%AUTOESCAPE context="HTML"}}{{>HEADER}}{{>REPORT_HEAD}}
{{#OFF}}<p class="form-error">Kiểm tra nhịp đăng tin đang tắt (working-days = none): không có khung giờ nào để đánh giá.</p>{{/OFF}}
<section class="report-section">
<h2>Tổng hợp</h2>
<dl class="facts">
  <dt>Ngày làm việc đã qua</dt><dd>{{WORKING_DAYS}}</dd>
  <dt>Ngày đạt mọi khung giờ</dt><dd>{{DAYS_ALL_MET}}</dd>
  <dt>Khung giờ đạt</dt><dd>{{MET}}</dd>
  <dt>Khung giờ bị lỡ</dt><dd>{{MISSED}}</dd>
  <dt>Tỷ lệ khung giờ đạt</dt><dd>{{RATE}}</dd>
  <dt>Khung giờ chưa kết thúc (hôm nay)</dt><dd>{{PENDING}}</dd>
  <dt>Ngày nghỉ, ngày lễ được bỏ qua</dt><dd>{{DAYS_OFF}}</dd>
  <dt>Ngày của kỳ chưa đến</dt><dd>{{TO_COME}}</dd>
  <dt>Ngày lễ trong kỳ</dt><dd>{{#HOLIDAY}}{{DATE}} {{/HOLIDAY}}{{#NO_HOLIDAYS}}không có{{/NO_HOLIDAYS}}</dd>
</dl>
</section>
<section class="report-section">
<h2>Khung giờ đạt và bị lỡ</h2>
<div class="chart-with-table">
<figure class="chart-figure" aria-hidden="true">{{CHART:none}}</figure>
<div class="table-scroll"><table class="report" id="bang-bieu-do">
  <caption>Số khung giờ đạt và bị lỡ</caption>
  <thead><tr><th scope="col">Ngày hoặc tháng</th><th scope="col">Đạt</th><th scope="col">Bị lỡ</th></tr></thead>
  <tbody>
  {{#CHART_ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{MET}}</td><td>{{MISSED}}</td></tr>
  {{/CHART_ROW}}</tbody>
</table></div>
</div>
</section>
<section class="report-section">
<h2>Từng ngày làm việc</h2>
<div class="table-scroll"><table class="report" id="bang-ngay">
  <caption>Khung giờ đầu buổi sáng và đầu buổi chiều của từng ngày làm việc (số bài xuất bản trong khung giờ)</caption>
  <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th>{{#WINDOW_HEAD}}<th scope="col">{{LABEL}}</th>{{/WINDOW_HEAD}}</tr></thead>
  <tbody>
  {{#DAY}}<tr{{#MISSED_DAY}} class="overdue-row"{{/MISSED_DAY}}><th scope="row">{{DATE}}</th><td>{{WEEKDAY}}</td>{{#WINDOW}}<td class="window-{{CLASS}}">{{STATE}} ({{COUNT}})</td>{{/WINDOW}}</tr>
  {{/DAY}}</tbody>
</table></div>
{{#NO_DAYS}}<p>Không có ngày làm việc nào đã qua trong kỳ này.</p>{{/NO_DAYS}}
</section>
<p class="meta">Theo Điều 10.1: tin mới ít nhất hai lần mỗi ngày làm việc, đầu giờ sáng và đầu giờ chiều. Cùng quy tắc với kiểm tra nhịp đăng tin của trang Trạng thái hệ thống: một khung giờ đạt khi có ít nhất một bài xuất bản trong khung giờ đó; ngày làm việc và ngày lễ theo cấu hình của cổng (working-days, tệp ngày lễ). Bài đã bị gỡ sau đó không còn được tính, như kiểm tra nhịp đăng tin.</p>
{{>FOOTER}}
