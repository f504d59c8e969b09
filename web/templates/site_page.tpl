{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a>{{#EN}} › <a href="/en" lang="en">English</a>{{/EN}} › <span>{{TITLE}}</span></nav>
<div class="page-layout">
<article class="site-page" lang="{{LANG}}">
  <h1>{{TITLE}}</h1>
  {{#SUMMARY}}<p class="lead">{{TEXT}}</p>{{/SUMMARY}}
  <div class="body">{{BODY_HTML:none}}</div>
  {{#ENTRIES}}<div class="table-scroll"><table class="entries">
    <thead><tr>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}</tr></thead>
    <tbody>{{#ROW}}<tr>{{#CELL}}<td>{{#LINK}}<a href="{{URL}}">{{URL}}</a>{{/LINK}}{{#MAIL}}<a href="mailto:{{ADDRESS:u}}">{{ADDRESS}}</a>{{/MAIL}}{{#TEXT}}{{VALUE}}{{/TEXT}}</td>{{/CELL}}</tr>
    {{/ROW}}</tbody>
  </table></div>{{/ENTRIES}}
  <p class="updated">{{#VI}}Cập nhật lần cuối: {{/VI}}{{#EN}}Last updated: {{/EN}}<time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></p>
</article>
{{#EN}}<nav class="side-nav" aria-label="English section" lang="en"><h2>English</h2><ul>{{#EN_PAGE}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{TITLE}}</a></li>{{/EN_PAGE}}</ul></nav>{{/EN}}
</div>
{{>FOOTER}}
