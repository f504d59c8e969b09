{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<div class="royalty-sheet">
<div class="royalty-letterhead"><p>{{GOVERNING}}</p><p><strong>{{PORTAL}}</strong></p></div>
<h1>{{TITLE}}</h1>
<p>Trạng thái: <strong class="sheet-state sheet-{{STATE_KEY}}">{{STATE}}</strong>{{#LOCKED}}, khóa lúc {{LOCKED_AT}}{{/LOCKED}}. Giá trị một điểm: {{POINT_VALUE}} đồng ({{BASIS}}).</p>
{{#PART}}<p class="no-print">Phần của một cơ quan, đơn vị trong bảng chung. <a href="{{WHOLE}}">Xem cả bảng</a></p>{{/PART}}
<p class="no-print"><a href="{{CSV}}" download>Tải CSV</a> · <a href="{{XLSX}}" download>Tải Excel (XLSX)</a> · <a href="{{ITEMS}}">Tin, bài và điểm của tháng</a> · Để in: dùng lệnh In của trình duyệt (khổ A4).</p>
{{#STEP}}<form method="post" action="{{ACTION}}" class="inline no-print"{{#CONFIRM}} data-confirm="{{TEXT}}"{{/CONFIRM}}><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{LABEL}}</button></form>
{{/STEP}}
<section class="report-section">
<div class="table-scroll"><table class="report" id="bang-chi-tiet">
  <caption>Chi tiết theo tin, bài và tác giả</caption>
  <thead><tr><th scope="col">STT</th><th scope="col">Ngày xuất bản</th><th scope="col">Tin, bài</th><th scope="col">Thể loại</th><th scope="col">Điểm</th><th scope="col">Tác giả</th><th scope="col">Cơ quan, đơn vị</th><th scope="col">Tỷ lệ</th><th scope="col">Thành tiền (đồng)</th><th scope="col">Ghi chú</th></tr></thead>
  <tbody>
  {{#LINE}}<tr{{#CORRECTION}} class="correction"{{/CORRECTION}}><td>{{N}}</td><td>{{DATE}}</td><th scope="row">{{TITLE}}</th><td>{{TYPE}}</td><td>{{POINTS}}</td><td>{{AUTHOR}}</td><td>{{AGENCY}}</td><td>{{SHARE}}</td><td class="number">{{AMOUNT}}</td><td>{{NOTE}}</td></tr>
  {{/LINE}}{{#EMPTY}}<tr><td colspan="10">Chưa có tin, bài nào được chấm điểm trong tháng.</td></tr>{{/EMPTY}}</tbody>
  <tfoot><tr><th scope="row" colspan="8">Tổng cộng</th><td class="number" id="tong-cong">{{TOTAL}}</td><td></td></tr></tfoot>
</table></div>
<p>Tổng số tiền: <strong>{{TOTAL}} đồng</strong>. Số tiền bằng chữ: <strong id="bang-chu">{{TOTAL_WORDS}}</strong>.</p>
</section>
<section class="report-section">
<h2>Theo tác giả</h2>
<div class="table-scroll"><table class="report" id="bang-tac-gia">
  <thead><tr><th scope="col">Tác giả</th><th scope="col">Cơ quan, đơn vị</th><th scope="col">Số tin, bài</th><th scope="col">Thành tiền (đồng)</th><th scope="col">Ký nhận</th></tr></thead>
  <tbody>{{#BY_AUTHOR}}<tr><th scope="row">{{NAME}}</th><td>{{AGENCY}}</td><td>{{LINES}}</td><td class="number">{{AMOUNT}}</td><td></td></tr>
  {{/BY_AUTHOR}}</tbody>
</table></div>
</section>
<section class="report-section">
<h2>Theo cơ quan, đơn vị</h2>
<div class="table-scroll"><table class="report" id="bang-co-quan">
  <thead><tr><th scope="col">Cơ quan, đơn vị</th><th scope="col">Số tin, bài</th><th scope="col">Thành tiền (đồng)</th><th scope="col" class="no-print"><span class="visually-hidden">Bảng riêng</span></th></tr></thead>
  <tbody>{{#BY_AGENCY}}<tr><th scope="row">{{NAME}}</th><td>{{LINES}}</td><td class="number">{{AMOUNT}}</td><td class="no-print">{{#PART_LINK}}<a href="{{PART_HREF}}">Bảng riêng của cơ quan</a>{{/PART_LINK}}</td></tr>
  {{/BY_AGENCY}}</tbody>
</table></div>
</section>
<div class="signatures">
  <div class="signature"><p class="sign-date">{{MADE_AT}}</p><p class="sign-title">Người lập biểu</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p><p class="sign-name">{{MADE_BY}}</p></div>
  <div class="signature"><p class="sign-date">Ngày ..... tháng ..... năm ..........</p><p class="sign-title">Kế toán</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p><p class="sign-name"></p></div>
  <div class="signature"><p class="sign-date">{{APPROVED_AT}}</p><p class="sign-title">Trưởng ban biên tập</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p><p class="sign-name">{{APPROVED_BY}}</p></div>
</div>
</div>
{{>FOOTER}}
