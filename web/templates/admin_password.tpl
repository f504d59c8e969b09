{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Đổi mật khẩu</h1>
{{#MUST_CHANGE}}<p class="notice" role="status">Mật khẩu bạn đang dùng do hệ thống cấp (khi tạo hoặc đặt lại tài khoản). Vui lòng đặt mật khẩu của riêng bạn trước khi tiếp tục.</p>{{/MUST_CHANGE}}
<form method="post" action="/quan-tri/mat-khau">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="current">Mật khẩu hiện tại</label>
  <input id="current" name="current" type="password" autocomplete="current-password" maxlength="1024" required>
  <label for="new">Mật khẩu mới (ít nhất 12 ký tự)</label>
  <input id="new" name="new" type="password" autocomplete="new-password" minlength="12" maxlength="1024" required>
  <label for="repeat">Nhập lại mật khẩu mới</label>
  <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="12" maxlength="1024" required>
  <p><button type="submit" class="primary">Đổi mật khẩu</button></p>
</form>
<p>Sau khi đổi, các thiết bị khác đang đăng nhập bằng tài khoản này sẽ bị đăng xuất.</p>
{{>FOOTER}}
