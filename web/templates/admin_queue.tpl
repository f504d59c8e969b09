{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>{{HEADING}}</h1>
<table class="queue cards">
  <thead><tr><th>Bài viết</th><th>Trạng thái</th><th>Tác giả</th><th>Đã chờ</th></tr></thead>
  <tbody>
  {{#ROW}}<tr data-id="{{ID}}"><td><a href="/quan-tri/bai-viet/{{ID}}">{{TITLE}}</a>{{#REASON}}<div class="reason">{{HEADING}}: {{TEXT}}</div>{{/REASON}}</td>
    <td data-label="Trạng thái"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span>{{#SCHEDULED}} <span class="scheduled-at">xuất bản lúc {{AT}}</span>{{/SCHEDULED}}</td><td data-label="Tác giả">{{AUTHOR}}</td><td data-label="Đã chờ">{{AGE}}</td></tr>
  {{/ROW}}
  </tbody>
</table>
{{#EMPTY}}<p>Không có bài nào.</p>{{/EMPTY}}
{{>FOOTER}}
