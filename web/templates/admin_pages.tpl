{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Trang chuyên mục</h1>
<p>Các trang thông tin bắt buộc (giới thiệu, cơ cấu tổ chức, chỉ đạo điều hành, danh mục công khai, liên hệ…) và chuyên mục tiếng Anh. Bản sửa của biên tập viên chỉ được công khai sau khi Ban biên tập duyệt; mọi phiên bản đều được lưu lại.</p>
<p><a class="button" href="/quan-tri/trang/moi">Tạo trang mới</a></p>
{{#MISSING_ANY}}<section aria-labelledby="muc-thieu">
  <h2 id="muc-thieu">Mục bắt buộc chưa có nội dung</h2>
  <p>Bạn đọc đang thấy các mục này là “Đang cập nhật” kèm thông tin liên hệ trong phần cài đặt.</p>
  <table class="cards">
    <thead><tr><th scope="col">Mục</th><th scope="col">Địa chỉ</th><th scope="col">Ngôn ngữ</th><th scope="col"></th></tr></thead>
    <tbody>
    {{#MISSING}}<tr><td>{{TITLE}}</td><td data-label="Địa chỉ">{{URL}}</td><td data-label="Ngôn ngữ">{{LANG}}</td><td><a href="{{CREATE}}">Tạo trang này</a></td></tr>
    {{/MISSING}}
    </tbody>
  </table>
</section>{{/MISSING_ANY}}
{{#GROUP}}<section aria-labelledby="nhom-{{LANG}}">
  <h2 id="nhom-{{LANG}}">{{HEADING}}</h2>
  {{#EMPTY}}<p>Chưa có trang nào.</p>{{/EMPTY}}
  <table class="pages-list cards">
    <thead><tr><th scope="col">Tiêu đề</th><th scope="col">Địa chỉ</th><th scope="col">Loại</th><th scope="col">Trạng thái</th><th scope="col">Cập nhật lần cuối</th></tr></thead>
    <tbody>
    {{#PAGE}}<tr{{#PENDING}} class="pending"{{/PENDING}}><td><a href="/quan-tri/trang/{{ID}}">{{TITLE}}</a></td><td data-label="Địa chỉ">{{#LIVE}}<a href="{{URL}}">{{URL}}</a>{{/LIVE}}{{#NOT_LIVE}}{{URL}} (chưa công khai){{/NOT_LIVE}}</td><td data-label="Loại">{{KIND}}</td><td data-label="Trạng thái">{{STATE}}</td><td data-label="Cập nhật lần cuối">{{UPDATED}}</td></tr>
    {{/PAGE}}
    </tbody>
  </table>
</section>
{{/GROUP}}
{{>FOOTER}}
