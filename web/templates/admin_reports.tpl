{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Báo cáo</h1>
<p class="notice">Việc tuân thủ quy định (chuyên mục bắt buộc, văn bản, chân trang, nhịp đăng tin, hỏi đáp, sao lưu, nhật ký, tài khoản): xem trang <a href="/quan-tri/tu-kiem-tra">Tự kiểm tra việc tuân thủ quy định</a>.</p>
<p>Chọn kỳ báo cáo: một tháng, một quý, một năm, hoặc từ ngày đến ngày. Mỗi báo cáo có bản xem và in (khổ A4), bản CSV và bản Excel (XLSX).</p>
<div class="report-periods">
<form method="get" action="/quan-tri/bao-cao" class="report-period">
  <fieldset><legend>Theo tháng</legend>
  <label for="thang">Tháng (năm-tháng)</label> <input type="month" id="thang" name="thang" value="{{MONTH}}" min="2000-01" max="2099-12" placeholder="2026-11">
  <button type="submit">Chọn tháng</button></fieldset>
</form>
<form method="get" action="/quan-tri/bao-cao" class="report-period">
  <fieldset><legend>Theo quý</legend>
  <label for="quy">Quý</label> <select id="quy" name="quy">{{#QUARTER}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/QUARTER}}</select>
  <label for="nam-quy">Năm</label> <input type="number" id="nam-quy" name="nam" value="{{YEAR}}" min="2000" max="2099" placeholder="2026">
  <button type="submit">Chọn quý</button></fieldset>
</form>
<form method="get" action="/quan-tri/bao-cao" class="report-period">
  <fieldset><legend>Theo năm</legend>
  <label for="nam">Năm</label> <input type="number" id="nam" name="nam" value="{{YEAR}}" min="2000" max="2099" placeholder="2026">
  <button type="submit">Chọn năm</button></fieldset>
</form>
<form method="get" action="/quan-tri/bao-cao" class="report-period">
  <fieldset><legend>Từ ngày đến ngày</legend>
  <label for="tu">Từ ngày</label> <input type="date" id="tu" name="tu" value="{{FROM}}" min="2000-01-01" max="2099-12-31">
  <label for="den">Đến ngày</label> <input type="date" id="den" name="den" value="{{TO}}" min="2000-01-01" max="2099-12-31">
  <button type="submit">Chọn khoảng ngày</button></fieldset>
</form>
</div>
{{#LIST}}<h2>Các báo cáo {{PERIOD}}</h2>
<ul class="report-list">
{{#REPORT}}<li><h3><a href="{{HREF}}">{{TITLE}}</a></h3><p>{{SUMMARY}}</p>
  <p><a href="{{HREF}}">Xem và in</a> · <a href="{{CSV}}" download>Tải CSV</a> · <a href="{{XLSX}}" download>Tải Excel (XLSX)</a></p></li>
{{/REPORT}}</ul>
<h3>Bảng thanh toán nhuận bút</h3>
<p>Mỗi tháng một bảng (dự thảo, đã duyệt, đã khóa); chấm điểm tin, bài tại trang <a href="/quan-tri/nhuan-but">Nhuận bút</a>.</p>
<ul class="report-list">
{{#ROYALTY}}<li><a href="{{HREF}}">Bảng nhuận bút {{LABEL}}</a>: <a href="{{HREF}}">Xem và in</a> · <a href="{{CSV}}" download>Tải CSV</a> · <a href="{{XLSX}}" download>Tải Excel (XLSX)</a></li>
{{/ROYALTY}}</ul>
<p class="meta">Báo cáo tháng của từng cơ quan được gửi tới cơ quan đó qua thư điện tử khi quản trị hệ thống bật “Gửi báo cáo tháng cho từng cơ quan” trong phần Cài đặt.</p>{{/LIST}}
{{>FOOTER}}
