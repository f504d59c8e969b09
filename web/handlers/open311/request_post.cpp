// POST /open311/v2/requests.json: files a question exactly as the HTML form does (questions::submit: the
// same checks, sealing, masking, notice of receipt and audit), under the same per-address and global
// limits (SubmissionGuard::admit_api). No cookie is read: a session gives this door no authority, every
// request is an anonymous citizen's. The answer gives the filer the tracking code as the spec's token.
#include "daemon/health/working_days.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/questions/open311.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/questions/submission_guard.hpp"
#include "daemon/store/question_table.hpp"
#include "web/form.hpp"
#include "web/handlers/open311/open311.hpp"

namespace portald::web {
namespace {

namespace o311 = questions::open311;

std::string attribute(const Form& f, std::string_view code) { return f.get("attribute[" + std::string(code) + "]"); }

questions::Submission submission_of(const Form& f, const std::string& field) {
  questions::Submission s;
  s.name = o311::full_name(f.get("first_name"), f.get("last_name"));
  s.email = f.get("email");
  s.phone = f.get("phone");
  s.field = field;
  s.text = f.get("description");
  s.title = attribute(f, o311::kTitleAttribute);
  if (model::trim(s.title).empty()) s.title = o311::derived_title(s.text);
  s.may_publish = attribute(f, o311::kPublishAttribute) == o311::kYes;
  s.consent = attribute(f, o311::kConsentAttribute) == o311::kYes;
  return s;
}

}  // namespace

Response open311_post_request(const Context& ctx, Request& req) {
  if (!ctx.question_guard || !ctx.personal_data_key)
    return open311_errors(503, {"Cổng thông tin tạm thời chưa nhận câu hỏi trực tuyến."});
  const Form form = parse_form(req.header("Content-Type").value_or(""), req.body);
  const std::string code = form.get("service_code");
  questions::Submission s;
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto& t = ctx.store.tables();
    const auto field = o311::field_by_code(store::get_question_settings(txn, t), code);
    if (!field) return open311_errors(400, {code.empty() ? "service_code is required" : "service_code not found"});
    s = submission_of(form, field->name);
    // The fields first (nothing counted against the limits for a request that cannot be stored).
    questions::Submission check = s;
    if (auto errors = questions::check_submission(txn, t, check); !errors.empty()) return open311_errors(400, errors);
  }
  const model::UnixTime now = model::now();
  if (const auto v = ctx.question_guard->admit_api(req.remote_address, now); v != questions::Verdict::ok) {
    Response r = open311_errors(questions::verdict_status(v), {std::string(questions::verdict_message(v))});
    r.headers.emplace_back("Retry-After", "600");
    return r;
  }
  const auto calendar = health::read_calendar(ctx.working_days, ctx.holidays_file);
  const auto result = questions::submit(ctx.store, *ctx.personal_data_key, s, calendar, req.remote_address, now,
                                        {ctx.outbox, ctx.personal_data_key});
  if (!result.errors.empty()) return open311_errors(400, result.errors);
  return open311_json(nlohmann::json::array(
      {{{"service_request_id", std::to_string(result.id)},
        {"token", result.code},
        {"service_notice", "Mã tra cứu " + result.code +
                               " là của riêng người gửi: tra cứu tình trạng tại /hoi-dap/tra-cuu. "
                               "Hạn trả lời dự kiến: " +
                               model::format_iso_date(result.due_day) +
                               ". Câu hỏi xuất hiện trong requests.json khi câu trả lời được công khai."}}}));
}

}  // namespace portald::web
