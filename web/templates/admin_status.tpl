{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Trạng thái hệ thống</h1>
<p class="status-summary">Tổng quát: <strong>{{SUMMARY}}</strong></p>
<p>Trang tạo lúc {{NOW}}. {{#CHECKS_AT}}Các kiểm tra định kỳ (mỗi phút một lần) chạy lần gần nhất lúc {{AT}} ({{AGE}} trước).{{/CHECKS_AT}}{{#NO_REPORT}}Các kiểm tra định kỳ chưa chạy lần nào: tải lại trang sau ít phút.{{/NO_REPORT}}</p>
<table class="status">
  <caption>Kết quả các kiểm tra sức khỏe (cùng nguồn với /healthz)</caption>
  <thead><tr><th scope="col">Kiểm tra</th><th scope="col">Trạng thái</th><th scope="col">Chi tiết</th><th scope="col">Cần làm</th></tr></thead>
  <tbody>
  {{#ROW}}<tr data-check="{{KEY}}" data-state="{{STATE_KEY}}"><th scope="row">{{NAME}}</th><td><span class="state" data-state="{{STATE_KEY}}"><span aria-hidden="true">{{SYMBOL}}</span> {{STATE}}</span></td><td>{{DETAIL}}</td><td>{{HINT}}</td></tr>
  {{/ROW}}
  </tbody>
</table>
<p>Watchdog của systemd không hiện ở đây: portald chỉ báo “còn sống” cho systemd khi kho dữ liệu và /healthz trả lời được. Xem <code>systemctl status portald</code> và docs/operations.md, mục “What restarts the daemon”.</p>
{{>FOOTER}}
