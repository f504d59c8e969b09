{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/gui-tin-bai">Gửi tin bài</a> › <span>Đã gửi</span></nav>
<h1>Đã gửi tin bài</h1>
{{#SENT}}<div class="notice success" role="status">
  <p>Cảm ơn bạn. Tin bài đã được gửi đến Ban Biên tập. Mã tham chiếu của bạn là:</p>
  <p class="tracking-code"><strong>{{CODE}}</strong></p>
  <p>Vui lòng ghi lại mã này và nêu mã khi liên hệ với Ban Biên tập về tin bài. Ban Biên tập kiểm duyệt tin bài trước khi đăng và có thể liên hệ với bạn qua thư điện tử hoặc điện thoại bạn đã cung cấp.</p>
</div>{{/SENT}}
{{#NOT_FOUND}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/NOT_FOUND}}
<p><a href="/gui-tin-bai">Gửi tin bài khác</a></p>
{{>FOOTER}}
