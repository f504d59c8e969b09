{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>Văn bản</span></nav>
<h1>Cơ sở dữ liệu văn bản</h1>
<form class="doc-filter" method="get" action="/van-ban" role="search" aria-label="Tìm văn bản">
  <div class="doc-keyword"><label for="f-tu-khoa">Từ khóa</label>
    <div class="field-with-button"><input id="f-tu-khoa" name="tu-khoa" type="search" value="{{KEYWORD}}"><button type="submit">Tìm văn bản</button></div></div>
  <details class="more-filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
    <summary>Lọc theo loại, cơ quan, ngày, hiệu lực{{#FILTER_COUNT}} <span class="filter-count">({{COUNT}} đang áp dụng)</span>{{/FILTER_COUNT}}</summary>
    <div class="filter-grid">
  <div class="field"><label for="f-so">Số ký hiệu</label><input id="f-so" name="so-ky-hieu" type="text" value="{{NUMBER}}"></div>
  <div class="field"><label for="f-loai">Loại văn bản</label><select id="f-loai" name="loai"><option value="">Tất cả</option>{{#TYPE_OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/TYPE_OPTION}}</select></div>
  <div class="field"><label for="f-co-quan">Cơ quan ban hành</label><select id="f-co-quan" name="co-quan"><option value="">Tất cả</option>{{#ISSUER_OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ISSUER_OPTION}}</select></div>
  <div class="field"><label for="f-nguoi-ky">Người ký</label><select id="f-nguoi-ky" name="nguoi-ky"><option value="">Tất cả</option>{{#SIGNER_OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/SIGNER_OPTION}}</select></div>
  <div class="field"><label for="f-linh-vuc">Lĩnh vực</label><select id="f-linh-vuc" name="linh-vuc"><option value="">Tất cả</option>{{#FIELD_OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/FIELD_OPTION}}</select></div>
  <div class="field"><label for="f-tu-ngay">Ban hành từ ngày</label><input id="f-tu-ngay" name="tu-ngay" type="date" value="{{ISSUED_FROM}}"></div>
  <div class="field"><label for="f-den-ngay">đến ngày</label><input id="f-den-ngay" name="den-ngay" type="date" value="{{ISSUED_TO}}"></div>
  <div class="field"><label for="f-hieu-luc">Hiệu lực</label><select id="f-hieu-luc" name="hieu-luc"><option value="">Tất cả</option><option value="con"{{#VALIDITY_CON}} selected{{/VALIDITY_CON}}>Còn hiệu lực</option><option value="chua"{{#VALIDITY_CHUA}} selected{{/VALIDITY_CHUA}}>Chưa có hiệu lực</option><option value="het"{{#VALIDITY_HET}} selected{{/VALIDITY_HET}}>Hết hiệu lực</option></select></div>
  <div class="field"><label for="f-sap-xep">Sắp xếp</label><select id="f-sap-xep" name="sap-xep"><option value="moi-nhat">Ngày ban hành mới nhất</option><option value="cu-nhat"{{#SORT_OLDEST}} selected{{/SORT_OLDEST}}>Ngày ban hành cũ nhất</option><option value="so-ky-hieu"{{#SORT_NUMBER}} selected{{/SORT_NUMBER}}>Số ký hiệu</option><option value="hieu-luc"{{#SORT_EFFECTIVE}} selected{{/SORT_EFFECTIVE}}>Ngày hiệu lực mới nhất</option></select></div>
  <div class="actions"><button type="submit">Áp dụng bộ lọc</button> <a href="/van-ban">Xóa bộ lọc</a></div>
    </div>
  </details>
</form>
<p class="found" role="status">Tìm thấy {{FOUND}} văn bản.</p>
{{#NO_DOCUMENTS}}<p>Không có văn bản nào phù hợp.</p>{{/NO_DOCUMENTS}}
{{#RESULTS}}<div class="table-scroll"><table class="doc-table">
  <caption class="visually-hidden">Danh sách văn bản</caption>
  <thead><tr><th scope="col">Số ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Loại</th><th scope="col">Trích yếu</th><th scope="col">Cơ quan ban hành</th><th scope="col">Hiệu lực</th></tr></thead>
  <tbody>
  {{#DOCUMENT}}<tr><td data-label="Số ký hiệu"><a href="{{URL}}">{{NUMBER}}</a></td><td data-label="Ngày ban hành"><time datetime="{{ISSUED_ISO}}">{{ISSUED}}</time></td><td data-label="Loại">{{TYPE}}</td><td data-label="Trích yếu" class="abstract">{{ABSTRACT}}</td><td data-label="Cơ quan ban hành">{{ISSUER}}</td><td data-label="Hiệu lực" class="validity validity-{{VALIDITY_KEY}}">{{VALIDITY}}</td></tr>
  {{/DOCUMENT}}</tbody>
</table></div>{{/RESULTS}}
<nav class="pager" aria-label="Phân trang">
  {{#PREV}}<a rel="prev" href="{{URL}}">‹ Trang trước</a>{{/PREV}}
  <span>Trang {{PAGE_NUMBER}}/{{PAGE_COUNT}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Trang sau ›</a>{{/NEXT}}
</nav>
<p class="feeds"><a href="/api/v1/documents">Dữ liệu văn bản dạng JSON (API)</a></p>
{{>FOOTER}}
