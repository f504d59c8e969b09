{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/van-ban">Văn bản</a> › <span>{{NUMBER}}</span></nav>
<article class="document">
  <h1>{{TYPE}} số {{NUMBER}}</h1>
  <p class="lead">{{ABSTRACT}}</p>
  <dl class="doc-fields">
    <dt>Số ký hiệu</dt><dd>{{NUMBER}}</dd>
    <dt>Loại văn bản</dt><dd>{{TYPE}}</dd>
    <dt>Cơ quan ban hành</dt><dd>{{ISSUER}}</dd>
    {{#SIGNER}}<dt>Người ký</dt><dd>{{TEXT}}</dd>{{/SIGNER}}
    <dt>Ngày ban hành</dt><dd><time datetime="{{ISSUED_ISO}}">{{ISSUED}}</time></dd>
    {{#EFFECTIVE}}<dt>Ngày hiệu lực</dt><dd>{{TEXT}}</dd>{{/EFFECTIVE}}
    {{#EXPIRES}}<dt>Ngày hết hiệu lực</dt><dd>{{TEXT}}</dd>{{/EXPIRES}}
    <dt>Tình trạng hiệu lực</dt><dd class="validity validity-{{VALIDITY_KEY}}">{{VALIDITY}}{{#VALIDITY_NOTE}} — {{TEXT}}{{/VALIDITY_NOTE}}</dd>
    {{#REPLACED_BY}}<dt>Được thay thế bởi</dt><dd class="replaced-by"><a href="{{URL}}">{{TITLE}}</a> — {{ABSTRACT}}</dd>{{/REPLACED_BY}}
    {{#REPLACES}}<dt>Thay thế văn bản</dt><dd class="replaces"><a href="{{URL}}">{{TITLE}}</a> — {{ABSTRACT}}</dd>{{/REPLACES}}
    {{#FIELD}}<dt>Lĩnh vực</dt><dd>{{TEXT}}</dd>{{/FIELD}}
    <dt>Trích yếu</dt><dd>{{ABSTRACT}}</dd>
  </dl>
  <h2>Tệp văn bản</h2>
  {{#NO_FILES}}<p>Văn bản chưa có tệp đính kèm.</p>{{/NO_FILES}}
  <ul class="files">{{#FILE}}<li><a href="{{URL}}" download>Tải về {{NAME}}</a> ({{SIZE}})</li>{{/FILE}}</ul>
  {{#NATIONAL_DB}}<p><a href="{{URL}}" rel="external noopener">Xem văn bản này trên Cơ sở dữ liệu quốc gia về văn bản pháp luật</a></p>{{/NATIONAL_DB}}
</article>
{{>FOOTER}}
