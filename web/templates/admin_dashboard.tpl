{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Xin chào, {{NAME}}</h1>
<p>Vai trò: {{ROLE}}</p>
{{#QUEUE}}<p class="queue-count"><a href="/quan-tri/hang-doi/{{SLUG}}">{{TITLE}}</a>: <strong>{{COUNT}}</strong> bài</p>
{{/QUEUE}}
{{#ASSIGNED}}<section aria-labelledby="viec-duoc-giao">
  <h2 id="viec-duoc-giao">Việc được giao</h2>
  {{#EMPTY}}<p>Không có việc nào đang chờ bạn hoặc đơn vị của bạn.</p>{{/EMPTY}}
  <ul class="assigned">{{#ROW}}<li data-commission="{{ID}}"{{#OVERDUE}} data-overdue="1"{{/OVERDUE}}><a href="/quan-tri/dat-hang/{{ID}}">{{TITLE}}</a> · {{KIND}} · giao cho {{ASSIGNEE}} · hạn {{DUE}}{{#OVERDUE}} <strong class="overdue">Quá hạn</strong>{{/OVERDUE}}</li>{{/ROW}}</ul>
</section>{{/ASSIGNED}}
{{#MINE}}<section aria-labelledby="bai-cua-toi">
  <h2 id="bai-cua-toi">{{HEADING}}</h2>
  <p><a href="/quan-tri/bai-viet/moi">Viết bài mới</a></p>
  <table class="cards">
    <thead><tr><th>Bài viết</th><th>Trạng thái</th><th>Tác giả</th><th>Ở trạng thái này</th></tr></thead>
    <tbody>
    {{#ROW}}<tr data-id="{{ID}}"><td><a href="/quan-tri/bai-viet/{{ID}}">{{TITLE}}</a>{{#REASON}}<div class="reason">{{HEADING}}: {{TEXT}}</div>{{/REASON}}</td>
      <td data-label="Trạng thái"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span>{{#SCHEDULED}} <span class="scheduled-at">xuất bản lúc {{AT}}</span>{{/SCHEDULED}}</td><td data-label="Tác giả">{{AUTHOR}}</td><td data-label="Ở trạng thái này">{{AGE}}</td></tr>
    {{/ROW}}
    </tbody>
  </table>
  {{#EMPTY}}<p>Bạn chưa có bài nào.</p>{{/EMPTY}}
</section>{{/MINE}}
<section aria-labelledby="tai-khoan">
  <h2 id="tai-khoan">Phiên đăng nhập</h2>
  <p><a href="/quan-tri/phien-dang-nhap">Xem các thiết bị đang đăng nhập</a></p>
  <form method="post" action="/quan-tri/dang-xuat-moi-noi">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit">Đăng xuất khỏi mọi thiết bị</button>
  </form>
</section>
{{>FOOTER}}
