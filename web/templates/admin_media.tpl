{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Thư viện ảnh và tệp</h1>
<form method="post" action="/quan-tri/thu-vien" enctype="multipart/form-data">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="file">Chọn tệp (ảnh PNG, JPEG, GIF, WebP; tệp PDF, Word, Excel, ODT; tối đa {{MAX_MB}} MB. Video MP4, WebM, âm thanh MP3, Ogg/Opus tối đa {{MAX_STREAM_MB}} MB; phụ đề WebVTT .vtt)</label>
  <input id="file" name="file" type="file" required>
  <p><button type="submit">Tải lên</button></p>
</form>
<p>Ảnh được công bố dưới dạng bản sao đã xóa siêu dữ liệu (EXIF, vị trí GPS) và thu nhỏ theo các cỡ trang cần; bản gốc được giữ lại, chỉ cán bộ đăng nhập mở được.</p>
<p>Tệp chỉ công khai khi một bài viết, trang hoặc văn bản đã xuất bản dùng đến nó; trước đó chỉ người tải lên và ban biên tập mở được.</p>
{{#OWN}}<p>Danh sách gồm các tệp bạn đã tải lên.</p>{{/OWN}}
<table class="cards">
  <thead><tr><th>Tệp</th><th>Loại</th><th>Kích thước</th><th>Địa chỉ để chèn vào bài</th></tr></thead>
  <tbody>
  {{#ITEM}}<tr><td>{{#IMAGE}}<img src="{{URL}}" alt="" width="80">{{/IMAGE}} {{NAME}}</td><td data-label="Loại">{{TYPE}}</td><td data-label="Kích thước">{{SIZE_KB}} KB</td><td data-label="Địa chỉ để chèn vào bài"><code>{{URL}}</code>{{#IMAGE}} <a href="{{ORIGINAL_URL}}">Bản gốc</a>{{/IMAGE}}</td></tr>
  {{/ITEM}}
  </tbody>
</table>
{{>FOOTER}}
