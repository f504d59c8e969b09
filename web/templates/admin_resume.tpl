{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Gửi lại nội dung</h1>
<p>Phiên đăng nhập trước đã hết hạn nên nội dung dưới đây chưa được gửi đi. Không có gì được lưu cho đến khi bạn bấm “Gửi lại”.</p>
<form method="post" action="{{TARGET}}" class="resume-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE:none}}">
  {{/FIELD}}
  <table>
    <caption>Nội dung được giữ lại</caption>
    <thead><tr><th scope="col">Trường</th><th scope="col">Giá trị</th></tr></thead>
    <tbody>{{#FIELD}}<tr><td>{{NAME}}</td><td class="kept-value">{{VALUE:none}}</td></tr>
    {{/FIELD}}</tbody>
  </table>
  <p><button type="submit">Gửi lại</button> <a href="/quan-tri">Về bảng điều khiển</a></p>
</form>
{{>FOOTER}}
