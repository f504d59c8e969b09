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
  </div>
</footer>
</body>
</html>
