{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Thống kê truy cập</h1>
{{#OFF}}<p>Việc đếm lượt truy cập đang tắt (tùy chọn visit-stats = off trong tệp cấu hình).</p>{{/OFF}}
<p>Chỉ lưu con số: không lưu địa chỉ IP, cookie hay dấu vết nào của người đọc. Lượt truy cập của máy (bot, công cụ thu thập) được đếm riêng, không tính vào số liệu.</p>
<form method="get" action="/quan-tri/thong-ke" class="audit-filter">
  <label for="tu">Từ ngày</label><input id="tu" name="tu" type="date" value="{{F_FROM}}">
  <label for="den">Đến ngày</label><input id="den" name="den" type="date" value="{{F_TO}}">
  <p><button type="submit">Xem</button></p>
</form>
<h2 id="theo-ngay">Lượt xem theo ngày</h2>
<p>Tải CSV: <a href="/quan-tri/thong-ke.csv?bang=ngay&amp;{{QUERY}}">theo ngày</a>,
<a href="/quan-tri/thong-ke.csv?bang=bai-viet&amp;{{QUERY}}">bài viết</a>,
<a href="/quan-tri/thong-ke.csv?bang=chuyen-muc&amp;{{QUERY}}">chuyên mục</a>,
<a href="/quan-tri/thong-ke.csv?bang=chuyen-de&amp;{{QUERY}}">chuyên đề</a>,
<a href="/quan-tri/thong-ke.csv?bang=van-ban&amp;{{QUERY}}">văn bản</a>.</p>
<table class="audit">
  <thead><tr><th scope="col">Ngày</th><th scope="col">Lượt xem</th><th scope="col">Lượt của máy (bot)</th></tr></thead>
  <tbody>
  {{#DAY}}<tr><td>{{DATE}}</td><td>{{VIEWS}}</td><td>{{BOTS}}</td></tr>
  {{/DAY}}
  </tbody>
  <tfoot><tr><th scope="row">Cộng</th><td>{{SUM}}</td><td>{{BOT_SUM}}</td></tr></tfoot>
</table>
{{#TOP}}<h2>{{HEADING}}</h2>
{{#EMPTY}}<p>Chưa có lượt xem.</p>{{/EMPTY}}
<ol class="most-read">{{#ROW}}<li>{{#LINK}}<a href="{{URL}}">{{/LINK}}{{NAME}}{{#LINK}}</a>{{/LINK}}: {{VIEWS}} lượt</li>
{{/ROW}}</ol>
{{/TOP}}
{{>FOOTER}}
