{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/chuyen-de">Chuyên đề</a> › <span>{{NAME}}</span></nav>
<h1>{{NAME}}</h1>
{{#INTRO}}<p class="lead">{{TEXT}}</p>{{/INTRO}}
<p class="category-tools"><a href="/rss/chu-de/{{SLUG}}.xml">RSS chuyên đề {{NAME}}</a></p>
{{#NO_ARTICLES}}<p>Chuyên đề chưa có tin bài.</p>{{/NO_ARTICLES}}
<ul class="article-list">
  {{#ARTICLE}}<li>
    <article>
      <h2><a href="{{URL}}">{{TITLE}}</a></h2>
      <p class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time></p>
      {{#SUMMARY}}<p class="summary">{{TEXT}}</p>{{/SUMMARY}}
    </article>
  </li>
  {{/ARTICLE}}
</ul>
<nav class="pager" aria-label="Phân trang">
  {{#PREV}}<a rel="prev" href="?trang={{PAGE}}">‹ Trang trước</a>{{/PREV}}
  <span>Trang {{PAGE_NUMBER}}/{{PAGE_COUNT}}</span>
  {{#NEXT}}<a rel="next" href="?trang={{PAGE}}">Trang sau ›</a>{{/NEXT}}
</nav>
{{>FOOTER}}
