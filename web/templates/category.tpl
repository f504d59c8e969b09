{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>{{CATEGORY_NAME}}</span></nav>
<h1>{{CATEGORY_NAME}}</h1>
<p class="category-tools"><button type="button" class="follow-button" data-follow="{{CATEGORY_SLUG}}" data-follow-name="{{CATEGORY_NAME}}" aria-pressed="false" hidden>Theo dõi chuyên mục {{CATEGORY_NAME}}</button> <a href="/rss/{{CATEGORY_SLUG}}.xml">RSS chuyên mục {{CATEGORY_NAME}}</a></p>
{{#NO_ARTICLES}}<p>Chuyên mục chưa có tin bài.</p>{{/NO_ARTICLES}}
<ul class="article-list">
  {{#ARTICLE}}<li>
    <article>
      {{#LEAD_IMAGE}}<a class="list-image-link" href="{{URL}}" tabindex="-1" aria-hidden="true">{{HTML:none}}</a>{{/LEAD_IMAGE}}
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
