{{%AUTOESCAPE context="HTML"}}<div class="report-head">
<h1>{{TITLE}} {{PERIOD}}</h1>
<p>Kỳ báo cáo: từ {{FIRST}} đến {{LAST}}. Lập lúc {{MADE}}.</p>
<p class="no-print"><a href="{{CSV}}" download>Tải CSV</a> · <a href="{{XLSX}}" download>Tải Excel (XLSX)</a> · <a href="{{LIST}}">Chọn kỳ hoặc báo cáo khác</a> · Để in: dùng lệnh In của trình duyệt (khổ A4).</p>
</div>
