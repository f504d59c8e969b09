{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} | {{PORTAL_NAME}}</title>
{{#DESCRIPTION}}<meta name="description" content="{{TEXT}}">
{{/DESCRIPTION}}<link rel="stylesheet" href="/static/portal.css">
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua đến nội dung chính</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/">{{PORTAL_NAME}}</a>
    {{#GOVERNING}}<p class="governing">{{AGENCY}}</p>{{/GOVERNING}}
  </div>
  <nav class="menu" aria-label="Chuyên mục">
    <ul class="wrap">
      <li><a href="/">Trang chủ</a></li>
      {{#MENU}}<li><a href="/chuyen-muc/{{SLUG}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>
      {{/MENU}}
    </ul>
  </nav>
</header>
<main id="noi-dung" class="wrap">
