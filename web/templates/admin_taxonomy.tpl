{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Danh mục</h1>
<section aria-labelledby="chuyen-muc">
  <h2 id="chuyen-muc">Chuyên mục (trình đơn của trang công khai, theo thứ tự vị trí)</h2>
  <table>
    <thead><tr><th>Tên và vị trí</th><th>Địa chỉ (không đổi)</th></tr></thead>
    <tbody>
    {{#CATEGORY}}<tr><td><form method="post" action="/quan-tri/danh-muc" class="inline">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="update-category"><input type="hidden" name="id" value="{{ID}}">
      <label for="cat-name-{{ID}}">Tên</label><input id="cat-name-{{ID}}" name="name" type="text" required maxlength="200" value="{{NAME}}">
      <label for="cat-pos-{{ID}}">Vị trí</label><input id="cat-pos-{{ID}}" name="position" type="text" inputmode="numeric" value="{{POSITION}}">
      <button type="submit">Lưu</button></form></td><td>/chuyen-muc/{{SLUG}}</td></tr>
    {{/CATEGORY}}
    </tbody>
  </table>
  <form method="post" action="/quan-tri/danh-muc">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="category">
    <label for="new-category">Tên chuyên mục mới</label>
    <input id="new-category" name="name" type="text" required maxlength="200">
    <button type="submit">Thêm chuyên mục</button>
  </form>
</section>
<section aria-labelledby="co-quan">
  <h2 id="co-quan">Cơ quan, đơn vị</h2>
  <ul>{{#AGENCY}}<li><form method="post" action="/quan-tri/danh-muc" class="inline">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="rename-agency"><input type="hidden" name="id" value="{{ID}}">
    <label for="ag-name-{{ID}}">Tên cơ quan</label><input id="ag-name-{{ID}}" name="name" type="text" required maxlength="200" value="{{NAME}}">
    <button type="submit">Đổi tên</button></form>
    <details><summary>Chuyên mục cộng tác viên của cơ quan được viết: {{LIMIT}}</summary>
    <form method="post" action="/quan-tri/danh-muc" class="agency-categories">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="agency-categories"><input type="hidden" name="id" value="{{ID}}">
      <fieldset><legend>Chỉ các chuyên mục đã chọn (không chọn mục nào: mọi chuyên mục)</legend>
      {{#ALLOWED}}<label><input type="checkbox" name="category" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
      {{/ALLOWED}}</fieldset>
      <button type="submit">Lưu chuyên mục của {{NAME}}</button></form></details></li>{{/AGENCY}}</ul>
  <form method="post" action="/quan-tri/danh-muc">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="agency">
    <label for="new-agency">Tên cơ quan mới</label>
    <input id="new-agency" name="name" type="text" required maxlength="200">
    <button type="submit">Thêm cơ quan</button>
  </form>
</section>
{{>FOOTER}}
