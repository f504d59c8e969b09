{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Đối thoại trực tuyến</h1>
<p><a class="button" href="/quan-tri/doi-thoai/moi">Tạo buổi đối thoại</a> · <a href="/doi-thoai">Xem trang công khai</a></p>
{{#EMPTY}}<p>Chưa có buổi đối thoại nào.</p>{{/EMPTY}}
{{#TABLE}}<table class="list">
  <thead><tr><th scope="col">Buổi đối thoại</th><th scope="col">Thời gian</th><th scope="col">Cơ quan</th><th scope="col">Trạng thái</th><th scope="col">Câu hỏi chờ duyệt</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="/quan-tri/doi-thoai/{{ID}}">{{TITLE}}</a></td><td>{{STARTS}}</td><td>{{AGENCY}}</td><td><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span></td><td>{{PENDING}}</td></tr>{{/ROW}}</tbody>
</table>{{/TABLE}}
{{>FOOTER}}
