{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1 class="visually-hidden">{{PORTAL_NAME}}</h1>
{{#TOPIC_BANNER}}<a class="topic-banner" href="/chuyen-de/{{SLUG}}"><span class="label">Chuyên đề</span> <strong>{{NAME}}</strong> <span class="text">{{DESCRIPTION}}</span></a>
{{/TOPIC_BANNER}}<section class="featured" aria-labelledby="tieu-diem">
  <h2 id="tieu-diem">Tiêu điểm</h2>
  <ul class="featured-list">
    {{#FEATURED}}<li>
      <article>
        {{#LEAD_IMAGE}}<a class="list-image-link" href="{{URL}}" tabindex="-1" aria-hidden="true">{{HTML:none}}</a>{{/LEAD_IMAGE}}
        <h3><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time></p>
        {{#SUMMARY}}<p class="summary">{{TEXT}}</p>{{/SUMMARY}}
      </article>
    </li>
    {{/FEATURED}}
  </ul>
</section>
<div class="home-grid">
<section aria-labelledby="tin-moi">
  <h2 id="tin-moi">Tin mới nhất</h2>
  {{#NO_ARTICLES}}<p>Chưa có tin bài nào được đăng.</p>{{/NO_ARTICLES}}
  <ul class="article-list">
    {{#ARTICLE}}<li>
      <article>
        {{#LEAD_IMAGE}}<a class="list-image-link" href="{{URL}}" tabindex="-1" aria-hidden="true">{{HTML:none}}</a>{{/LEAD_IMAGE}}
        <h3><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time>{{#CATEGORY}} · <a href="/chuyen-muc/{{SLUG}}">{{NAME}}</a>{{/CATEGORY}}</p>
        {{#SUMMARY}}<p class="summary">{{TEXT}}</p>{{/SUMMARY}}
      </article>
    </li>
    {{/ARTICLE}}
  </ul>
</section>
<div>
<section aria-labelledby="thong-tin">
  <h2 id="thong-tin">Thông tin cần biết</h2>
  <ul class="quick-links">
    <li><a href="/van-ban">Cơ sở dữ liệu văn bản</a></li>
    <li><a href="/chuyen-de">Chuyên đề</a></li>
    {{#INFO_PAGE}}<li><a href="{{URL}}">{{TITLE}}</a>{{#PENDING}} <span class="pending">(đang cập nhật)</span>{{/PENDING}}</li>
    {{/INFO_PAGE}}{{#SERVICE_LINK}}<li><a href="{{URL}}" rel="external">{{NAME}}</a></li>
    {{/SERVICE_LINK}}<li><a href="/en" lang="en">English</a></li>
  </ul>
</section>
{{#MOST_READ}}<section class="most-read" aria-labelledby="doc-nhieu">
  <h2 id="doc-nhieu">Đọc nhiều nhất</h2>
  <ol>{{#ITEM}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time></span></li>{{/ITEM}}</ol>
</section>{{/MOST_READ}}
<!-- After the links: filled by personal.js, so it must not push them down. -->
<section id="tin-cua-toi" aria-labelledby="tin-cua-toi-h" hidden>
  <h2 id="tin-cua-toi-h">Tin của tôi</h2>
  <ul></ul>
  <p class="empty" hidden>Bạn chưa theo dõi chuyên mục nào. Mở một chuyên mục hoặc bài viết và chọn “Theo dõi chuyên mục”.</p>
</section>
</div>
</div>
<div class="home-grid">
{{#SECTION}}<section class="home-section" aria-labelledby="cm-{{SLUG}}">
  <h2 id="cm-{{SLUG}}"><a href="/chuyen-muc/{{SLUG}}">{{NAME}}</a></h2>
  <ul>{{#ITEM}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time></span></li>{{/ITEM}}</ul>
</section>
{{/SECTION}}
</div>
{{>FOOTER}}
