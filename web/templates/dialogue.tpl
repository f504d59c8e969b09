{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/hoi-dap">Hỏi đáp</a> › <a href="/doi-thoai">Đối thoại trực tuyến</a> › <span>Buổi đối thoại</span></nav>
<article class="dialogue" id="doi-thoai" data-json="/doi-thoai/{{ID}}/hoi-dap.json" data-state="{{STATE_KEY}}">
  <h1>{{TITLE}}</h1>
  <p class="dialogue-state dialogue-{{STATE_KEY}}" id="doi-thoai-trang-thai">{{STATE}}</p>
  <dl class="question-facts">
    <dt>Thời gian</dt><dd><time datetime="{{STARTS_ISO}}">{{STARTS}}</time> đến <time datetime="{{ENDS_ISO}}">{{ENDS}}</time></dd>
    {{#AGENCY}}<dt>Cơ quan chủ trì</dt><dd>{{NAME}}</dd>{{/AGENCY}}
    <dt>Người trả lời</dt><dd><ul class="dialogue-officials">{{#OFFICIAL}}<li>{{NAME}}</li>{{/OFFICIAL}}</ul></dd>
  </dl>
  {{#DESCRIPTION}}<div class="dialogue-text">{{TEXT}}</div>{{/DESCRIPTION}}
  {{#STREAM}}<div class="dialogue-stream"><iframe src="{{URL}}" title="Phát trực tiếp: {{TITLE}}" width="640" height="360" loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe></div>{{/STREAM}}
  {{#ASK}}<p class="question-actions"><a class="button" href="/hoi-dap/gui-cau-hoi?doi-thoai={{ID}}">Gửi câu hỏi cho buổi đối thoại</a></p>
  <p class="hint">Câu hỏi được gửi qua mẫu hỏi đáp của Cổng thông tin và được duyệt trước khi đưa lên trang này.</p>{{/ASK}}
  <section aria-labelledby="h-cau-hoi" class="dialogue-questions">
    <h2 id="h-cau-hoi">Câu hỏi và trả lời</h2>
    <p class="found" id="doi-thoai-so-cau" aria-live="polite">{{COUNT_TEXT}}</p>
    <ol class="dialogue-entries" id="doi-thoai-cau-hoi">
      {{#ENTRY}}<li id="cau-hoi-{{QID}}">
        <article>
          <h3>{{TITLE}}</h3>
          <p class="meta">{{ASKER}} hỏi lúc <time datetime="{{ASKED_ISO}}">{{ASKED}}</time></p>
          <div class="dialogue-text">{{TEXT}}</div>
          {{#ANSWER}}<div class="answer"><p class="meta"><strong>{{OFFICIAL}}</strong> trả lời lúc <time datetime="{{AT_ISO}}">{{AT}}</time>:</p><div class="dialogue-text">{{TEXT}}</div></div>{{/ANSWER}}
          {{#WAITING}}<p class="hint">Đang chờ trả lời.</p>{{/WAITING}}
        </article>
      </li>
      {{/ENTRY}}
    </ol>
  </section>
</article>
<p><a href="/doi-thoai">‹ Các buổi đối thoại khác</a> · <a href="/hoi-dap">Hỏi đáp</a></p>
<script src="/static/dialogue.js" defer></script>
{{>FOOTER}}
