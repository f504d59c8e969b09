{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<p><a href="/quan-tri/hoi-dap">‹ Hỏi đáp</a></p>
<h1>Cài đặt hỏi đáp</h1>
{{#ERRORS}}<div class="form-error" role="alert"><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/ERRORS}}
<form method="post" action="/quan-tri/hoi-dap/cai-dat">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="q-fields">Lĩnh vực và thời hạn trả lời: mỗi dòng một lĩnh vực, "Tên lĩnh vực | số ngày làm việc" (bỏ số ngày để dùng thời hạn chung)</label>
  <textarea id="q-fields" name="linh-vuc" rows="14">{{FIELDS:none}}</textarea>
  <label for="q-default">Thời hạn trả lời chung (ngày làm việc)</label>
  <input id="q-default" name="thoi-han" type="number" min="1" max="90" value="{{DEFAULT_DAYS}}">
  <label for="q-retention">Thời gian lưu thông tin liên hệ sau khi công khai hoặc đóng câu hỏi (ngày)</label>
  <input id="q-retention" name="luu-tru" type="number" min="30" max="3650" value="{{RETENTION_DAYS}}">
  <label for="q-file-mb">Dung lượng tối đa của mỗi tệp đính kèm (MB, từ {{FILE_MB_MIN}} đến {{FILE_MB_MAX}}; người hỏi gửi được tối đa {{FILES_MAX}} tệp ảnh hoặc PDF)</label>
  <input id="q-file-mb" name="tep-mb" type="number" min="{{FILE_MB_MIN}}" max="{{FILE_MB_MAX}}" value="{{FILE_MB}}">
  <p><button type="submit">Lưu cài đặt</button></p>
</form>
{{>FOOTER}}
