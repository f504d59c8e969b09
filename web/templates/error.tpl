{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<section class="error-page">
  <h1>{{HEADING}}</h1>
  <p>{{MESSAGE}}</p>
  <p><a href="/">Về trang chủ</a></p>
</section>
{{>FOOTER}}
