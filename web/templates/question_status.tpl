{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/hoi-dap">Hỏi đáp</a> › <span>Tra cứu</span></nav>
<h1>Tra cứu câu hỏi đã gửi</h1>
{{#SENT}}<div class="notice success" role="status">
  <p>Câu hỏi của bạn đã được gửi. Mã tra cứu của bạn là:</p>
  <p class="tracking-code"><strong>{{CODE}}</strong></p>
  <p>Vui lòng ghi lại mã này để theo dõi tình trạng xử lý.{{#DUE}} Hạn trả lời dự kiến: <time datetime="{{ISO}}">{{TEXT}}</time>.{{/DUE}}</p>
  {{#DIALOGUE}}<p>Câu hỏi được gửi đến <a href="{{URL}}">buổi đối thoại trực tuyến</a>: câu hỏi được duyệt sẽ hiện và được trả lời trên trang buổi đối thoại.</p>{{/DIALOGUE}}
</div>{{/SENT}}
<form class="doc-filter" method="get" action="/hoi-dap/tra-cuu" aria-label="Tra cứu câu hỏi">
  <div class="field"><label for="q-ma">Mã tra cứu</label><input id="q-ma" name="ma" type="text" value="{{TYPED}}" maxlength="40" autocomplete="off" spellcheck="false" aria-describedby="q-ma-goi-y">
    <p class="hint" id="q-ma-goi-y">12 ký tự, ví dụ K7MQ-4TXA-9RPW (không phân biệt chữ hoa, chữ thường).</p></div>
  <div class="actions"><button type="submit">Tra cứu</button></div>
</form>
{{#NOT_FOUND}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/NOT_FOUND}}
{{#STATUS}}<section class="question-status" aria-labelledby="h-tinh-trang">
  <h2 id="h-tinh-trang">Tình trạng: {{STATE}}</h2>
  <dl class="question-facts">
    <dt>Ngày tiếp nhận</dt><dd><time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time></dd>
    {{#AGENCY}}<dt>Cơ quan đang xử lý</dt><dd>{{NAME}}</dd>{{/AGENCY}}
    {{#DUE}}<dt>Hạn trả lời</dt><dd><time datetime="{{ISO}}">{{TEXT}}</time>{{#OVERDUE}} <strong class="overdue">(đã quá hạn)</strong>{{/OVERDUE}}</dd>{{/DUE}}
    {{#ANSWERED}}<dt>Ngày trả lời</dt><dd><time datetime="{{ISO}}">{{TEXT}}</time></dd>{{/ANSWERED}}
  </dl>
  {{#ANSWER}}<h3>Trả lời</h3><div class="answer-text">{{HTML:none}}</div>{{/ANSWER}}
  {{#PUBLISHED}}<p><a href="/hoi-dap/{{ID}}">Xem câu hỏi và câu trả lời đã công khai</a></p>{{/PUBLISHED}}
</section>{{/STATUS}}
<p class="hint">Muốn biết Cổng thông tin đang lưu những dữ liệu cá nhân nào của bạn? <a href="/hoi-dap/du-lieu-ca-nhan">Xem hoặc tải về dữ liệu cá nhân của tôi</a>.</p>
{{>FOOTER}}
