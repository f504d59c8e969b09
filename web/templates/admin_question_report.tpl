{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Báo cáo hỏi đáp tháng {{MONTH_LABEL}}</h1>
<nav class="question-filter" aria-label="Hỏi đáp"><a href="/quan-tri/hoi-dap">Danh sách câu hỏi</a></nav>
<form method="get" action="/quan-tri/hoi-dap/bao-cao" class="filters">
  <label for="thang">Tháng</label> <input type="month" id="thang" name="thang" value="{{MONTH}}" min="2000-01" max="2099-12">
  <button type="submit">Xem báo cáo</button>
  <a href="/quan-tri/hoi-dap/bao-cao.csv?thang={{MONTH:u}}" download>Tải tệp CSV</a>
</form>
<div class="table-scroll"><table class="queue report">
  <caption>Số câu hỏi theo cơ quan trả lời, tháng {{MONTH_LABEL}}</caption>
  <thead><tr><th scope="col">Cơ quan</th><th scope="col">Tiếp nhận</th><th scope="col">Đã trả lời</th><th scope="col">Đúng hạn</th>
    <th scope="col">Trễ hạn</th><th scope="col">Quá hạn chưa trả lời</th><th scope="col">Trung bình (ngày làm việc)</th><th scope="col">90% trả lời trong (ngày làm việc)</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><th scope="row">{{AGENCY}}</th><td>{{RECEIVED}}</td><td>{{ANSWERED}}</td><td>{{ON_TIME}}</td><td>{{LATE}}</td><td>{{OVERDUE}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr>
  {{/ROW}}
  </tbody>
  {{#TOTAL}}<tfoot><tr><th scope="row">Tổng cộng</th><td>{{RECEIVED}}</td><td>{{ANSWERED}}</td><td>{{ON_TIME}}</td><td>{{LATE}}</td><td>{{OVERDUE}}</td><td>{{AVERAGE}}</td><td>{{P90}}</td></tr></tfoot>{{/TOTAL}}
</table></div>
{{#EMPTY}}<p>Không có câu hỏi nào trong tháng này.</p>{{/EMPTY}}
<p class="meta">Một câu hỏi được tính cho cơ quan đã trả lời, nếu chưa trả lời thì cho cơ quan đang giữ. "Đã trả lời": cơ quan gửi câu trả lời trong tháng (trước khi Ban biên tập duyệt); "đúng hạn" khi gửi trước hết ngày hạn. Số ngày tính bằng ngày làm việc từ ngày tiếp nhận, theo lịch ngày làm việc và ngày nghỉ lễ của cổng. "Quá hạn chưa trả lời": vào cuối tháng (hoặc hôm nay, với tháng đang chạy) vẫn chưa có câu trả lời và đã qua hạn.</p>
{{>FOOTER}}
