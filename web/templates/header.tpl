{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{HTML_LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} | {{PORTAL_NAME}}</title>
{{#DESCRIPTION}}<meta name="description" content="{{TEXT}}">
{{/DESCRIPTION}}{{#META_NAME}}<meta name="{{NAME}}" content="{{CONTENT}}">
{{/META_NAME}}{{#META_PROPERTY}}<meta property="{{NAME}}" content="{{CONTENT}}">
{{/META_PROPERTY}}{{#CANONICAL}}<link rel="canonical" href="{{URL}}">
{{/CANONICAL}}{{#JSON_LD}}<script type="application/ld+json">{{JSON:none}}</script>
{{/JSON_LD}}<link rel="stylesheet" href="/static/portal.css">
{{#VI}}<link rel="alternate" type="application/rss+xml" title="{{PORTAL_NAME}} - RSS" href="/rss.xml">
{{/VI}}{{#FEED}}<link rel="alternate" type="application/rss+xml" title="{{TITLE}}" href="{{URL}}">
{{/FEED}}{{#EN}}<link rel="alternate" hreflang="vi" href="/">
{{/EN}}<link rel="icon" href="/static/logo.svg" type="image/svg+xml">
<script src="/static/personal.js" defer></script>
{{#VI}}<script src="/static/search-suggest.js" defer></script>
{{/VI}}{{#EMC}}<script src="{{URL}}" async></script>
{{/EMC}}</head>
<body>
<a class="skip" href="#noi-dung">{{#VI}}Bỏ qua đến nội dung chính{{/VI}}{{#EN}}Skip to main content{{/EN}}</a>
<header class="site-header">
  <div class="topbar">
    <div class="wrap topbar-row">
      {{#VI}}<ul class="utility">
        <li><a href="/van-ban">Văn bản</a></li>
        <li><a href="/hoi-dap">Hỏi đáp</a></li>
        <li><a href="/so-do-trang">Sơ đồ trang</a></li>
        <li><a href="/en" lang="en" hreflang="en">English</a></li>
      </ul>{{/VI}}{{#EN}}<ul class="utility">
        <li><a href="/" lang="vi" hreflang="vi">Tiếng Việt</a></li>
      </ul>{{/EN}}
      <div class="display-tools" id="tuy-chinh" hidden>
        {{#VI}}<span id="tuy-chinh-nhan" class="visually-hidden">Hiển thị</span>
        <div role="group" aria-labelledby="tuy-chinh-nhan">
          <button type="button" data-font="-1">A−<span class="visually-hidden"> Giảm cỡ chữ</span></button>
          <button type="button" data-font="0">A<span class="visually-hidden"> Cỡ chữ mặc định</span></button>
          <button type="button" data-font="1">A+<span class="visually-hidden"> Tăng cỡ chữ</span></button>
          <button type="button" data-contrast aria-pressed="false">Tương phản<span class="visually-hidden"> cao</span></button>
        </div>{{/VI}}{{#EN}}<span id="tuy-chinh-nhan" class="visually-hidden">Display</span>
        <div role="group" aria-labelledby="tuy-chinh-nhan">
          <button type="button" data-font="-1">A−<span class="visually-hidden"> Smaller text</span></button>
          <button type="button" data-font="0">A<span class="visually-hidden"> Default text size</span></button>
          <button type="button" data-font="1">A+<span class="visually-hidden"> Larger text</span></button>
          <button type="button" data-contrast aria-pressed="false"><span class="visually-hidden">High </span>Contrast</button>
        </div>{{/EN}}
      </div>
    </div>
  </div>
  <div class="wrap masthead">
    <div class="identity">
      <a class="brand" href="{{HOME}}">{{#LOGO}}<img class="logo" src="{{URL}}" alt="" width="56" height="56">{{/LOGO}}<span>{{PORTAL_NAME}}</span></a>
      {{#GOVERNING}}<p class="governing"{{#EN}} lang="vi"{{/EN}}>{{AGENCY}}</p>{{/GOVERNING}}
    </div>
    {{#VI}}<form class="site-search" method="get" action="/tim-kiem" role="search" aria-label="Tìm kiếm trên Cổng thông tin">
      <label for="tim-nhanh" class="visually-hidden">Từ khóa tìm kiếm</label>
      <input id="tim-nhanh" name="q" type="search" placeholder="Tìm tin bài, văn bản…" maxlength="400">
      <button type="submit">Tìm kiếm</button>
    </form>{{/VI}}
  </div>
  {{#VI}}<nav class="menu" aria-label="Chuyên mục">
    <details class="menu-fold wrap">
      <summary>Chuyên mục</summary>
      <ul>
        <li><a href="/">Trang chủ</a></li>
        {{#MENU}}<li><a href="/chuyen-muc/{{SLUG}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>
        {{/MENU}}
      </ul>
    </details>
    <ul class="wrap menu-wide">
      <li><a href="/">Trang chủ</a></li>
      {{#MENU}}<li><a href="/chuyen-muc/{{SLUG}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>
      {{/MENU}}
    </ul>
  </nav>{{/VI}}{{#EN}}<nav class="menu" aria-label="English section">
    <details class="menu-fold wrap">
      <summary>Menu</summary>
      <ul>
        <li><a href="/en">Home</a></li>
        {{#EN_MENU}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>
        {{/EN_MENU}}
      </ul>
    </details>
    <ul class="wrap menu-wide">
      <li><a href="/en">Home</a></li>
      {{#EN_MENU}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>
      {{/EN_MENU}}
    </ul>
  </nav>{{/EN}}
</header>
<main id="noi-dung" class="wrap">
