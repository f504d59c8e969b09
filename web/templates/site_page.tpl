{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
{{#VI}}<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>{{TITLE}}</span></nav>{{/VI}}{{#EN}}<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/en">Home</a> › <span>{{TITLE}}</span></nav>{{/EN}}
<div class="page-layout">
<article class="site-page" lang="{{LANG}}">
  <h1>{{TITLE}}</h1>
  {{#SUMMARY}}<p class="lead">{{TEXT}}</p>{{/SUMMARY}}
  {{#CONTENT}}<div class="body">{{BODY_HTML:none}}</div>{{/CONTENT}}
  {{#PENDING}}<div class="pending-section" role="status">{{#VI}}<p><strong>Đang cập nhật.</strong> Nội dung mục này đang được Ban biên tập cập nhật.</p>{{#CONTACT}}<p>Cần thông tin ngay, xin liên hệ:</p>{{/CONTACT}}{{/VI}}{{#EN}}<p><strong>Being updated.</strong> The editorial board is preparing this section.</p>{{#CONTACT}}<p>For information meanwhile, please contact:</p>{{/CONTACT}}{{/EN}}
    {{#CONTACT}}<ul class="contact">{{#AGENCY}}<li>{{TEXT}}</li>{{/AGENCY}}{{#PERSON}}<li>{{#VI}}Người chịu trách nhiệm: {{/VI}}{{#EN}}Person in charge: {{/EN}}{{TEXT}}</li>{{/PERSON}}{{#ADDRESS}}<li>{{#VI}}Địa chỉ: {{/VI}}{{#EN}}Address: {{/EN}}{{TEXT}}</li>{{/ADDRESS}}{{#PHONE}}<li>{{#VI}}Điện thoại: {{/VI}}{{#EN}}Phone: {{/EN}}{{#TEL}}<a href="tel:{{NUMBER:u}}">{{TEXT}}</a>{{/TEL}}{{#NO_TEL}}{{TEXT}}{{/NO_TEL}}</li>{{/PHONE}}{{#EMAIL}}<li>{{#VI}}Thư điện tử: {{/VI}}{{#EN}}E-mail: {{/EN}}<a href="mailto:{{TEXT:u}}">{{TEXT}}</a></li>{{/EMAIL}}</ul>{{/CONTACT}}
  </div>{{/PENDING}}
  {{#ENTRIES}}<div class="table-scroll"><table class="entries">
    <thead><tr>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}</tr></thead>
    <tbody>{{#ROW}}<tr>{{#CELL}}<td>{{#LINK}}<a href="{{URL}}">{{URL}}</a>{{/LINK}}{{#MAIL}}<a href="mailto:{{ADDRESS:u}}">{{ADDRESS}}</a>{{/MAIL}}{{#PHONE}}{{#TEL}}<a href="tel:{{NUMBER:u}}">{{TEXT}}</a>{{/TEL}}{{#NO_TEL}}{{TEXT}}{{/NO_TEL}}{{/PHONE}}{{#TEXT}}{{VALUE}}{{/TEXT}}</td>{{/CELL}}</tr>
    {{/ROW}}</tbody>
  </table></div>{{/ENTRIES}}
  {{#UPDATED}}<p class="updated">{{#VI}}Cập nhật lần cuối: {{/VI}}{{#EN}}Last updated: {{/EN}}<time datetime="{{ISO}}">{{DATE}}</time></p>{{/UPDATED}}
</article>
</div>
{{>FOOTER}}
