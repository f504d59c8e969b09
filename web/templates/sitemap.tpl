{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>Sơ đồ trang</span></nav>
<h1>Sơ đồ trang</h1>
<div class="sitemap">
<section aria-labelledby="sm-tin-tuc"><h2 id="sm-tin-tuc">Tin tức theo chuyên mục</h2>
  <ul><li><a href="/chuyen-de">Chuyên đề</a></li>{{#CATEGORY}}<li><a href="/chuyen-muc/{{SLUG}}">{{NAME}}</a> (<a href="/rss/{{SLUG}}.xml">RSS {{NAME}}</a>)</li>{{/CATEGORY}}</ul>
</section>
<section aria-labelledby="sm-thong-tin"><h2 id="sm-thong-tin">Thông tin về {{LOCALITY}} và chính quyền</h2>
  <ul>{{#PAGE}}<li><a href="{{URL}}">{{TITLE}}</a>{{#PENDING}} <span class="pending">(đang cập nhật)</span>{{/PENDING}}</li>{{/PAGE}}
  <li><a href="/van-ban">Cơ sở dữ liệu văn bản</a></li></ul>
</section>
<section aria-labelledby="sm-dich-vu"><h2 id="sm-dich-vu">Dịch vụ công và liên kết</h2>
  <ul><li><a href="/hoi-dap">Hỏi đáp: câu hỏi của người dân và trả lời của cơ quan nhà nước</a></li><li><a href="/doi-thoai">Đối thoại trực tuyến</a></li>{{#SERVICE_LINK}}<li><a href="{{URL}}" rel="external">{{NAME}}</a></li>{{/SERVICE_LINK}}</ul>
</section>
<section aria-labelledby="sm-english" lang="en"><h2 id="sm-english">English</h2>
  <ul>{{#EN_PAGE}}<li><a href="{{URL}}">{{TITLE}}</a>{{#PENDING}} <span class="pending">(being updated)</span>{{/PENDING}}</li>{{/EN_PAGE}}</ul>
</section>
<section aria-labelledby="sm-du-lieu"><h2 id="sm-du-lieu">Dữ liệu và nguồn tin</h2>
  <ul><li><a href="/rss.xml">RSS tất cả tin tức</a></li>
  <li><a href="/rss/hoi-dap.xml">RSS hỏi đáp</a></li>
  <li><a href="/rss/van-ban.xml">RSS văn bản mới</a></li>{{#TOPIC_FEED}}
  <li><a href="/rss/chu-de/{{SLUG}}.xml">RSS chuyên đề {{NAME}}</a></li>{{/TOPIC_FEED}}
  <li><a href="/sitemap.xml">Sơ đồ trang dạng XML (sitemap.xml)</a></li>
  <li><a href="/api/v1">Giao diện lập trình dữ liệu mở (API JSON)</a></li></ul>
</section>
</div>
{{>FOOTER}}
