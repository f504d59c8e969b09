// GET /open311/v2/services.json and services/{code}.json: one service per question field (lĩnh vực), and
// the attributes a request posts beside the spec's own fields (consent, title, publish).
#include "daemon/questions/open311.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/store/question_table.hpp"
#include "web/handlers/open311/open311.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

namespace o311 = questions::open311;

nlohmann::json service_json(const model::QuestionField& f, int default_days) {
  const int days = f.deadline_days > 0 ? f.deadline_days : default_days;
  return {{"service_code", o311::service_code(f.name)},
          {"service_name", f.name},
          {"description", "Hỏi đáp, phản ánh kiến nghị về lĩnh vực " + f.name + "; trả lời trong " +
                              std::to_string(days) + " ngày làm việc."},
          {"metadata", true},
          {"type", "realtime"},
          {"keywords", "hỏi đáp, phản ánh, kiến nghị"},
          {"group", "Hỏi đáp"}};
}

nlohmann::json yes_no(std::string_view yes_label) {
  return nlohmann::json::array(
      {{{"key", std::string(o311::kYes)}, {"name", yes_label}}, {{"key", "no"}, {"name", "Không"}}});
}

nlohmann::json attributes() {
  return nlohmann::json::array(
      {{{"variable", true},
        {"code", std::string(o311::kConsentAttribute)},
        {"datatype", "singlevaluelist"},
        {"required", true},
        {"datatype_description", "yes: người gửi đồng ý (Nghị định 13/2023); thiếu hoặc khác yes: không nhận"},
        {"order", 1},
        {"description",
         "Tôi đồng ý để Cổng thông tin xử lý dữ liệu cá nhân của tôi (họ tên, thư điện tử, số "
         "điện thoại) nhằm trả lời câu hỏi này, theo thông báo tại /trang/bao-ve-du-lieu-ca-nhan."},
        {"values", yes_no("Đồng ý")}},
       {{"variable", true},
        {"code", std::string(o311::kTitleAttribute)},
        {"datatype", "string"},
        {"required", false},
        {"datatype_description", "Từ " + std::to_string(questions::kTitleMin) + " đến " +
                                     std::to_string(questions::kTitleMax) +
                                     " ký tự; nếu bỏ trống, tiêu đề lấy từ câu đầu của description"},
        {"order", 2},
        {"description", "Tiêu đề câu hỏi"}},
       {{"variable", true},
        {"code", std::string(o311::kPublishAttribute)},
        {"datatype", "singlevaluelist"},
        {"required", false},
        {"datatype_description", "yes: cho phép công khai câu hỏi (đã che thông tin cá nhân) và câu trả lời"},
        {"order", 3},
        {"description", "Cho phép công khai câu hỏi và câu trả lời"},
        {"values", yes_no("Cho phép")}}});
}

}  // namespace

Response open311_services(const Context& ctx, Request&) {
  const store::ReadTxn txn = ctx.store.read();
  const auto settings = store::get_question_settings(txn, ctx.store.tables());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : settings.fields) list.push_back(service_json(f, settings.default_deadline_days));
  return open311_json(list);
}

Response open311_service(const Context& ctx, Request& req) {
  const std::string code = json_resource(req.params.at("file"));
  const store::ReadTxn txn = ctx.store.read();
  const auto settings = store::get_question_settings(txn, ctx.store.tables());
  if (!o311::field_by_code(settings, code)) throw HttpError(404, "service_code not found");
  return open311_json({{"service_code", code}, {"attributes", attributes()}});
}

}  // namespace portald::web
