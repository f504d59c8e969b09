{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>Hỏi đáp</span></nav>
<h1>Hỏi đáp</h1>
<p class="question-actions"><a class="button" href="/hoi-dap/gui-cau-hoi">Gửi câu hỏi</a> <a href="/hoi-dap/tra-cuu">Tra cứu câu hỏi đã gửi</a> <a href="/doi-thoai">Đối thoại trực tuyến</a></p>
<form class="doc-filter" method="get" action="/hoi-dap" role="search" aria-label="Lọc hỏi đáp">
  <div class="field"><label for="q-co-quan">Cơ quan trả lời</label><select id="q-co-quan" name="co-quan"><option value="">Tất cả</option>{{#AGENCY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY_OPTION}}</select></div>
  <div class="field"><label for="q-linh-vuc">Lĩnh vực</label><select id="q-linh-vuc" name="linh-vuc"><option value="">Tất cả</option>{{#FIELD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/FIELD_OPTION}}</select></div>
  <div class="field"><label for="q-nam">Năm</label><select id="q-nam" name="nam"><option value="">Tất cả</option>{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/YEAR_OPTION}}</select></div>
  <div class="actions"><button type="submit">Lọc</button> <a href="/hoi-dap">Xóa bộ lọc</a></div>
</form>
<p class="found" role="status">Có {{FOUND}} câu hỏi đã được trả lời.</p>
{{#NO_QUESTIONS}}<p>Chưa có câu hỏi nào phù hợp.</p>{{/NO_QUESTIONS}}
<ol class="article-list question-list">
  {{#QUESTION}}<li>
    <article>
      <h2><a href="/hoi-dap/{{ID}}">{{TITLE}}</a></h2>
      <p class="meta">{{ASKER}} hỏi ngày <time datetime="{{ASKED_ISO}}">{{ASKED}}</time> · {{FIELD}}{{#AGENCY}} · {{NAME}} trả lời{{/AGENCY}} ngày <time datetime="{{ANSWERED_ISO}}">{{ANSWERED}}</time></p>
    </article>
  </li>
  {{/QUESTION}}
</ol>
<nav class="pager" aria-label="Phân trang">
  {{#PREV}}<a rel="prev" href="{{URL}}">‹ Trang trước</a>{{/PREV}}
  <span>Trang {{PAGE_NUMBER}}/{{PAGE_COUNT}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Trang sau ›</a>{{/NEXT}}
</nav>
{{>FOOTER}}
