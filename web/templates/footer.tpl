{{%AUTOESCAPE context="HTML"}}</main>
<footer class="site-footer">
  <div class="wrap">
    <p class="portal">{{PORTAL_NAME}}</p>
    {{#GOVERNING}}<p>Cơ quan chủ quản: {{AGENCY}}</p>{{/GOVERNING}}
    {{#RESPONSIBLE}}<p>Chịu trách nhiệm chính: {{PERSON}}</p>{{/RESPONSIBLE}}
    {{#LICENCE}}<p>Giấy phép: {{TEXT}}</p>{{/LICENCE}}
    {{#ADDRESS}}<p>Địa chỉ: {{TEXT}}</p>{{/ADDRESS}}
    {{#PHONE}}<p>Điện thoại: {{TEXT}}</p>{{/PHONE}}
    {{#EMAIL}}<p>Thư điện tử: <a href="mailto:{{TEXT:u}}">{{TEXT}}</a></p>{{/EMAIL}}
    <p class="notice">{{SOURCE_NOTICE}}</p>
    <ul class="footer-links">
      <li><a href="/so-do-trang">Sơ đồ trang</a></li>
      <li><a href="/trang/lien-he">Liên hệ</a></li>
      <li><a href="/rss.xml">RSS</a></li>
      <li><a href="/api/v1">Dữ liệu mở (API)</a></li>
      {{#NATIONAL_SERVICE}}<li><a href="{{URL}}" rel="external">Cổng Dịch vụ công quốc gia</a></li>{{/NATIONAL_SERVICE}}
      {{#PROVINCIAL_SERVICE}}<li><a href="{{URL}}" rel="external">Dịch vụ công của tỉnh</a></li>{{/PROVINCIAL_SERVICE}}
      <li><a href="/en" lang="en">English</a></li>
    </ul>
  </div>
</footer>
</body>
</html>
