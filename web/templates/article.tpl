{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a>{{#CATEGORY}} › <a href="/chuyen-muc/{{SLUG}}">{{NAME}}</a>{{/CATEGORY}}</nav>
<article class="article">
  <h1>{{TITLE}}</h1>
  <p class="meta">
    <time datetime="{{ISO_DATE}}">{{DATE}}</time>
    {{#AGENCY}} · <span class="agency">{{NAME}}</span>{{/AGENCY}}
  </p>
  {{#SUMMARY}}<p class="lead">{{TEXT}}</p>{{/SUMMARY}}
  <div class="body">{{BODY_HTML:none}}</div>
  {{#AUTHOR}}<p class="author">{{NAME}}</p>{{/AUTHOR}}
</article>
{{#RELATED_BLOCK}}<aside class="related" aria-labelledby="tin-lien-quan">
  <h2 id="tin-lien-quan">Tin cùng chuyên mục</h2>
  <ul>{{#RELATED}}<li><a href="{{URL}}">{{TITLE}}</a> <time datetime="{{ISO_DATE}}">({{DATE}})</time></li>{{/RELATED}}</ul>
</aside>{{/RELATED_BLOCK}}
{{>FOOTER}}
