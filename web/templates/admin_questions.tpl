{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Hỏi đáp</h1>
{{#AGENCY_NOTE}}<p>Câu hỏi được giao cho {{NAME}}.</p>{{/AGENCY_NOTE}}
<nav class="question-filter" aria-label="Lọc theo trạng thái">
  {{#FILTER}}<a href="/quan-tri/hoi-dap{{QUERY}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}} ({{COUNT}})</a>
  {{/FILTER}}
  <a href="/quan-tri/hoi-dap/bao-cao">Báo cáo tháng</a>
  {{#SETTINGS}}<a href="/quan-tri/hoi-dap/cai-dat">Cài đặt hỏi đáp</a>{{/SETTINGS}}
</nav>
<div class="table-scroll"><table class="queue cards">
  <thead><tr><th>Câu hỏi</th><th>Lĩnh vực</th><th>Cơ quan</th><th>Trạng thái</th><th>Ngày nhận</th><th>Hạn trả lời</th></tr></thead>
  <tbody>
  {{#ROW}}<tr data-id="{{ID}}"{{#OVERDUE}} class="overdue-row"{{/OVERDUE}}><td><a href="/quan-tri/hoi-dap/{{ID}}">{{TITLE}}</a> <span class="meta">{{CODE}}</span>{{#ESCALATION}}<div class="reason">Cần chuyển lên: {{LEVEL}}</div>{{/ESCALATION}}{{#REASON}}<div class="reason">{{TEXT}}</div>{{/REASON}}</td>
    <td data-label="Lĩnh vực">{{FIELD}}</td><td data-label="Cơ quan">{{AGENCY}}</td><td data-label="Trạng thái"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></td><td data-label="Ngày nhận">{{RECEIVED}}</td>
    <td data-label="Hạn trả lời">{{DUE}}{{#OVERDUE}} <strong class="overdue">Quá hạn</strong>{{/OVERDUE}}</td></tr>
  {{/ROW}}
  </tbody>
</table></div>
{{#EMPTY}}<p>Không có câu hỏi nào.</p>{{/EMPTY}}
{{>FOOTER}}
