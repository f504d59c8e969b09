{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Tài khoản</h1>
<p>Danh sách tài khoản và phân quyền là thông tin mật (Quy chế, Điều 5 khoản 8).</p>
<table class="users cards">
  <thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Cơ quan</th><th>Trạng thái</th><th>Xác thực hai lớp</th><th>Thư điện tử công vụ</th><th>Thao tác</th></tr></thead>
  <tbody>
  {{#USER}}<tr data-user="{{USERNAME}}"><td>{{USERNAME}}</td><td data-label="Họ tên">{{DISPLAY_NAME}}</td><td data-label="Vai trò">{{ROLE_LABEL}}{{#PENDING}} <strong class="pending">Chờ Ban biên tập duyệt: {{PENDING_ROLE}}</strong>{{/PENDING}}</td><td data-label="Cơ quan">{{AGENCY}}</td><td data-label="Trạng thái">{{STATUS}}</td><td data-label="Xác thực hai lớp">{{TOTP}}</td>
    <td data-label="Thư điện tử công vụ">
      <form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="email">
        <label for="email-{{USERNAME}}" class="visually-hidden">Thư điện tử công vụ của {{USERNAME}}</label>
        <input id="email-{{USERNAME}}" name="email" type="email" maxlength="254" value="{{EMAIL}}" autocomplete="off">
        <button type="submit">Lưu thư điện tử</button>
      </form>
    </td>
    <td data-label="Thao tác">{{#SELF}}<p>Tài khoản của bạn: đổi mật khẩu ở trang <a href="/quan-tri/mat-khau">Đổi mật khẩu</a>, xem và đăng xuất các phiên ở trang <a href="/quan-tri/phien-dang-nhap">Phiên đăng nhập</a>.</p>{{/SELF}}{{#OTHER}}
      <form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline" data-confirm="Đổi vai trò của {{USERNAME}}? Quyền của tài khoản thay đổi ngay.">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="role">
        <label for="role-{{USERNAME}}" class="visually-hidden">Vai trò mới</label>
        <select id="role-{{USERNAME}}" name="role">{{#ROLE}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE}}</select>
        <button type="submit">Đổi vai trò</button>
      </form>
      {{#ACTIVE}}<form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline" data-confirm="Đình chỉ tài khoản {{USERNAME}}? Tài khoản bị đăng xuất khỏi mọi thiết bị.">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="suspend">
        <label for="ly-do-{{USERNAME}}">Lý do đình chỉ</label>
        <input id="ly-do-{{USERNAME}}" name="reason" type="text" required maxlength="500">
        <button type="submit">Đình chỉ</button>
      </form>{{/ACTIVE}}
      {{#SUSPENDED}}<form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="reinstate">
        <button type="submit">Khôi phục</button>
      </form>{{/SUSPENDED}}
      <form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline" data-confirm="Đặt lại xác thực hai lớp của {{USERNAME}}? Tài khoản bị đăng xuất và phải đăng ký lại.">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="reset-totp">
        <button type="submit">Đặt lại xác thực hai lớp</button>
      </form>
      <form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline" data-confirm="Đặt lại mật khẩu của {{USERNAME}}? Tài khoản bị đăng xuất khỏi mọi thiết bị và phải đổi mật khẩu ở lần đăng nhập tới.">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="reset-password">
        <button type="submit" class="danger">Đặt lại mật khẩu</button>
      </form>
      <form method="post" action="/quan-tri/nguoi-dung/{{USERNAME}}" class="inline" data-confirm="Đăng xuất mọi phiên của {{USERNAME}}? Tài khoản phải đăng nhập lại trên mọi thiết bị.">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="what" value="end-sessions">
        <button type="submit">Đăng xuất mọi phiên</button>
      </form>{{/OTHER}}
    </td></tr>
  {{/USER}}
  </tbody>
</table>
{{#PENDING_NEW}}<h2>Tài khoản chờ Ban biên tập duyệt</h2>
<ul class="pending-accounts">
  {{#ITEM}}<li data-pending="{{USERNAME}}">{{USERNAME}} ({{DISPLAY_NAME}}), {{ROLE_LABEL}}: Chờ Ban biên tập duyệt</li>
  {{/ITEM}}
</ul>{{/PENDING_NEW}}
<h2>Tạo tài khoản</h2>
<form method="post" action="/quan-tri/nguoi-dung">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="new-username">Tên đăng nhập</label>
  <input id="new-username" name="username" type="text" required maxlength="32" value="{{NEW_USERNAME}}">
  <label for="new-display">Họ tên</label>
  <input id="new-display" name="display_name" type="text" maxlength="200" value="{{NEW_DISPLAY_NAME}}">
  <label for="new-role">Vai trò</label>
  <select id="new-role" name="role" required><option value="">— Chọn vai trò —</option>{{#NEW_ROLE}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEW_ROLE}}</select>
  <label for="new-agency">Cơ quan (bắt buộc với cộng tác viên)</label>
  <select id="new-agency" name="agency"><option value="">— Không —</option>{{#NEW_AGENCY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/NEW_AGENCY}}</select>
  <label for="new-email">Thư điện tử công vụ (nhận thông báo về bài viết; không bắt buộc)</label>
  <input id="new-email" name="email" type="email" maxlength="254" value="{{NEW_EMAIL}}" autocomplete="off">
  <label for="new-password">Mật khẩu (để trống để hệ thống tạo)</label>
  <input id="new-password" name="password" type="password" autocomplete="new-password" maxlength="1024">
  <p><button type="submit">Tạo tài khoản</button></p>
</form>
{{>FOOTER}}
