{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Cài đặt nhuận bút</h1>
<p>Giá trị một điểm và thể loại tin, bài theo quyết định của tỉnh. Bảng nhuận bút đã lập giữ giá trị áp dụng khi lập.</p>
<form method="post" action="/quan-tri/nhuan-but/cai-dat">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="gia-tri-diem">Giá trị một điểm (đồng)</label>
  <input id="gia-tri-diem" name="gia_tri_diem" type="text" inputmode="numeric" value="{{POINT_VALUE}}" required>
  <label for="quyet-dinh">Căn cứ (số, ngày quyết định)</label>
  <input id="quyet-dinh" name="quyet_dinh" type="text" maxlength="500" value="{{DECISION}}">
  <label for="the-loai">Thể loại, mỗi dòng một thể loại: mã | Tên | điểm tối thiểu | điểm tối đa</label>
  <textarea id="the-loai" name="the_loai" rows="8">{{TYPES:none}}</textarea>
  <p><button type="submit">Lưu cài đặt</button> <a href="/quan-tri/nhuan-but">Về trang nhuận bút</a></p>
</form>
{{>FOOTER}}
