{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/hoi-dap">Hỏi đáp</a> › <span>Đối thoại trực tuyến</span></nav>
<h1>Đối thoại trực tuyến</h1>
<p>Lãnh đạo các cơ quan trả lời trực tiếp câu hỏi của người dân, doanh nghiệp vào thời gian đã thông báo. Câu hỏi được nhận trước và trong buổi đối thoại, được duyệt trước khi đưa lên; họ tên người hỏi được viết tắt, thông tin liên hệ không được công khai.</p>
{{#GROUP}}<section class="dialogue-group" aria-labelledby="h-{{KEY}}">
  <h2 id="h-{{KEY}}">{{HEADING}}</h2>
  {{#EMPTY}}<p>{{TEXT}}</p>{{/EMPTY}}
  <ol class="article-list dialogue-list">
    {{#DIALOGUE}}<li>
      <article>
        <h3><a href="/doi-thoai/{{ID}}">{{TITLE}}</a></h3>
        <p class="meta"><span class="dialogue-state dialogue-{{STATE_KEY}}">{{STATE}}</span> · <time datetime="{{STARTS_ISO}}">{{STARTS}}</time>{{#AGENCY}} · {{NAME}}{{/AGENCY}}</p>
      </article>
    </li>
    {{/DIALOGUE}}
  </ol>
</section>
{{/GROUP}}
{{>FOOTER}}
