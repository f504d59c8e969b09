#include "daemon/site/settings.hpp"

#include <algorithm>
#include <stdexcept>

#include "daemon/model/footer_facts.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::site {
namespace {

using S = model::SiteSettings;

constexpr SettingField kFields[] = {
    {"portal_name", "Tên cổng thông tin", &S::portal_name, false},
    {"english_name", "Tên tiếng Anh", &S::english_name, false},
    {"locality", "Tên gọi cấp địa phương (tỉnh, thành phố)", &S::locality, false},
    {"governing_agency", "Cơ quan chủ quản", &S::governing_agency, false},
    {"responsible_person", "Người chịu trách nhiệm chính (họ và tên)", &S::responsible_person, false},
    {"responsible_title", "Chức vụ của người chịu trách nhiệm chính", &S::responsible_title, false},
    {"licence", "Số giấy phép (ví dụ 12/GP-TTĐT)", &S::licence, false},
    {"licence_issuer", "Cơ quan cấp giấy phép", &S::licence_issuer, false},
    {"licence_date", "Ngày cấp giấy phép (dd/mm/yyyy)", &S::licence_date, false},
    {"address", "Địa chỉ", &S::address, false},
    {"phone", "Điện thoại", &S::phone, false},
    {"email", "Thư điện tử", &S::email, false},
    {"source_notice", "Ghi chú nguồn tin", &S::source_notice, false},
    {"logo_url", "Địa chỉ biểu trưng (logo)", &S::logo_url, true},
    {"public_url", "Địa chỉ công khai của cổng", &S::public_url, true},
    {"national_service_url", "Cổng Dịch vụ công quốc gia", &S::national_service_url, true},
    {"provincial_service_url", "Cổng dịch vụ công của địa phương", &S::provincial_service_url, true},
    {"national_legal_db_url", "CSDL quốc gia về văn bản pháp luật", &S::national_legal_db_url, true},
    {"data_portal_url", "Cổng dữ liệu mở", &S::data_portal_url, true},
    {"emc_script_url", "Mã theo dõi EMC (địa chỉ https)", &S::emc_script_url, true},
    {"embed_origins", "Nguồn được phép nhúng (video, truyền hình trực tiếp, đối thoại trực tuyến)", &S::embed_origins,
     false},
    {"show_visit_counter", "Hiện số lượt truy cập ở chân trang (đang truy cập, hôm nay, tổng)", &S::show_visit_counter,
     false, true},
    {"show_most_read", "Hiện khối “Đọc nhiều nhất” (7 ngày qua) ở trang chủ", &S::show_most_read, false, true},
    {"mail_agency_reports", "Gửi báo cáo tháng cho từng cơ quan qua thư điện tử (ngày đầu tháng sau)",
     &S::mail_agency_reports, false, true},
    {"show_intake_form", "Nhận tin bài từ tổ chức, cá nhân qua biểu mẫu “Gửi tin bài” (liên kết ở chân trang)",
     &S::show_intake_form, false, true},
};

constexpr std::size_t kMaxValueBytes = 2000;

// Applies one value to `s` (dates are checked against `now`), appending what is wrong with it; an unreadable value
// leaves `s` as it was.
void apply(model::SiteSettings& s, const SettingField& f, std::string_view value, model::UnixTime now,
           std::vector<SettingError>& errors) {
  const auto v = model::to_nfc(value);
  if (!v || v->size() > kMaxValueBytes) {
    errors.push_back({&f, v ? SettingProblem::too_long : SettingProblem::not_utf8, {}});
    return;
  }
  if (f.flag) {
    if (*v == "1" || *v == "0" || v->empty())
      s.*f.member = *v == "1" ? "1" : "";
    else
      errors.push_back({&f, SettingProblem::not_a_flag, {}});
    return;
  }
  if (f.url && !v->empty() && !v->starts_with("https://") && !v->starts_with("http://") && !v->starts_with("/"))
    errors.push_back({&f, SettingProblem::not_a_url, {}});
  if (f.key == "emc_script_url" && !v->empty() && !model::script_origin(*v))
    errors.push_back({&f, SettingProblem::not_a_script_url, {}});
  if (f.key == "embed_origins") {
    // Kept normalised ("https://host[:port]" separated by spaces): the sanitiser and the CSP read it as is.
    auto list = model::parse_embed_origins(*v);
    if (!list.refused.empty()) {
      errors.push_back({&f, SettingProblem::not_an_origin, std::move(list.refused.front())});
      s.*f.member = *v;  // shown again as typed
      return;
    }
    std::string joined;
    for (const auto& o : list.origins) joined += (joined.empty() ? "" : " ") + o;
    s.*f.member = joined;
    return;
  }
  // The footer's facts: each holds the kind of text its line says (model/footer_facts.hpp).
  if (!v->empty() && f.key == "responsible_person" && !model::looks_like_person_name(*v))
    errors.push_back({&f, SettingProblem::not_a_person_name, {}});
  if (!v->empty() && f.key == "licence" && !model::looks_like_licence_number(*v))
    errors.push_back({&f, SettingProblem::not_a_licence_number, {}});
  if (!v->empty() && f.key == "licence_date") {
    const auto iso = model::normalise_date(*v);
    if (!iso || *iso > model::format_iso_date(static_cast<std::int32_t>(now / 86400)))
      errors.push_back({&f, SettingProblem::not_a_past_date, {}});
    else {
      s.*f.member = *iso;
      return;
    }
  }
  s.*f.member = *v;
}

}  // namespace

std::span<const SettingField> setting_fields() { return kFields; }

const SettingField* find_setting(std::string_view key) {
  const auto* f = std::find_if(std::begin(kFields), std::end(kFields), [&](const auto& x) { return x.key == key; });
  return f == std::end(kFields) ? nullptr : f;
}

SettingsResult change_settings(const store::Store& store,
                               const std::vector<std::pair<std::string, std::string>>& values,
                               const model::Actor& actor, model::UnixTime now) {
  SettingsResult r;
  if (!model::may(actor, model::Action::manage_settings)) return {Refusal::not_allowed};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const model::SiteSettings before = store::get_site_settings(txn, t);
  r.settings = before;
  for (const auto& [key, value] : values) {
    const SettingField* f = find_setting(key);
    if (!f) throw std::invalid_argument("unknown setting '" + key + "'");
    apply(r.settings, *f, value, now, r.errors);
  }
  for (const char* required : {"portal_name", "locality"}) {
    const SettingField* f = find_setting(required);
    if ((r.settings.*f->member).empty()) r.errors.push_back({f, SettingProblem::empty_required, {}});
  }
  if (!r.errors.empty()) {
    r.refusal = Refusal::invalid;
    return r;
  }
  store::put_site_settings(txn, t, r.settings);
  for (const auto& f : kFields)
    if (before.*f.member != r.settings.*f.member)
      store::append_audit(txn, t,
                          {.at = now,
                           .actor = actor.username,
                           .action = "settings.site",
                           .object = "settings/" + std::string(f.key),
                           .from = before.*f.member,
                           .to = r.settings.*f.member,
                           .address = actor.address});
  txn.commit();
  return r;
}

}  // namespace portald::site
