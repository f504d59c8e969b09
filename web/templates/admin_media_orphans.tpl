{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Tệp không còn được dùng</h1>
<p>Các tệp dưới đây không được bài viết nào (kể cả các phiên bản cũ và bản nháp tự lưu), trang chuyên mục, văn bản, câu hỏi hay cài đặt của cổng dùng đến. Xóa là vĩnh viễn: tệp không khôi phục được, trừ khi phục hồi từ bản sao lưu.</p>
{{#NONE}}<p>Không có tệp nào như vậy.</p>{{/NONE}}
{{#SOME}}<form method="post" action="/quan-tri/tep-tin/khong-dung/xoa">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <table class="cards">
    <caption>Tệp không được dùng ở đâu</caption>
    <thead><tr><th scope="col">Chọn</th><th scope="col">Tệp</th><th scope="col">Loại</th><th scope="col">Kích thước</th><th scope="col">Người tải lên</th></tr></thead>
    <tbody>
    {{#ITEM}}<tr data-media="{{ID}}"><td><input type="checkbox" id="tep-{{ID}}" name="id" value="{{ID}}"></td><td><label for="tep-{{ID}}"><a href="{{URL}}">{{NAME}}</a></label></td><td data-label="Loại">{{TYPE}}</td><td data-label="Kích thước">{{SIZE_KB}} KB</td><td data-label="Người tải lên">{{OWNER}}</td></tr>
    {{/ITEM}}
    </tbody>
  </table>
  <p><input type="checkbox" id="xac-nhan" name="xac_nhan" value="1"> <label for="xac-nhan">Tôi xác nhận xóa vĩnh viễn các tệp đã chọn</label></p>
  <p><button type="submit">Xóa các tệp đã chọn</button></p>
</form>{{/SOME}}
{{>FOOTER}}
