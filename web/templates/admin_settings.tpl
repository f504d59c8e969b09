{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Cài đặt</h1>
<section aria-labelledby="bao-tri">
  <h2 id="bao-tri">Chế độ bảo trì</h2>
  <p>{{MAINTENANCE_STATE}}</p>
  <form method="post" action="/quan-tri/bao-tri"{{#MAINTENANCE_OFF}} data-confirm="Bật chế độ bảo trì? Bạn đọc sẽ chỉ thấy trang thông báo bảo trì cho đến khi chế độ này được tắt."{{/MAINTENANCE_OFF}}>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="maintenance-message">Thông báo cho bạn đọc</label>
    <textarea id="maintenance-message" name="message" maxlength="2000">{{MAINTENANCE_MESSAGE}}</textarea>
    <label for="retry">Dự kiến hoạt động lại sau (phút)</label>
    <input id="retry" name="retry_after_min" type="text" inputmode="numeric" value="{{RETRY_AFTER_MIN}}">
    {{#MAINTENANCE_OFF}}<input type="hidden" name="on" value="1"><p><button type="submit" class="danger">Bật chế độ bảo trì</button></p>{{/MAINTENANCE_OFF}}
    {{#MAINTENANCE_ON}}<input type="hidden" name="on" value="0"><p><button type="submit">Tắt chế độ bảo trì</button></p>{{/MAINTENANCE_ON}}
  </form>
</section>
<section aria-labelledby="thong-tin">
  <h2 id="thong-tin">Thông tin cổng</h2>
  <form method="post" action="/quan-tri/cai-dat">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#FIELD}}{{#TEXT}}<label for="f-{{KEY}}">{{LABEL}}</label>
    <input id="f-{{KEY}}" name="{{KEY}}" type="text" maxlength="2000" value="{{VALUE}}">
    {{/TEXT}}{{#FLAG}}<p class="check-row"><input id="f-{{KEY}}" name="{{KEY}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}>
    <label for="f-{{KEY}}">{{LABEL}}</label></p>
    {{/FLAG}}{{/FIELD}}
    <p><button type="submit" class="primary">Lưu cài đặt</button></p>
  </form>
</section>
{{>FOOTER}}
