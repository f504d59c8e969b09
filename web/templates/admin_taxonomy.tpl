{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Danh mục</h1>
<section aria-labelledby="chuyen-muc">
  <h2 id="chuyen-muc">Chuyên mục</h2>
  <ul>{{#CATEGORY}}<li>{{NAME}} <small>(/chuyen-muc/{{SLUG}})</small></li>{{/CATEGORY}}</ul>
  <form method="post" action="/quan-tri/danh-muc">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="category">
    <label for="new-category">Tên chuyên mục mới</label>
    <input id="new-category" name="name" type="text" required maxlength="200">
    <button type="submit">Thêm chuyên mục</button>
  </form>
</section>
<section aria-labelledby="co-quan">
  <h2 id="co-quan">Cơ quan, đơn vị</h2>
  <ul>{{#AGENCY}}<li>{{NAME}}</li>{{/AGENCY}}</ul>
  <form method="post" action="/quan-tri/danh-muc">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="agency">
    <label for="new-agency">Tên cơ quan mới</label>
    <input id="new-agency" name="name" type="text" required maxlength="200">
    <button type="submit">Thêm cơ quan</button>
  </form>
</section>
{{>FOOTER}}
