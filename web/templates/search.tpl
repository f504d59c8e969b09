{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>Tìm kiếm</span></nav>
<h1>Tìm kiếm</h1>
<form class="doc-filter search-form" method="get" action="/tim-kiem" role="search" aria-label="Tìm kiếm trên Cổng thông tin">
  <div class="doc-keyword"><label for="s-q">Từ khóa</label>
    <div class="field-with-button"><input id="s-q" name="q" type="search" value="{{Q}}" maxlength="400" aria-describedby="s-goi-y"><button type="submit">Tìm kiếm</button></div></div>
  <p id="s-goi-y" class="hint">Gõ có dấu hoặc không dấu đều được. Đặt cụm từ trong dấu ngoặc kép để tìm đúng cụm từ, ví dụ "phát triển kinh tế". Tìm văn bản theo số ký hiệu, ví dụ 1382/QĐ-UBND.</p>
  <details class="more-filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
    <summary>Lọc và sắp xếp kết quả</summary>
    <div class="filter-grid">
    <div class="field"><label for="s-loai">Loại nội dung</label><select id="s-loai" name="loai"><option value="">Tất cả</option>{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select></div>
    <div class="field"><label for="s-ngon-ngu">Ngôn ngữ</label><select id="s-ngon-ngu" name="ngon-ngu"><option value="">Tất cả</option>{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select></div>
    <div class="field"><label for="s-chuyen-muc">Chuyên mục</label><select id="s-chuyen-muc" name="chuyen-muc"><option value="">Tất cả</option>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select></div>
    <div class="field"><label for="s-co-quan">Cơ quan</label><select id="s-co-quan" name="co-quan"><option value="">Tất cả</option>{{#AGENCY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY_OPTION}}</select></div>
    <div class="field"><label for="s-tu-ngay">Từ ngày</label><input id="s-tu-ngay" name="tu-ngay" type="date" value="{{FROM}}"></div>
    <div class="field"><label for="s-den-ngay">Đến ngày</label><input id="s-den-ngay" name="den-ngay" type="date" value="{{TO}}"></div>
    <div class="field"><label for="s-sap-xep">Sắp xếp</label><select id="s-sap-xep" name="sap-xep"><option value="lien-quan">Phù hợp nhất</option><option value="moi-nhat"{{#SORT_NEWEST}} selected{{/SORT_NEWEST}}>Mới nhất</option></select></div>
    <div class="actions"><button type="submit">Áp dụng bộ lọc</button></div>
    </div>
  </details>
</form>
{{#UNAVAILABLE}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/UNAVAILABLE}}
{{#NOTE}}<p class="notice">{{TEXT}}</p>{{/NOTE}}
{{#SUGGESTION}}<p class="suggestion">Có phải bạn muốn tìm: <a href="{{URL}}">{{TEXT}}</a>?</p>{{/SUGGESTION}}
{{#SUMMARY}}<p class="found" role="status">{{TEXT}}</p>{{/SUMMARY}}
{{#RESULTS}}<ol class="article-list search-results" start="{{START}}">
  {{#HIT}}<li>
    <article>
      <h2><a href="{{URL}}">{{TITLE_HTML:none}}</a></h2>
      <p class="meta">{{KIND}} · <time datetime="{{ISO_DATE}}">{{DATE}}</time>{{#CATEGORY}} · {{NAME}}{{/CATEGORY}}{{#AGENCY}} · {{NAME}}{{/AGENCY}}</p>
      {{#SNIPPET}}<p class="summary">{{HTML:none}}</p>{{/SNIPPET}}
    </article>
  </li>
  {{/HIT}}
</ol>{{/RESULTS}}
{{#PAGER}}<nav class="pager" aria-label="Phân trang kết quả">
  {{#PREV}}<a rel="prev" href="{{URL}}">‹ Trang trước</a>{{/PREV}}
  <span>Trang {{PAGE_NUMBER}}/{{PAGE_COUNT}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Trang sau ›</a>{{/NEXT}}
</nav>{{/PAGER}}
<p class="feeds"><a href="/api/v1/search">Tìm kiếm qua API (JSON)</a></p>
{{>FOOTER}}
