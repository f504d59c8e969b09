{{%AUTOESCAPE context="HTML"}}</main>
<footer class="site-footer">
  <div class="wrap">
    <p class="portal">{{PORTAL_NAME}}</p>
    {{#VI}}{{#GOVERNING}}<p>Cơ quan chủ quản: {{AGENCY}}</p>{{/GOVERNING}}
    {{#RESPONSIBLE}}<p>Chịu trách nhiệm chính: {{PERSON}}</p>{{/RESPONSIBLE}}
    {{#LICENCE}}<p>Giấy phép số {{NUMBER}}{{#ISSUER}} do {{NAME}} cấp{{/ISSUER}}{{#DATE}} ngày {{TEXT}}{{/DATE}}</p>{{/LICENCE}}
    {{#ADDRESS}}<p>Địa chỉ: {{TEXT}}</p>{{/ADDRESS}}
    {{#PHONE}}<p>Điện thoại: {{#TEL}}<a href="tel:{{NUMBER:u}}">{{TEXT}}</a>{{/TEL}}{{#NO_TEL}}{{TEXT}}{{/NO_TEL}}</p>{{/PHONE}}
    {{#EMAIL}}<p>Thư điện tử: <a href="mailto:{{TEXT:u}}">{{TEXT}}</a></p>{{/EMAIL}}
    <p class="notice">{{SOURCE_NOTICE}}</p>
    {{#VISITS}}<p class="visits" id="visit-figures" hidden>Đang truy cập: <span data-figure="online"></span> · Hôm nay: <span data-figure="today"></span> · Tổng lượt truy cập: <span data-figure="total"></span></p>
    <script src="/static/visits.js" defer></script>{{/VISITS}}
    <ul class="footer-links">
      <li><a href="/so-do-trang">Sơ đồ trang</a></li>
      <li><a href="/trang/lien-he">Liên hệ</a></li>
      {{#INTAKE}}<li><a href="/gui-tin-bai">Gửi tin bài</a></li>{{/INTAKE}}
      <li><a href="/rss.xml">RSS</a></li>
      <li><a href="/api/v1">Dữ liệu mở (API)</a></li>
      {{#NATIONAL_SERVICE}}<li><a href="{{URL}}" rel="external">Cổng Dịch vụ công quốc gia</a></li>{{/NATIONAL_SERVICE}}
      {{#PROVINCIAL_SERVICE}}<li><a href="{{URL}}" rel="external">Dịch vụ công của {{LOCALITY}}</a></li>{{/PROVINCIAL_SERVICE}}
      <li><a href="/en" lang="en" hreflang="en">English</a></li>
    </ul>{{/VI}}{{#EN}}{{#GOVERNING}}<p>Governing body: <span lang="vi">{{AGENCY}}</span></p>{{/GOVERNING}}
    {{#RESPONSIBLE}}<p>Person responsible: <span lang="vi">{{PERSON}}</span></p>{{/RESPONSIBLE}}
    {{#LICENCE}}<p>Licence No. <span lang="vi">{{NUMBER}}</span>{{#ISSUER}}, issued by <span lang="vi">{{NAME}}</span>{{/ISSUER}}{{#DATE}} on {{TEXT}}{{/DATE}}</p>{{/LICENCE}}
    {{#ADDRESS}}<p>Address: <span lang="vi">{{TEXT}}</span></p>{{/ADDRESS}}
    {{#PHONE}}<p>Phone: {{#TEL}}<a href="tel:{{NUMBER:u}}">{{TEXT}}</a>{{/TEL}}{{#NO_TEL}}{{TEXT}}{{/NO_TEL}}</p>{{/PHONE}}
    {{#EMAIL}}<p>E-mail: <a href="mailto:{{TEXT:u}}">{{TEXT}}</a></p>{{/EMAIL}}
    <p class="notice">Please cite the source when republishing information from this portal.</p>
    <ul class="footer-links">
      <li><a href="/en/contacts">Contacts</a></li>
      <li><a href="/api/v1">Open data (API)</a></li>
      {{#NATIONAL_SERVICE}}<li><a href="{{URL}}" rel="external">National Public Service Portal</a></li>{{/NATIONAL_SERVICE}}
      <li><a href="/" lang="vi" hreflang="vi">Tiếng Việt</a></li>
    </ul>{{/EN}}
  </div>
</footer>
</body>
</html>
