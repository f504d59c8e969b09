{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <a href="/hoi-dap">Hỏi đáp</a> › <span>Gửi câu hỏi</span></nav>
<h1>Gửi câu hỏi, phản ánh, kiến nghị</h1>
<p>Câu hỏi được Cổng thông tin tiếp nhận và chuyển đến cơ quan có thẩm quyền trả lời. Bạn sẽ nhận được một mã tra cứu để theo dõi tình trạng xử lý. Thời hạn trả lời dự kiến: {{DEADLINE_DAYS}} ngày làm việc.</p>
{{#DIALOGUE}}<p class="notice" role="note">Câu hỏi gửi đến buổi đối thoại trực tuyến <a href="/doi-thoai/{{ID}}">{{TITLE}}</a>. Câu hỏi được duyệt trước khi đưa lên buổi đối thoại; họ tên được viết tắt, thông tin liên hệ không được công khai.</p>{{/DIALOGUE}}
{{#UNAVAILABLE}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/UNAVAILABLE}}
{{#ERRORS}}<div class="form-errors" role="alert" tabindex="-1" id="loi">
  <p>Câu hỏi chưa được gửi. Vui lòng sửa các mục sau (nội dung bạn đã nhập vẫn được giữ nguyên):</p>
  <ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul>
</div>{{/ERRORS}}
<form class="question-form" method="post" action="/hoi-dap/gui-cau-hoi" accept-charset="UTF-8" enctype="multipart/form-data">
  <input type="hidden" name="t" value="{{TOKEN}}">
  {{#DIALOGUE}}<input type="hidden" name="doi-thoai" value="{{ID}}">{{/DIALOGUE}}
  <fieldset>
    <legend>Thông tin người hỏi</legend>
    <p class="hint">Thông tin liên hệ chỉ dùng để trả lời bạn, không được công khai. Cần ít nhất thư điện tử hoặc số điện thoại.</p>
    <div class="field"><label for="q-ten">Họ và tên <span aria-hidden="true">*</span></label><input id="q-ten" name="ten" type="text" required maxlength="{{NAME_MAX}}" autocomplete="name" value="{{NAME}}"></div>
    <div class="field"><label for="q-email">Thư điện tử</label><input id="q-email" name="email" type="email" maxlength="{{EMAIL_MAX}}" autocomplete="email" value="{{EMAIL}}"></div>
    <div class="field"><label for="q-dien-thoai">Số điện thoại</label><input id="q-dien-thoai" name="dien-thoai" type="tel" maxlength="{{PHONE_MAX}}" autocomplete="tel" value="{{PHONE}}"></div>
  </fieldset>
  <fieldset>
    <legend>Câu hỏi</legend>
    <div class="field"><label for="q-linh-vuc">Lĩnh vực <span aria-hidden="true">*</span></label><select id="q-linh-vuc" name="linh-vuc" required><option value="">Chọn lĩnh vực</option>{{#FIELD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/FIELD_OPTION}}</select></div>
    <div class="field"><label for="q-co-quan">Cơ quan bạn muốn hỏi (nếu biết)</label><select id="q-co-quan" name="co-quan"><option value="">Để Cổng thông tin chuyển đến cơ quan phù hợp</option>{{#AGENCY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY_OPTION}}</select></div>
    <div class="field"><label for="q-tieu-de">Tiêu đề <span aria-hidden="true">*</span></label><input id="q-tieu-de" name="tieu-de" type="text" required minlength="{{TITLE_MIN}}" maxlength="{{TITLE_MAX}}" value="{{TITLE}}"></div>
    <div class="field"><label for="q-noi-dung">Nội dung <span aria-hidden="true">*</span></label><textarea id="q-noi-dung" name="noi-dung" rows="10" required minlength="{{TEXT_MIN}}" maxlength="{{TEXT_MAX}}" aria-describedby="q-noi-dung-goi-y">{{TEXT:none}}</textarea>
      <p class="hint" id="q-noi-dung-goi-y">Tối đa {{TEXT_MAX}} ký tự. Không ghi số điện thoại, thư điện tử hay thông tin cá nhân khác vào nội dung: nếu có, chúng sẽ được ẩn khi công khai.</p></div>
    <div class="field"><label for="q-tep">Tệp đính kèm (không bắt buộc)</label><input id="q-tep" name="tep" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" data-max-files="{{FILES_MAX}}" data-max-bytes="{{FILE_MAX_BYTES}}" aria-describedby="q-tep-goi-y">
      <p class="hint" id="q-tep-goi-y">Tối đa {{FILES_MAX}} tệp: ảnh (JPEG, PNG, WebP) hoặc PDF, mỗi tệp không quá {{FILE_MAX_MB}} MB. Chỉ người xử lý câu hỏi xem được tệp; tệp không được công khai.</p>
      {{#FILES_AGAIN}}<p class="notice">Vui lòng chọn lại tệp đính kèm: tệp đã chọn không được gửi lại cùng trang này.</p>{{/FILES_AGAIN}}</div>
  </fieldset>
  <div class="hp" aria-hidden="true"><label for="q-website">Để trống ô này</label><input id="q-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
  <fieldset>
    <legend>Đồng ý</legend>
    <div class="check"><input id="q-cong-khai" name="cong-khai" type="checkbox" value="1"{{#MAY_PUBLISH}} checked{{/MAY_PUBLISH}}><label for="q-cong-khai">Tôi đồng ý công khai câu hỏi và câu trả lời trên Cổng thông tin (họ tên được viết tắt, thông tin liên hệ không được công khai).</label></div>
    <div class="check"><input id="q-dong-y" name="dong-y" type="checkbox" value="1" required{{#CONSENT}} checked{{/CONSENT}}><label for="q-dong-y">Tôi đồng ý để Cổng thông tin và cơ quan trả lời xử lý dữ liệu cá nhân tôi cung cấp nhằm tiếp nhận, chuyển và trả lời câu hỏi này, theo <a href="{{PRIVACY_URL}}">Chính sách bảo vệ dữ liệu cá nhân</a> (Nghị định 13/2023/NĐ-CP). <span aria-hidden="true">*</span></label></div>
  </fieldset>
  <div class="actions"><button type="submit">Gửi câu hỏi</button></div>
</form>
<script src="/static/question-form.js" defer></script>
{{>FOOTER}}
