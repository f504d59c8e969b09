// A form posted after its session expired (issue 15, story 3): the login page takes its place and carries
// the posted fields through the login (and the second factor) as hidden inputs; once logged in, the page
// it came from is shown again filled with them, under a fresh CSRF token. Nothing is written on the
// user's behalf: the old session's token is gone, so only a click on the new page may save.
#include <algorithm>

#include "daemon/model/url_encoding.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_view.hpp"
#include "web/links.hpp"

namespace portald::web::admin {
namespace {

constexpr std::string_view kCarryPrefix = "giu.";
constexpr std::string_view kTargetField = "tiep-tuc";

// Paths whose posts are not carried: the login itself, log-outs (nothing to keep) and the autosave
// ping (JSON, answered with 401).
bool never_carried(std::string_view path) {
  return path == "/quan-tri/dang-nhap" || path.starts_with("/quan-tri/dang-xuat") ||
         path.starts_with("/quan-tri/xac-thuc") || path.ends_with("/tu-dong-luu");
}

// Fields that never travel through a login page: the old session's CSRF token and any password.
bool never_carried_field(std::string_view name) {
  return name == "csrf" || name.find("password") != std::string_view::npos ||
         name.find("mat-khau") != std::string_view::npos;
}

// The browser says the form came from this site (Origin's host is the Host asked for; Sec-Fetch-Site is
// same-origin). A client that sends neither (curl, the tests) is taken at its word: no browser omits both.
bool from_this_site(const Request& req) {
  if (const auto site = req.header("Sec-Fetch-Site"); site && *site != "same-origin") return false;
  const auto origin = req.header("Origin");
  if (!origin) return true;
  const auto scheme_end = origin->find("://");
  return scheme_end != std::string_view::npos && origin->substr(scheme_end + 3) == req.header("Host").value_or("");
}

bool wants_json(const Request& req) {
  return req.header("Accept").value_or("").find("application/json") != std::string_view::npos ||
         req.header("Content-Type").value_or("").starts_with("application/json");
}

std::optional<Carried> carried_from(const Request& req) {
  if (!req.header("Content-Type").value_or("").starts_with("application/x-www-form-urlencoded")) return std::nullopt;
  if (!from_this_site(req) || !safe_admin_path(req.path) || never_carried(req.path)) return std::nullopt;
  Carried c{.target = req.path, .fields = {}};
  for (const auto& [name, value] : form_of(req).fields)
    if (!never_carried_field(name)) c.fields.emplace_back(name, value);
  if (c.fields.empty()) return std::nullopt;  // a bare button: nothing to keep
  return c;
}

// "/quan-tri/bai-viet/moi" -> 0, "/quan-tri/bai-viet/12" and ".../12/chuyen" -> 12; else std::nullopt.
std::optional<std::uint64_t> article_target(std::string_view path) {
  constexpr std::string_view prefix = "/quan-tri/bai-viet/";
  if (!path.starts_with(prefix)) return std::nullopt;
  std::string_view rest = path.substr(prefix.size());
  if (rest == "moi") return 0;
  if (rest.ends_with("/chuyen")) rest.remove_suffix(std::string_view("/chuyen").size());
  if (rest.find('/') != std::string_view::npos) return std::nullopt;
  return trailing_id(rest);
}

}  // namespace

bool safe_admin_path(std::string_view path) {
  if (!path.starts_with("/quan-tri/") || path.size() > 200) return false;
  if (path.find("//") != std::string_view::npos || path.find("/.") != std::string_view::npos) return false;
  return std::all_of(path.begin(), path.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '/' || ch == '-' ||
           ch == '_' || ch == '.';
  });
}

Response session_missing(const Context& ctx, const Request& req) {
  if (req.method == "GET" || req.method == "HEAD") {
    // Only GETs come back to where they were; a POST would be replayed without its body.
    return Response::redirect("/quan-tri/dang-nhap?tiep=" + model::url_encode_component(req.path));
  }
  if (wants_json(req)) {
    Response r =
        Response::json(R"({"error":"session","message":"Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."})", 401);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  }
  const auto carried = carried_from(req);
  if (!carried) return Response::redirect("/quan-tri/dang-nhap");
  return login_form(ctx, req, "", "", 401, &*carried);
}

std::optional<Carried> carried_in(const Form& form) {
  Carried c{.target = form.get(kTargetField), .fields = {}};
  if (!safe_admin_path(c.target) || never_carried(c.target)) return std::nullopt;
  for (const auto& [name, value] : form.fields)
    if (name.starts_with(kCarryPrefix) && !never_carried_field(name.substr(kCarryPrefix.size())))
      c.fields.emplace_back(name.substr(kCarryPrefix.size()), value);
  if (c.fields.empty()) return std::nullopt;
  return c;
}

void add_carried(ctemplate::TemplateDictionary& dict, const Carried& c) {
  auto* carry = dict.AddSectionDictionary("CARRY");
  carry->SetValue("TARGET", c.target);
  for (const auto& [name, value] : c.fields) {
    auto* f = carry->AddSectionDictionary("CARRIED");
    f->SetValue("NAME", std::string(kCarryPrefix) + name);
    f->SetValue("VALUE", escape_keeping_lines(value));  // {{VALUE:none}}: line breaks kept
  }
}

Response resume_carried(const Context& ctx, Request& req, const model::User& user, const Carried& c) {
  Form posted;
  for (const auto& [name, value] : c.fields) posted.fields.emplace(name, value);
  const auto article = article_target(c.target);
  if (article)
    if (auto page = article_pages::resume_form(
            ctx, req, user, *article, posted,
            "Nội dung bạn gửi trước khi phiên hết hạn đã được khôi phục. Bấm Lưu để lưu lại."))
      return std::move(*page);
  // Any other form: the same fields, ready to send again with one click.
  ctemplate::TemplateDictionary dict("admin_resume");
  auto* header = fill_admin_layout(dict, ctx, &user, req.session_csrf, "Gửi lại nội dung");
  header->AddSectionDictionary("FLASH")->SetValue(
      "TEXT", "Nội dung bạn gửi trước khi phiên hết hạn đã được khôi phục. Bấm “Gửi lại” để gửi.");
  dict.SetValue("TARGET", c.target);
  for (const auto& [name, value] : c.fields) {
    auto* f = dict.AddSectionDictionary("FIELD");
    f->SetValue("NAME", name);
    f->SetValue("VALUE", escape_keeping_lines(value));  // {{VALUE:none}}
  }
  return render_admin(ctx, "admin_resume", dict);
}

}  // namespace portald::web::admin
