{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Tất cả bài viết</h1>
<form method="get" action="/quan-tri/bai-viet" role="search">
  <label for="q">Tìm theo tiêu đề</label>
  <input id="q" name="q" type="search" value="{{Q}}" maxlength="200">
  <p><button type="submit">Tìm</button></p>
</form>
<table class="cards">
  <thead><tr><th>Bài viết</th><th>Trạng thái biên tập</th><th>Bạn đọc</th><th>Cập nhật</th></tr></thead>
  <tbody>
  {{#ROW}}<tr data-id="{{ID}}"><td><a href="/quan-tri/bai-viet/{{ID}}">{{TITLE}}</a></td>
    <td data-label="Trạng thái biên tập"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></td><td data-label="Bạn đọc">{{PUBLIC}}</td><td data-label="Cập nhật">{{UPDATED}}</td></tr>
  {{/ROW}}
  </tbody>
</table>
{{#EMPTY}}<p>Không có bài nào.</p>{{/EMPTY}}
<p>{{#PREV}}<a href="{{URL}}">Trang trước</a> {{/PREV}}{{#NEXT}}<a href="{{URL}}">Trang sau</a>{{/NEXT}}</p>
{{>FOOTER}}
