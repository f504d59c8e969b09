{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Văn bản</h1>
<p><a class="button" href="/quan-tri/van-ban/moi">Thêm văn bản mới</a></p>
<form method="get" action="/quan-tri/van-ban" role="search">
  <label for="tu-khoa">Tìm theo số ký hiệu, trích yếu, cơ quan ban hành, người ký</label>
  <input id="tu-khoa" name="tu-khoa" type="search" value="{{Q}}" maxlength="200">
  <label for="trang-thai">Trạng thái biên tập</label>
  <select id="trang-thai" name="trang-thai">
    <option value="">— Mọi trạng thái —</option>
    {{#STATE_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
    {{/STATE_OPTION}}
  </select>
  <label for="loai">Loại văn bản</label>
  <select id="loai" name="loai">
    <option value="">— Mọi loại —</option>
    {{#TYPE_OPTION}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
    {{/TYPE_OPTION}}
  </select>
  <p><button type="submit">Lọc</button></p>
</form>
<table class="cards">
  <thead><tr><th>Số ký hiệu</th><th>Loại</th><th>Trích yếu</th><th>Cơ quan ban hành</th><th>Ngày ban hành</th><th>Trạng thái biên tập</th><th>Bạn đọc</th><th>Hiệu lực</th></tr></thead>
  <tbody>
  {{#ROW}}<tr data-id="{{ID}}"><td><a href="/quan-tri/van-ban/{{ID}}">{{NUMBER}}</a></td><td data-label="Loại">{{TYPE}}</td><td data-label="Trích yếu">{{ABSTRACT}}</td><td data-label="Cơ quan ban hành">{{ISSUER}}</td><td data-label="Ngày ban hành">{{ISSUED}}</td>
    <td data-label="Trạng thái biên tập"><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></td><td data-label="Bạn đọc">{{PUBLIC}}</td><td data-label="Hiệu lực">{{VALIDITY}}{{#REPLACED}} (bị thay thế){{/REPLACED}}</td></tr>
  {{/ROW}}
  </tbody>
</table>
{{#EMPTY}}<p>Không có văn bản nào.</p>{{/EMPTY}}
<p>{{#PREV}}<a href="{{URL}}">Trang trước</a> {{/PREV}}{{#NEXT}}<a href="{{URL}}">Trang sau</a>{{/NEXT}}</p>
{{>FOOTER}}
