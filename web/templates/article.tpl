{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a>{{#CATEGORY}} › <a href="/chuyen-muc/{{SLUG}}">{{NAME}}</a>{{/CATEGORY}}</nav>
<article class="article">
  <h1>{{TITLE}}</h1>
  <p class="meta">
    <time datetime="{{ISO_DATE}}">{{DATE}}</time>
    {{#AGENCY}} · <span class="agency">{{NAME}}</span>{{/AGENCY}}
  </p>
  {{#CORRECTIONS}}<aside class="corrections" aria-label="Đính chính">
    {{#CORRECTION}}<p class="correction"><strong>Đính chính ngày <time datetime="{{ISO_DATE}}">{{DATE}}</time>:</strong> {{TEXT}}</p>
    {{/CORRECTION}}
  </aside>{{/CORRECTIONS}}
  {{#SUMMARY}}<p class="lead">{{TEXT}}</p>{{/SUMMARY}}
  {{#LEAD_IMAGE}}<figure class="lead-figure">{{HTML:none}}</figure>{{/LEAD_IMAGE}}
  <div class="body">{{BODY_HTML:none}}</div>
  {{#GALLERY}}<section class="gallery" aria-labelledby="bo-anh">
    <h2 id="bo-anh">Bộ ảnh</h2>
    <ul class="gallery-grid">
      {{#IMAGE}}<li><figure><a href="{{URL}}" title="Xem ảnh cỡ lớn">{{HTML:none}}</a>{{#CAPTION}}<figcaption>{{TEXT}}</figcaption>{{/CAPTION}}</figure></li>
      {{/IMAGE}}
    </ul>
  </section>{{/GALLERY}}
  {{#AUTHOR}}<p class="author">{{NAME}}</p>{{/AUTHOR}}
  <ul class="article-tools" aria-label="Công cụ bài viết">
    <li><button type="button" class="print-button" data-print hidden>In bài viết</button></li>
    <li><a href="{{SAVE_URL}}" download>Lưu bài viết (HTML)</a></li>
    <li><button type="button" class="share-button" data-share hidden>Chia sẻ qua Zalo, Messenger…</button><span class="share-status" role="status"></span></li>
    {{#SHARE}}<li><a href="{{FACEBOOK}}" rel="external noopener">Chia sẻ lên Facebook</a></li>
    <li><a href="{{MAIL}}">Gửi qua thư điện tử</a></li>{{/SHARE}}
    {{#CATEGORY}}<li><button type="button" class="follow-button" data-follow="{{SLUG}}" data-follow-name="{{NAME}}" aria-pressed="false" hidden>Theo dõi chuyên mục {{NAME}}</button></li>{{/CATEGORY}}
  </ul>
</article>
{{#RELATED_BLOCK}}<aside class="related" aria-labelledby="tin-lien-quan">
  <h2 id="tin-lien-quan">Tin cùng chuyên mục</h2>
  <ul>{{#RELATED}}<li><a href="{{URL}}">{{TITLE}}</a> <time datetime="{{ISO_DATE}}">({{DATE}})</time></li>{{/RELATED}}</ul>
</aside>{{/RELATED_BLOCK}}
{{>FOOTER}}
