{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/hoi-dap">Hỏi đáp</a> › <span>Câu hỏi</span></nav>
<article class="question">
  <h1>{{TITLE}}</h1>
  <dl class="question-facts">
    <dt>Người hỏi</dt><dd>{{ASKER}}</dd>
    <dt>Ngày hỏi</dt><dd><time datetime="{{ASKED_ISO}}">{{ASKED}}</time></dd>
    <dt>Lĩnh vực</dt><dd>{{FIELD}}</dd>
    {{#AGENCY}}<dt>Cơ quan trả lời</dt><dd>{{NAME}}</dd>{{/AGENCY}}
    <dt>Ngày trả lời</dt><dd><time datetime="{{ANSWERED_ISO}}">{{ANSWERED}}</time></dd>
  </dl>
  <section aria-labelledby="h-hoi"><h2 id="h-hoi">Nội dung câu hỏi</h2>
    <div class="question-text">{{TEXT_HTML:none}}</div>
  </section>
  <section aria-labelledby="h-tra-loi" class="answer"><h2 id="h-tra-loi">Trả lời</h2>
    <div class="answer-text">{{ANSWER_HTML:none}}</div>
  </section>
</article>
<p><a href="/hoi-dap">‹ Các câu hỏi khác</a> · <a href="/hoi-dap/gui-cau-hoi">Gửi câu hỏi</a></p>
{{>FOOTER}}
