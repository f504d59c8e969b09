{{%AUTOESCAPE context="HTML"}}{{>HEADER}}{{>REPORT_HEAD}}
<section class="report-section">
<h2>Sự kiện vận hành</h2>
<div class="chart-with-table">
<figure class="chart-figure" aria-hidden="true">{{CHART:none}}</figure>
<div class="table-scroll"><table class="report" id="bang-bieu-do">
  <caption>Sự kiện vận hành trong kỳ</caption>
  <thead><tr><th scope="col">Sự kiện</th><th scope="col">Số lần</th></tr></thead>
  <tbody>
  {{#CHART_ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td></tr>
  {{/CHART_ROW}}</tbody>
</table></div>
</div>
</section>
<section class="report-section">
<h2>Chi tiết</h2>
<div class="table-scroll"><table class="report" id="bang-van-hanh">
  <caption>Sao lưu, diễn tập khôi phục, bảo trì, đăng nhập và các số liệu chưa ghi nhận</caption>
  <thead><tr><th scope="col">Mục</th><th scope="col">Số liệu</th><th scope="col">Thời điểm</th><th scope="col">Ghi chú</th></tr></thead>
  <tbody>
  {{#LINE}}<tr{{#NOT_RECORDED}} class="not-recorded"{{/NOT_RECORDED}}><th scope="row">{{ITEM}}</th><td>{{VALUE}}</td><td>{{WHEN}}</td><td>{{NOTE}}</td></tr>
  {{/LINE}}</tbody>
</table></div>
</section>
<p class="meta">Kho dữ liệu chỉ giữ bản sao lưu mới nhất, lần sao lưu mới nhất, lần diễn tập khôi phục mới nhất và lần kiểm tra mới nhất của từng bản sao lưu: các lần trước đó trong kỳ không còn được ghi. "Chưa ghi nhận": cổng chưa lưu số liệu này, báo cáo không ước đoán.</p>
{{>FOOTER}}
