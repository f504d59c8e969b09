{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Ban biên tập</h1>
<p>Thành phần Ban biên tập gồm Trưởng ban, Phó Trưởng ban, Tổ thư ký và các Thành viên (Quy chế, Điều 11 khoản 1). Thay đổi thành viên do Quản trị hệ thống đề nghị chỉ có hiệu lực khi Trưởng ban hoặc Phó Trưởng ban duyệt (Điều 6 khoản 1).</p>
<h2>Thành viên</h2>
<table class="board cards">
  <thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Cơ quan</th><th>Trạng thái</th><th>Đăng nhập gần nhất</th></tr></thead>
  <tbody>
  {{#MEMBER}}<tr data-member="{{USERNAME}}"><td>{{USERNAME}}</td><td data-label="Họ tên">{{DISPLAY_NAME}}</td><td data-label="Vai trò">{{ROLE_LABEL}}</td><td data-label="Cơ quan">{{AGENCY}}</td><td data-label="Trạng thái">{{STATUS}}</td><td data-label="Đăng nhập gần nhất">{{LAST_LOGIN}}</td></tr>
  {{/MEMBER}}
  </tbody>
</table>
<h2>Thay đổi chờ Ban biên tập duyệt</h2>
{{#NO_PENDING}}<p>Không có đề nghị nào đang chờ.</p>{{/NO_PENDING}}
{{#PENDING}}<section class="board-change" data-pending="{{USERNAME}}">
  <h3>{{USERNAME}} {{DISPLAY_NAME}}</h3>
  <p>{{CHANGE}}. Đề nghị của {{PROPOSED_BY}} lúc {{PROPOSED_AT}}.{{#HAS_REASON}} Lý do: {{REASON}}{{/HAS_REASON}}</p>
  {{#OWN}}<p>Thay đổi liên quan đến chính bạn do thành viên khác của Ban biên tập quyết định.</p>{{/OWN}}
  {{#DECIDE}}<form method="post" action="/quan-tri/ban-bien-tap/{{USERNAME}}" class="inline" data-confirm="Duyệt thay đổi của {{USERNAME}}? Thay đổi có hiệu lực ngay.">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="approve">
    <button type="submit">Duyệt</button>
  </form>
  <form method="post" action="/quan-tri/ban-bien-tap/{{USERNAME}}" class="inline">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="reject">
    <label for="ly-do-{{USERNAME}}">Lý do từ chối</label>
    <input id="ly-do-{{USERNAME}}" name="reason" type="text" required maxlength="500">
    <button type="submit" class="danger">Từ chối</button>
  </form>{{/DECIDE}}
</section>
{{/PENDING}}
{{>FOOTER}}
