#include "daemon/model/permissions.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {
namespace {

struct NavItem {
  model::Action action;
  const char* url;
  const char* label;
};

constexpr NavItem kNav[] = {
    {.action = model::Action::write_article, .url = "/quan-tri/bai-viet/moi", .label = "Viết bài"},
    {.action = model::Action::view_queues, .url = "/quan-tri/bai-viet", .label = "Tất cả bài viết"},
    {.action = model::Action::view_queues, .url = "/quan-tri/hang-doi/cho-bien-tap", .label = "Chờ biên tập"},
    {.action = model::Action::view_queues, .url = "/quan-tri/hang-doi/cho-duyet", .label = "Chờ duyệt"},
    {.action = model::Action::view_queues, .url = "/quan-tri/lich-bien-tap", .label = "Lịch biên tập"},
    {.action = model::Action::commission, .url = "/quan-tri/dat-hang", .label = "Đặt hàng, giao việc"},
    {.action = model::Action::write_article, .url = "/quan-tri/hang-doi/bi-tra-lai", .label = "Bị trả lại"},
    {.action = model::Action::write_article, .url = "/quan-tri/hang-doi/cho-lam-ro", .label = "Chờ làm rõ"},
    {.action = model::Action::write_article, .url = "/quan-tri/van-ban", .label = "Văn bản"},
    {.action = model::Action::edit_any_article, .url = "/quan-tri/trang", .label = "Trang chuyên mục"},
    {.action = model::Action::handle_questions, .url = "/quan-tri/hoi-dap", .label = "Hỏi đáp"},
    {.action = model::Action::manage_dialogues, .url = "/quan-tri/doi-thoai", .label = "Đối thoại trực tuyến"},
    {.action = model::Action::upload_media, .url = "/quan-tri/thu-vien", .label = "Thư viện"},
    {.action = model::Action::view_audit, .url = "/quan-tri/nhat-ky", .label = "Nhật ký"},
    {.action = model::Action::manage_users, .url = "/quan-tri/nguoi-dung", .label = "Tài khoản"},
    {.action = model::Action::view_board, .url = "/quan-tri/ban-bien-tap", .label = "Ban biên tập"},
    {.action = model::Action::manage_taxonomy, .url = "/quan-tri/danh-muc", .label = "Danh mục"},
    {.action = model::Action::manage_taxonomy, .url = "/quan-tri/chuyen-de", .label = "Chuyên đề"},
    {.action = model::Action::manage_settings, .url = "/quan-tri/cai-dat", .label = "Cài đặt"},
    {.action = model::Action::view_status, .url = "/quan-tri/trang-thai", .label = "Trạng thái hệ thống"},
    {.action = model::Action::view_reports, .url = "/quan-tri/bao-cao", .label = "Báo cáo"},
    {.action = model::Action::view_reports, .url = "/quan-tri/thong-ke", .label = "Thống kê truy cập"},
    {.action = model::Action::view_reports, .url = "/quan-tri/nhuan-but", .label = "Nhuận bút"},
    {.action = model::Action::view_reports, .url = "/quan-tri/tu-kiem-tra", .label = "Tự kiểm tra"},
    {.action = model::Action::remove_orphan_media, .url = "/quan-tri/tep-tin/khong-dung", .label = "Tệp không dùng"},
};

}  // namespace

ctemplate::TemplateDictionary* fill_admin_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                                 const model::User* user, const std::string& csrf,
                                                 std::string_view title) {
  std::string portal;
  std::string embed_origins;  // for the editor's embed form (admin-embed.js), issue 14
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto settings = store::get_site_settings(txn, ctx.store.tables());
    portal = ctx.site_name.empty() ? settings.portal_name : ctx.site_name;
    embed_origins = settings.embed_origins;
  }
  auto* header = dict.AddIncludeDictionary("HEADER");
  header->SetFilename("admin_header.tpl");
  auto* footer = dict.AddIncludeDictionary("FOOTER");
  footer->SetFilename("admin_footer.tpl");
  header->SetValue("PAGE_TITLE", std::string(title));
  header->SetValue("PORTAL_NAME", portal);
  header->SetValue("EMBED_ORIGINS", embed_origins);
  dict.SetValue("CSRF", csrf);
  dict.SetValue("PAGE_TITLE", std::string(title));
  if (!user) return header;
  auto* who = header->AddSectionDictionary("USER");
  who->SetValue("DISPLAY_NAME", user->display_name.empty() ? user->username : user->display_name);
  who->SetValue("ROLE_LABEL", std::string(model::role_label(user->role)));
  who->SetValue("CSRF", csrf);
  for (const auto& item : kNav) {
    if (!model::allowed(user->role, item.action)) continue;
    auto* nav = who->AddSectionDictionary("NAV");
    nav->SetValue("URL", item.url);
    nav->SetValue("LABEL", item.label);
  }
  return header;
}

Response render_admin(const Context& ctx, std::string_view name, const ctemplate::TemplateDictionary& dict,
                      int status) {
  Response r = Response::html(ctx.templates.render(name, dict), status);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

std::string escape_keeping_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': out += "&#13;"; break;  // the parser would turn a raw CR into LF
      case '\n': out += i == 0 ? "&#10;" : "\n"; break;
      default: out += s[i];
    }
  }
  return out;
}

std::string age_text(model::UnixTime s) {
  if (s < 0) s = 0;
  if (s < 3600) return std::to_string(s / 60) + " phút";
  if (s < 86400) return std::to_string(s / 3600) + " giờ";
  return std::to_string(s / 86400) + " ngày";
}

std::string person_name(const Context& ctx, const std::string& username) {
  const store::ReadTxn txn = ctx.store.read();
  const auto u = store::get_user(txn, ctx.store.tables(), username);
  if (!u || u->display_name.empty()) return username;
  return u->display_name + " (" + username + ")";
}

}  // namespace portald::web::admin
