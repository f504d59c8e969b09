{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Lịch biên tập {{LABEL}}</h1>
<form method="get" action="/quan-tri/lich-bien-tap" class="no-print">
  <label for="thang">Tháng</label>
  <input id="thang" name="thang" type="month" value="{{MONTH}}">
  <button type="submit">Xem</button>
</form>
<p>Mỗi ngày làm việc cần tin mới ở từng khung giờ (Quy chế Điều 10.1). Khung giờ sắp tới còn trống: <strong id="khung-trong">{{GAPS_AHEAD}}</strong>.</p>
{{#NO_WINDOWS}}<p class="hint">Chưa cấu hình khung giờ cập nhật tin (kiểm tra nhịp đăng tin đang tắt), nên lịch không đánh dấu khung trống.</p>{{/NO_WINDOWS}}
<table class="calendar">
  <thead><tr><th>Ngày</th><th>Khung giờ</th><th>Bài đã xuất bản, hẹn giờ và hạn việc được giao</th></tr></thead>
  <tbody>
  {{#DAY}}<tr id="ngay-{{ISO}}" data-day="{{ISO}}"{{#OFF}} class="day-off" data-off="1"{{/OFF}}>
    <th scope="row">{{WEEKDAY}} {{DATE}}{{#OFF}}<br><span class="hint">Ngày nghỉ</span>{{/OFF}}</th>
    <td>{{#WINDOW}}<div class="window" data-window="{{NAME}}"{{#GAP_AHEAD}} data-gap="ahead"{{/GAP_AHEAD}}{{#GAP_PAST}} data-gap="past"{{/GAP_PAST}}>{{LABEL}}: {{#FILLED}}có tin{{/FILLED}}{{#GAP_AHEAD}}<strong class="gap">còn trống</strong>{{/GAP_AHEAD}}{{#GAP_PAST}}<strong class="gap">đã bị lỡ</strong>{{/GAP_PAST}}</div>{{/WINDOW}}</td>
    <td><ul class="entries">{{#ENTRY}}<li data-kind="{{KIND}}">{{AT}} · {{KIND_LABEL}}: <a href="{{URL}}">{{TITLE}}</a></li>{{/ENTRY}}{{#COMMISSION}}<li data-kind="commission" data-commission="{{ID}}"{{#OVERDUE}} data-overdue="1"{{/OVERDUE}}>Hạn việc được giao: <a href="/quan-tri/dat-hang/{{ID}}">{{TITLE}}</a> ({{ASSIGNEE}}, {{STATE}}){{#OVERDUE}} <strong class="overdue">Quá hạn</strong>{{/OVERDUE}}</li>{{/COMMISSION}}</ul></td>
  </tr>
  {{/DAY}}
  </tbody>
</table>
{{>FOOTER}}
