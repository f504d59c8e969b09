{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} | {{PORTAL_NAME}}</title>
<style>body{max-width:45rem;margin:1rem auto;padding:0 1rem;font:1rem/1.6 system-ui,Arial,sans-serif;color:#1b1b1b}img{max-width:100%;height:auto}.meta,.source{color:#444;font-size:.9rem}</style>
</head>
<body>
<p class="source">{{PORTAL_NAME}}</p>
<article>
  <h1>{{TITLE}}</h1>
  <p class="meta"><time datetime="{{ISO_DATE}}">{{DATE}}</time></p>
  {{#SUMMARY}}<p><strong>{{TEXT}}</strong></p>{{/SUMMARY}}
  <div>{{BODY_HTML:none}}</div>
  {{#AUTHOR}}<p>{{NAME}}</p>{{/AUTHOR}}
</article>
<p class="source">Nguồn: {{PORTAL_NAME}} — {{URL}}<br>{{SOURCE_NOTICE}}</p>
</body>
</html>
