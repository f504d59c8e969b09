{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<nav class="breadcrumb" aria-label="Đường dẫn"><a href="/">Trang chủ</a> › <span>Gửi tin bài</span></nav>
<h1>Gửi tin bài cho Cổng thông tin</h1>
<p>Cơ quan, đơn vị, tổ chức và cá nhân có thể gửi tin bài để đăng trên Cổng thông tin. Tin bài được Ban Biên tập tiếp nhận, kiểm duyệt, biên tập lại khi cần và có thể liên hệ với bạn để làm rõ trước khi đăng; Ban Biên tập phản hồi với bạn về những tin bài không được duyệt. Sau khi gửi, bạn nhận được một mã tham chiếu.</p>
{{#UNAVAILABLE}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/UNAVAILABLE}}
{{#ERRORS}}<div class="form-errors" role="alert" tabindex="-1" id="loi">
  <p>Tin bài chưa được gửi. Vui lòng sửa các mục sau (nội dung bạn đã nhập vẫn được giữ nguyên):</p>
  <ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul>
</div>{{/ERRORS}}
<form class="question-form intake-form" method="post" action="/gui-tin-bai" accept-charset="UTF-8">
  <input type="hidden" name="t" value="{{TOKEN}}">
  <fieldset>
    <legend>Người gửi</legend>
    <p class="hint">Thông tin người gửi chỉ Ban Biên tập xem được, để liên hệ khi cần; không được công khai. Cần ít nhất thư điện tử hoặc số điện thoại.</p>
    <div class="field"><label for="n-ten">Họ và tên <span aria-hidden="true">*</span></label><input id="n-ten" name="ten" type="text" required maxlength="{{NAME_MAX}}" autocomplete="name" value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="n-ten-loi"{{/NAME_ERROR}}>
      {{#NAME_ERROR}}<p class="field-error" id="n-ten-loi">{{TEXT}}</p>{{/NAME_ERROR}}</div>
    <div class="field"><label for="n-to-chuc">Cơ quan, tổ chức (nếu có)</label><input id="n-to-chuc" name="to-chuc" type="text" maxlength="{{ORGANISATION_MAX}}" autocomplete="organization" value="{{ORGANISATION}}"{{#ORGANISATION_ERROR}} aria-invalid="true" aria-describedby="n-to-chuc-loi"{{/ORGANISATION_ERROR}}>
      {{#ORGANISATION_ERROR}}<p class="field-error" id="n-to-chuc-loi">{{TEXT}}</p>{{/ORGANISATION_ERROR}}</div>
    {{#CONTACT_ERROR}}<p class="field-error" id="n-lien-he-loi">{{TEXT}}</p>{{/CONTACT_ERROR}}
    <div class="field"><label for="n-email">Thư điện tử</label><input id="n-email" name="email" type="email" maxlength="{{EMAIL_MAX}}" autocomplete="email" value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="n-email-loi"{{/EMAIL_ERROR}}{{#CONTACT_ERROR}} aria-invalid="true" aria-describedby="n-lien-he-loi"{{/CONTACT_ERROR}}>
      {{#EMAIL_ERROR}}<p class="field-error" id="n-email-loi">{{TEXT}}</p>{{/EMAIL_ERROR}}</div>
    <div class="field"><label for="n-dien-thoai">Số điện thoại</label><input id="n-dien-thoai" name="dien-thoai" type="tel" maxlength="{{PHONE_MAX}}" autocomplete="tel" value="{{PHONE}}"{{#PHONE_ERROR}} aria-invalid="true" aria-describedby="n-dien-thoai-loi"{{/PHONE_ERROR}}>
      {{#PHONE_ERROR}}<p class="field-error" id="n-dien-thoai-loi">{{TEXT}}</p>{{/PHONE_ERROR}}</div>
  </fieldset>
  <fieldset>
    <legend>Tin bài</legend>
    <div class="field"><label for="n-chuyen-muc">Chuyên mục <span aria-hidden="true">*</span></label><select id="n-chuyen-muc" name="chuyen-muc" required{{#CATEGORY_ERROR}} aria-invalid="true" aria-describedby="n-chuyen-muc-loi"{{/CATEGORY_ERROR}}><option value="">Chọn chuyên mục</option>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
      {{#CATEGORY_ERROR}}<p class="field-error" id="n-chuyen-muc-loi">{{TEXT}}</p>{{/CATEGORY_ERROR}}</div>
    <div class="field"><label for="n-tieu-de">Tiêu đề <span aria-hidden="true">*</span></label><input id="n-tieu-de" name="tieu-de" type="text" required minlength="{{TITLE_MIN}}" maxlength="{{TITLE_MAX}}" value="{{TITLE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="n-tieu-de-loi"{{/TITLE_ERROR}}>
      {{#TITLE_ERROR}}<p class="field-error" id="n-tieu-de-loi">{{TEXT}}</p>{{/TITLE_ERROR}}</div>
    <div class="field"><label for="n-tom-tat">Tóm tắt <span aria-hidden="true">*</span></label><textarea id="n-tom-tat" name="tom-tat" rows="3" required minlength="{{SUMMARY_MIN}}" maxlength="{{SUMMARY_MAX}}" aria-describedby="n-tom-tat-goi-y{{#SUMMARY_ERROR}} n-tom-tat-loi{{/SUMMARY_ERROR}}"{{#SUMMARY_ERROR}} aria-invalid="true"{{/SUMMARY_ERROR}}>{{SUMMARY:none}}</textarea>
      <p class="hint" id="n-tom-tat-goi-y">Một đoạn ngắn nêu ý chính của tin bài, từ {{SUMMARY_MIN}} đến {{SUMMARY_MAX}} ký tự.</p>
      {{#SUMMARY_ERROR}}<p class="field-error" id="n-tom-tat-loi">{{TEXT}}</p>{{/SUMMARY_ERROR}}</div>
    <div class="field"><label for="n-noi-dung">Nội dung <span aria-hidden="true">*</span></label><textarea id="n-noi-dung" name="noi-dung" rows="16" required minlength="{{BODY_MIN}}" maxlength="{{BODY_MAX}}" aria-describedby="n-noi-dung-goi-y{{#BODY_ERROR}} n-noi-dung-loi{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY:none}}</textarea>
      <p class="hint" id="n-noi-dung-goi-y">Văn bản thuần, tối đa {{BODY_MAX}} ký tự; để một dòng trống giữa các đoạn. Ảnh và tệp đính kèm: Ban Biên tập sẽ liên hệ với bạn khi cần.</p>
      {{#BODY_ERROR}}<p class="field-error" id="n-noi-dung-loi">{{TEXT}}</p>{{/BODY_ERROR}}</div>
  </fieldset>
  <div class="hp" aria-hidden="true"><label for="n-website">Để trống ô này</label><input id="n-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
  <fieldset>
    <legend>Đồng ý</legend>
    <div class="check"><input id="n-dong-y" name="dong-y" type="checkbox" value="1" required{{#CONSENT}} checked{{/CONSENT}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="n-dong-y-loi"{{/CONSENT_ERROR}}><label for="n-dong-y">Tôi đồng ý để Cổng thông tin xử lý dữ liệu cá nhân tôi cung cấp nhằm tiếp nhận, biên tập tin bài này và liên hệ với tôi về tin bài, theo <a href="{{PRIVACY_URL}}">Chính sách bảo vệ dữ liệu cá nhân</a> (Nghị định 13/2023/NĐ-CP). <span aria-hidden="true">*</span></label></div>
    {{#CONSENT_ERROR}}<p class="field-error" id="n-dong-y-loi">{{TEXT}}</p>{{/CONSENT_ERROR}}
  </fieldset>
  <div class="actions"><button type="submit">Gửi tin bài</button></div>
</form>
{{>FOOTER}}
