{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Phiên đăng nhập</h1>
<p>Các thiết bị đang đăng nhập bằng tài khoản của bạn. Nếu thấy thiết bị lạ, hãy đăng xuất phiên đó và <a href="/quan-tri/mat-khau">đổi mật khẩu</a>.</p>
<ul class="sessions">
{{#SESSION}}<li class="session" data-session="{{ID}}">
  <p><strong>{{DEVICE}}</strong>{{#CURRENT}} — <em>Phiên này</em>{{/CURRENT}}</p>
  <p>Địa chỉ: {{ADDRESS}} · Đăng nhập lúc {{SINCE}} · Dùng lần cuối {{LAST_SEEN}}</p>
  {{#OTHER}}<form method="post" action="/quan-tri/phien-dang-nhap/dang-xuat" class="inline" data-confirm="Đăng xuất phiên {{DEVICE}} ({{ADDRESS}})?">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}">
    <button type="submit">Đăng xuất phiên</button>
  </form>{{/OTHER}}
</li>
{{/SESSION}}
</ul>
{{#OTHERS}}<form method="post" action="/quan-tri/phien-dang-nhap/dang-xuat-cac-phien-khac" data-confirm="Đăng xuất mọi phiên khác, chỉ giữ phiên này?">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button type="submit" class="danger">Đăng xuất các phiên khác</button>
</form>{{/OTHERS}}
{{>FOOTER}}
