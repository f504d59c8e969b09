{{%AUTOESCAPE context="HTML"}}{{>HEADER}}{{>REPORT_HEAD}}
<section class="report-section">
<h2>Tin bài theo cơ quan</h2>
<div class="chart-with-table">
<figure class="chart-figure" aria-hidden="true">{{ARTICLE_CHART:none}}</figure>
<div class="table-scroll"><table class="report" id="bang-tin-bai">
  <caption>Tin bài theo cơ quan và chuyên mục</caption>
  <thead><tr><th scope="col">Cơ quan / chuyên mục</th><th scope="col">Gửi duyệt</th><th scope="col">Xuất bản</th><th scope="col">Bị trả lại</th><th scope="col">Bị gỡ</th>
    <th scope="col">Trung bình từ gửi đến xuất bản (giờ)</th><th scope="col">90% xuất bản trong (giờ)</th></tr></thead>
  {{#AGENCY}}<tbody>
  <tr class="agency-row"><th scope="row">{{NAME}}</th><td>{{SUBMITTED}}</td><td>{{PUBLISHED}}</td><td>{{RETURNED}}</td><td>{{WITHDRAWN}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr>
  {{#CATEGORY}}<tr class="category-row"><th scope="row">{{NAME}}</th><td>{{SUBMITTED}}</td><td>{{PUBLISHED}}</td><td>{{RETURNED}}</td><td>{{WITHDRAWN}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr>
  {{/CATEGORY}}</tbody>
  {{/AGENCY}}
  {{#TOTAL}}<tfoot><tr><th scope="row">Tổng cộng</th><td>{{SUBMITTED}}</td><td>{{PUBLISHED}}</td><td>{{RETURNED}}</td><td>{{WITHDRAWN}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr></tfoot>{{/TOTAL}}
</table></div>
</div>
{{#NO_ARTICLES}}<p>Không có tin bài nào được gửi duyệt, xuất bản, trả lại hay gỡ trong kỳ này.</p>{{/NO_ARTICLES}}
</section>
<section class="report-section">
<h2>Tin bài bị trả lại và lý do</h2>
<div class="table-scroll"><table class="report" id="bang-tra-lai">
  <caption>Các lần trả lại tác giả trong kỳ</caption>
  <thead><tr><th scope="col">Thời điểm</th><th scope="col">Cơ quan</th><th scope="col">Chuyên mục</th><th scope="col">Bài</th><th scope="col">Lý do trả lại</th></tr></thead>
  <tbody>
  {{#RETURN}}<tr><td>{{AT}}</td><td>{{AGENCY}}</td><td>{{CATEGORY}}</td><td><a href="{{HREF}}">{{TITLE}}</a></td><td class="plain-text">{{REASON}}</td></tr>
  {{/RETURN}}</tbody>
</table></div>
{{#NO_RETURNS}}<p>Không có tin bài nào bị trả lại trong kỳ này.</p>{{/NO_RETURNS}}
</section>
<section class="report-section">
<h2>Hỏi đáp của người dân theo cơ quan</h2>
<div class="chart-with-table">
<figure class="chart-figure" aria-hidden="true">{{QUESTION_CHART:none}}</figure>
<div class="table-scroll"><table class="report" id="bang-hoi-dap">
  <caption>Câu hỏi theo cơ quan trả lời</caption>
  <thead><tr><th scope="col">Cơ quan</th><th scope="col">Tiếp nhận</th><th scope="col">Đã trả lời</th><th scope="col">Đúng hạn</th><th scope="col">Trễ hạn</th>
    <th scope="col">Quá hạn chưa trả lời</th><th scope="col">Trung bình (ngày làm việc)</th><th scope="col">90% trả lời trong (ngày làm việc)</th></tr></thead>
  <tbody>
  {{#QUESTION}}<tr><th scope="row">{{NAME}}</th><td>{{RECEIVED}}</td><td>{{ANSWERED}}</td><td>{{ON_TIME}}</td><td>{{LATE}}</td><td>{{OVERDUE}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr>
  {{/QUESTION}}</tbody>
  {{#QUESTION_TOTAL}}<tfoot><tr><th scope="row">Tổng cộng</th><td>{{RECEIVED}}</td><td>{{ANSWERED}}</td><td>{{ON_TIME}}</td><td>{{LATE}}</td><td>{{OVERDUE}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr></tfoot>{{/QUESTION_TOTAL}}
</table></div>
</div>
{{#NO_QUESTIONS}}<p>Không có câu hỏi nào trong kỳ này.</p>{{/NO_QUESTIONS}}
</section>
<p class="meta">Mỗi tin bài được tính cho cơ quan và chuyên mục ghi trên bài hiện nay. "Gửi duyệt": lần gửi mở một vòng duyệt mới (gửi lại sau khi bị trả lại không tính thêm). "Xuất bản": vòng duyệt kết thúc bằng xuất bản trong kỳ (kể cả xuất bản theo lịch hẹn giờ, và bản cập nhật của bài đã đăng). Thời gian tính từ lần gửi đầu tiên của vòng đến lúc xuất bản, kể cả thời gian tác giả sửa sau khi bị trả lại; 90%: chín phần mười số bài được xuất bản trong khoảng thời gian này trở xuống. Bài nhập từ hệ thống cũ không qua quy trình duyệt nên không được tính. Hỏi đáp: tính như báo cáo hỏi đáp hằng tháng, cho các ngày của kỳ.</p>
{{>FOOTER}}
