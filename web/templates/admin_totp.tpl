{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Xác thực hai lớp</h1>
{{#ENROL}}<p>Vai trò của bạn bắt buộc dùng mã xác thực một lần (TOTP). Mở ứng dụng xác thực trên điện thoại
(Google Authenticator, Microsoft Authenticator, FreeOTP…), quét mã QR dưới đây hoặc nhập khóa bí mật, rồi nhập mã 6 chữ số ứng dụng hiển thị.</p>
{{#QR}}<figure class="totp-qr">{{SVG:none}}<figcaption>Quét mã này bằng ứng dụng xác thực.</figcaption></figure>{{/QR}}
<p>Khóa bí mật (nếu không quét được mã): <span class="secret" id="totp-secret">{{SECRET}}</span></p>
<details class="totp-uri"><summary>Địa chỉ cấu hình (otpauth://)</summary><code id="totp-uri">{{URI}}</code></details>
{{/ENROL}}
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#CARRY}}<input type="hidden" name="tiep-tuc" value="{{TARGET}}">
  {{#CARRIED}}<input type="hidden" name="{{NAME}}" value="{{VALUE:none}}">
  {{/CARRIED}}{{/CARRY}}
  <label for="code">Mã xác thực (6 chữ số)</label>
  <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
  <p><button type="submit">Xác nhận</button></p>
</form>
{{>FOOTER}}
