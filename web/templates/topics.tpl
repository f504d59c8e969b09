{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>Chuyên đề</span></nav>
<h1>Chuyên đề</h1>
{{#NO_TOPICS}}<p>Chưa có chuyên đề nào.</p>{{/NO_TOPICS}}
<ul class="topic-list">
  {{#TOPIC}}<li><h2><a href="/chuyen-de/{{SLUG}}">{{NAME}}</a></h2><p>{{DESCRIPTION}}</p></li>
  {{/TOPIC}}
</ul>
{{>FOOTER}}
