{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/hoi-dap">Hỏi đáp</a> › <span>Dữ liệu cá nhân của tôi</span></nav>
<h1>Dữ liệu cá nhân của tôi</h1>
<p>Theo Nghị định 13/2023/NĐ-CP, bạn có quyền biết Cổng thông tin đang lưu những dữ liệu nào về bạn. Nhập mã tra cứu của câu hỏi đã gửi và địa chỉ thư điện tử hoặc số điện thoại bạn đã ghi khi gửi. Xem thêm <a href="/trang/bao-ve-du-lieu-ca-nhan">Chính sách bảo vệ dữ liệu cá nhân</a>.</p>
<form class="doc-filter" method="post" action="/hoi-dap/du-lieu-ca-nhan" aria-label="Lấy dữ liệu cá nhân">
  <div class="field"><label for="x-ma">Mã tra cứu</label><input id="x-ma" name="ma" type="text" value="{{TYPED_CODE}}" maxlength="40" autocomplete="off" spellcheck="false" required></div>
  <div class="field"><label for="x-lien-he">Thư điện tử hoặc số điện thoại đã ghi khi gửi</label><input id="x-lien-he" name="lien-he" type="text" value="{{TYPED_CONTACT}}" maxlength="254" autocomplete="off" spellcheck="false" required></div>
  <div class="actions"><button type="submit" name="dinh-dang" value="html">Xem dữ liệu</button> <button type="submit" name="dinh-dang" value="json">Tải về tệp JSON</button></div>
</form>
{{#NOT_FOUND}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/NOT_FOUND}}
{{#ERASED}}<section class="question-status" aria-labelledby="h-da-xoa">
  <h2 id="h-da-xoa">Dữ liệu cá nhân đã được xóa</h2>
  <p>Họ tên, thư điện tử, số điện thoại và nội dung nguyên văn bạn gửi kèm câu hỏi này đã được xóa ngày <time datetime="{{ERASED_ISO}}">{{ERASED}}</time>, khi hết thời hạn lưu trữ. Cổng thông tin không còn giữ dữ liệu cá nhân nào của bạn gắn với mã này; chỉ còn câu hỏi đã che thông tin cá nhân và câu trả lời.</p>
</section>{{/ERASED}}
{{#RESULT}}<section class="question-status" aria-labelledby="h-du-lieu">
  <h2 id="h-du-lieu">Dữ liệu Cổng thông tin đang lưu về bạn</h2>
  <h3>Thông tin bạn đã gửi (được mã hóa khi lưu)</h3>
  <dl class="question-facts">
    <dt>Họ và tên</dt><dd>{{NAME}}</dd>
    <dt>Thư điện tử</dt><dd>{{EMAIL}}</dd>
    <dt>Số điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Tiêu đề</dt><dd>{{TITLE}}</dd>
    <dt>Nội dung</dt><dd class="plain-text">{{TEXT_HTML:none}}</dd>
    {{#FILE}}<dt>Tệp đính kèm</dt><dd>{{NAME}} ({{TYPE}}, {{SIZE}})</dd>{{/FILE}}
  </dl>
  <h3>Thông tin về việc xử lý</h3>
  <dl class="question-facts">
    <dt>Ngày tiếp nhận</dt><dd><time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time></dd>
    <dt>Lĩnh vực</dt><dd>{{FIELD}}</dd>
    <dt>Tình trạng</dt><dd>{{STATE}}</dd>
    {{#AGENCY}}<dt>Cơ quan xử lý</dt><dd>{{NAME}}</dd>{{/AGENCY}}
    <dt>Đồng ý công khai câu trả lời</dt><dd>{{MAY_PUBLISH}}</dd>
    <dt>Tên hiển thị khi công khai</dt><dd>{{MASKED_NAME}}</dd>
  </dl>
  <h3>Các bước xử lý</h3>
  <ol class="question-history">{{#EVENT}}<li><time datetime="{{AT_ISO}}">{{AT}}</time>: {{STEP}} ({{STATE}}){{#REASON}}: {{TEXT}}{{/REASON}}</li>{{/EVENT}}</ol>
  <p class="hint">Tên cán bộ xử lý và ghi chú nội bộ không thuộc dữ liệu của bạn nên không được đưa vào đây.</p>
</section>{{/RESULT}}
{{>FOOTER}}
