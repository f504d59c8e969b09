{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<p><a href="/quan-tri/dat-hang">‹ Đặt hàng, giao việc</a></p>
<h1>{{TITLE}}</h1>
{{#ERRORS}}<div class="form-error" role="alert"><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/ERRORS}}
<dl class="facts" data-commission="{{ID}}">
  <dt>Trạng thái</dt><dd><span class="state" data-state="{{STATE_KEY}}">{{STATE}}</span>{{#OVERDUE}} <strong class="overdue">Quá hạn</strong>{{/OVERDUE}}</dd>
  <dt>Loại việc</dt><dd data-kind="{{KIND_KEY}}">{{KIND}}</dd>
  <dt>Giao cho</dt><dd>{{ASSIGNEE}}</dd>
  <dt>Hạn hoàn thành</dt><dd>{{DUE}}</dd>
  <dt>Người giao</dt><dd>{{CREATED_BY}}, {{CREATED_AT}}</dd>
  {{#DELIVERED}}<dt>Giao nộp</dt><dd><a href="/quan-tri/bai-viet/{{ARTICLE_ID}}">{{ARTICLE_TITLE}}</a> (bài số {{ARTICLE_ID}}), {{BY}}, {{AT}}</dd>{{/DELIVERED}}
  {{#CANCELLED}}<dt>Hủy</dt><dd>{{BY}}, {{AT}}</dd><dt>Lý do hủy</dt><dd class="plain-text">{{REASON:none}}</dd>{{/CANCELLED}}
</dl>
<h2>Nội dung yêu cầu</h2>
{{#NO_BRIEF}}<p>Không có nội dung thêm.</p>{{/NO_BRIEF}}
<div class="plain-text">{{BRIEF:none}}</div>
{{#DELIVER}}<section aria-labelledby="h-giao-nop">
  <h2 id="h-giao-nop">Giao nộp</h2>
  <form method="post" action="/quan-tri/dat-hang/{{ID}}/giao-nop">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="c-article">Số bài viết hoặc địa chỉ của bài trong trang quản trị</label>
    <input id="c-article" name="bai-viet" type="text" required maxlength="500" placeholder="/quan-tri/bai-viet/12" value="{{ARTICLE}}">
    <p><button type="submit">Giao nộp</button></p>
  </form>
</section>{{/DELIVER}}
{{#CANCEL}}<section aria-labelledby="h-huy">
  <h2 id="h-huy">Hủy việc đã giao</h2>
  <form method="post" action="/quan-tri/dat-hang/{{ID}}/huy">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="c-reason">Lý do hủy (bắt buộc)</label>
    <textarea id="c-reason" name="ly-do" rows="3" required maxlength="1000">{{REASON:none}}</textarea>
    <p><button type="submit" class="danger">Hủy việc</button></p>
  </form>
</section>{{/CANCEL}}
{{>FOOTER}}
