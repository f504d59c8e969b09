{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Chuyên đề</h1>
<table class="cards">
  <thead><tr><th scope="col">Tên</th><th scope="col">Địa chỉ</th><th scope="col">Mô tả</th><th scope="col">Số bài</th><th scope="col">Nổi bật</th></tr></thead>
  <tbody>
  {{#TOPIC}}<tr><td>{{NAME}}</td><td data-label="Địa chỉ">/chuyen-de/{{SLUG}}</td><td data-label="Mô tả">{{DESCRIPTION}}</td><td data-label="Số bài">{{COUNT}}</td><td data-label="Nổi bật">{{#FEATURED}}Có{{/FEATURED}}</td></tr>
  {{/TOPIC}}
  </tbody>
</table>
<h2>Tạo hoặc sửa chuyên đề</h2>
<p>Nhập đúng địa chỉ (slug) của một chuyên đề có sẵn để sửa nó.</p>
<form method="post" action="/quan-tri/chuyen-de">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="topic-name">Tên chuyên đề</label>
  <input id="topic-name" name="name" type="text" required maxlength="200">
  <label for="topic-slug">Địa chỉ (để trống để tạo từ tên)</label>
  <input id="topic-slug" name="slug" type="text" maxlength="80">
  <label for="topic-description">Mô tả</label>
  <textarea id="topic-description" name="description" maxlength="2000"></textarea>
  <label><input type="checkbox" name="featured" value="1"> Nổi bật trên trang chủ</label>
  <p><button type="submit">Lưu chuyên đề</button></p>
</form>
{{>FOOTER}}
