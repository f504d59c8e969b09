{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<div class="report-head">
<h1>{{TITLE}}</h1>
<p>Lập lúc {{MADE}}. Kết quả: {{PASSED}} mục đạt, {{FAILED}} mục chưa đạt, {{MANUAL}} mục cần kiểm tra thủ công.</p>
<p class="no-print"><a href="/quan-tri/tu-kiem-tra.json">Bản JSON cho giám sát</a> · <a href="/quan-tri/bao-cao">Các báo cáo</a> · Để in: dùng lệnh In của trình duyệt (khổ A4).</p>
</div>
<ol class="audit-items">
{{#ITEM}}<li class="audit-item audit-{{STATE_CLASS}}" id="muc-{{KEY}}">
  <h2>{{TITLE}}</h2>
  <p class="audit-state">Trạng thái: <strong>{{STATE}}</strong></p>
  <p class="audit-clause">Căn cứ: {{CLAUSE}}</p>
  <p>{{EXPLANATION}}</p>
  {{#DETAILS}}<ul class="audit-details">{{#DETAIL}}<li>{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#LINKED}}<a href="{{HREF}}">{{TEXT}}</a>{{/LINKED}}</li>{{/DETAIL}}</ul>{{/DETAILS}}
  {{#FIX}}<p class="no-print">Khắc phục tại: <a href="{{HREF}}">{{LABEL}}</a></p>{{/FIX}}
</li>
{{/ITEM}}</ol>
<p class="meta">Chỉ gồm những nghĩa vụ phần mềm kiểm tra được; các nghĩa vụ khác của quy chế do Ban biên tập và đơn vị vận hành tự rà soát. Ngưỡng: bản sao lưu đã kiểm tra trong {{SNAPSHOT_DAYS}} ngày, diễn tập khôi phục thành công trong {{DRILL_DAYS}} ngày, nhật ký giữ 12 tháng, tài khoản không đăng nhập {{DORMANT_DAYS}} ngày, nhịp đăng tin của {{CADENCE_DAYS}} ngày làm việc gần nhất.</p>
{{>FOOTER}}
