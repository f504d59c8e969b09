{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1 class="visually-hidden">{{PORTAL_NAME}}</h1>
<section aria-labelledby="tin-moi">
  <h2 id="tin-moi">Tin mới nhất</h2>
  {{#NO_ARTICLES}}<p>Chưa có tin bài nào được đăng.</p>{{/NO_ARTICLES}}
  <ul class="article-list">
    {{#ARTICLE}}<li>
      <article>
        <h3><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time>{{#CATEGORY}} · <a href="/chuyen-muc/{{SLUG}}">{{NAME}}</a>{{/CATEGORY}}</p>
        {{#SUMMARY}}<p class="summary">{{TEXT}}</p>{{/SUMMARY}}
      </article>
    </li>
    {{/ARTICLE}}
  </ul>
</section>
{{>FOOTER}}
