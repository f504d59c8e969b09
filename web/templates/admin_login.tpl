{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Đăng nhập quản trị</h1>
<form method="post" action="/quan-tri/dang-nhap" class="login">
  <input type="hidden" name="csrf" value="{{LOGIN_CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  {{#CARRY}}<input type="hidden" name="tiep-tuc" value="{{TARGET}}">
  {{#CARRIED}}<input type="hidden" name="{{NAME}}" value="{{VALUE:none}}">
  {{/CARRIED}}{{/CARRY}}
  <label for="username">Tên đăng nhập</label>
  <input id="username" name="username" type="text" autocomplete="username" required maxlength="64" value="{{USERNAME}}">
  <label for="password">Mật khẩu</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
  <p><button type="submit">Đăng nhập</button></p>
</form>
{{>FOOTER}}
