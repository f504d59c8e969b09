{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{PAGE_TITLE}} | Quản trị | {{PORTAL_NAME}}</title>
<link rel="stylesheet" href="/static/admin.css">
<script src="/static/admin-confirm.js" defer></script>
{{#EDITOR}}<link rel="stylesheet" href="/static/vendor/jodit/jodit.min.css">
<link rel="stylesheet" href="/static/admin-editor.css">
<script src="/static/vendor/jodit/jodit.min.js" defer></script>
<script src="/static/admin-editor.js" defer></script>
<meta name="portald-embed-origins" content="{{EMBED_ORIGINS}}">
<script src="/static/admin-embed.js" defer></script>
<script src="/static/admin-keep.js" defer></script>
{{/EDITOR}}</head>
<body class="admin">
<a class="skip" href="#noi-dung">Bỏ qua đến nội dung chính</a>
<header class="admin-header">
  <a class="brand" href="/quan-tri">Quản trị · {{PORTAL_NAME}}</a>
  {{#USER}}<nav aria-label="Quản trị">
    <ul>
      <li><a href="/quan-tri">Bảng điều khiển</a></li>
      {{#NAV}}<li><a href="{{URL}}">{{LABEL}}</a></li>
      {{/NAV}}
    </ul>
  </nav>
  <div class="who">
    <span>{{DISPLAY_NAME}} ({{ROLE_LABEL}})</span>
    <a href="/quan-tri/mat-khau">Đổi mật khẩu</a>
    <a href="/quan-tri/phien-dang-nhap">Phiên đăng nhập</a>
    <form method="post" action="/quan-tri/dang-xuat" class="inline">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit">Đăng xuất</button>
    </form>
  </div>{{/USER}}
</header>
<main id="noi-dung" class="admin-main">
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>
{{/FLASH}}{{#ERROR}}<p class="form-error" role="alert">{{TEXT}}</p>
{{/ERROR}}
