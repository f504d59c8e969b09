{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>So sánh phiên bản</h1>
<p><a href="/quan-tri/bai-viet/{{ID}}">Quay lại bài viết</a></p>
<ul class="compare-summary">{{#FIELD}}<li>{{NAME}}: {{SAME}}</li>{{/FIELD}}</ul>
{{#DIFF}}<h2>Những chỗ khác nhau</h2>
<p class="diff-legend"><del>Gạch ngang</del>: chỉ có trong phiên bản bên trái. <ins>Gạch dưới</ins>: chỉ có trong phiên bản bên phải.</p>
<dl class="diff">{{#FIELD}}<dt>{{NAME}}</dt><dd>{{#PART}}{{#SAME}}{{TEXT:none}}{{/SAME}}{{#DEL}}<del>{{TEXT:none}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT:none}}</ins>{{/INS}}{{/PART}}</dd>
{{/FIELD}}</dl>{{/DIFF}}
<div class="compare">
  {{#LEFT}}<section aria-label="Phiên bản {{N}}">
    <h2>Phiên bản {{N}}</h2><p>{{BY}} · {{AT}} · {{CATEGORY}}</p>
    <h3>{{TITLE}}</h3><p><em>{{SUMMARY}}</em></p><div class="body">{{BODY_HTML:none}}</div><p>{{AUTHOR}}</p>
  </section>{{/LEFT}}
  {{#RIGHT}}<section aria-label="Phiên bản {{N}}">
    <h2>Phiên bản {{N}}</h2><p>{{BY}} · {{AT}} · {{CATEGORY}}</p>
    <h3>{{TITLE}}</h3><p><em>{{SUMMARY}}</em></p><div class="body">{{BODY_HTML:none}}</div><p>{{AUTHOR}}</p>
  </section>{{/RIGHT}}
</div>
{{>FOOTER}}
