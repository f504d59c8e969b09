#pragma once
// A logged-in browser stand-in for the admin HTTP tests: keeps the session cookie, reads the CSRF
// token from the pages, passes the TOTP step with codes computed from the enrolment page's secret.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "daemon/auth/totp.hpp"
#include "daemon/model/time.hpp"
#include "daemon/model/url_encoding.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

namespace portald::test {

using Fields = std::vector<std::pair<std::string, std::string>>;

inline std::string encode_form(const Fields& fields) {
  std::string body;
  for (const auto& [k, v] : fields)
    body += (body.empty() ? "" : "&") + model::url_encode_component(k) + "=" + model::url_encode_component(v);
  return body;
}

// A file in a multipart/form-data body.
struct FilePart {
  std::string field;
  std::string name;
  std::string type;
  std::string bytes;
};
inline const std::string kMultipartBoundary = "----portaldtestboundary7MA4YWxk";
// The body of a form that posts files; its Content-Type is multipart_type().
inline std::string encode_multipart(const Fields& fields, const std::vector<FilePart>& files) {
  const std::string& b = kMultipartBoundary;
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  for (const auto& f : files)
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.name +
            "\"\r\nContent-Type: " + f.type + "\r\n\r\n" + f.bytes + "\r\n";
  return body + "--" + b + "--\r\n";
}
inline std::string multipart_type() { return "multipart/form-data; boundary=" + kMultipartBoundary; }

// The value="..." of the first <input name="NAME" ...>.
inline std::string input_value(const std::string& html, const std::string& name) {
  const auto p = html.find("name=\"" + name + "\"");
  if (p == std::string::npos) return {};
  const auto v = html.find("value=\"", p);
  if (v == std::string::npos || v > html.find('>', p)) return {};
  const auto start = v + 7;
  return html.substr(start, html.find('"', start) - start);
}

// Text between `open` and the next '<'.
inline std::string text_after(const std::string& html, const std::string& open) {
  const auto p = html.find(open);
  if (p == std::string::npos) return {};
  const auto start = p + open.size();
  return html.substr(start, html.find('<', start) - start);
}

// "name=value" of a Set-Cookie header for `name`, "" when absent.
inline std::string set_cookie_value(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == "Set-Cookie" && v.starts_with(name + "=")) return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
  return {};
}

inline std::string set_cookie_header(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == "Set-Cookie" && v.starts_with(name + "=")) return v;
  return {};
}

inline bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct AdminClient {
  std::uint16_t port = 0;
  std::string session{};  // cookie value
  std::string csrf{};
  std::string totp_secret{};
  std::int64_t last_step = 0;  // the last TOTP step used
  std::string user_agent{};    // sent with the login when set (the sessions page names the device by it)

  Fields cookie_headers() const {
    return session.empty() ? Fields{} : Fields{{"Cookie", "portald_session=" + session}};
  }
  HttpResponse get(const std::string& target) const {
    return http_request("127.0.0.1", port, "GET", target, cookie_headers());
  }
  HttpResponse post(const std::string& target, Fields fields, bool with_csrf = true) const {
    if (with_csrf) fields.emplace_back("csrf", csrf);
    auto headers = cookie_headers();
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return http_request("127.0.0.1", port, "POST", target, headers, encode_form(fields));
  }
  // The CSRF token the pages of this session carry.
  void refresh_csrf() {
    const auto r = get("/quan-tri");
    BOOST_REQUIRE_MESSAGE(r.status == 200, "dashboard: " << r.status);
    csrf = input_value(r.body, "csrf");
    BOOST_REQUIRE(!csrf.empty());
  }
  // Password step, with `extra` form fields (e.g. next); returns the login POST's answer.
  HttpResponse try_login(const std::string& user, const std::string& password, const Fields& extra = {}) {
    const auto page = http_request("127.0.0.1", port, "GET", "/quan-tri/dang-nhap");
    const std::string login_cookie = set_cookie_value(page, "portald_login");
    const std::string token = input_value(page.body, "csrf");
    Fields fields{{"csrf", token}, {"username", user}, {"password", password}};
    fields.insert(fields.end(), extra.begin(), extra.end());
    Fields headers{{"Cookie", "portald_login=" + login_cookie}, {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!user_agent.empty()) headers.emplace_back("User-Agent", user_agent);
    return http_request("127.0.0.1", port, "POST", "/quan-tri/dang-nhap", headers, encode_form(fields));
  }
  // Full login, including TOTP enrolment or check when the role needs it.
  void login(const std::string& user, const std::string& password) {
    const auto r = try_login(user, password);
    BOOST_REQUIRE_MESSAGE(r.status == 303, "login " << user << ": " << r.status);
    session = set_cookie_value(r, "portald_session");
    BOOST_REQUIRE(!session.empty());
    const std::string next(r.header("Location").value_or(""));
    if (next == "/quan-tri/xac-thuc/dang-ky") {
      const auto page = get(next);
      totp_secret = text_after(page.body, "id=\"totp-secret\">");
      BOOST_REQUIRE(!totp_secret.empty());
      csrf = input_value(page.body, "csrf");
      const auto done = post(next, {{"code", code()}});
      BOOST_REQUIRE_MESSAGE(done.status == 303, "enrol: " << done.status << done.body);
    } else if (next == "/quan-tri/xac-thuc") {
      const auto page = get(next);
      csrf = input_value(page.body, "csrf");
      const auto done = post(next, {{"code", code()}});
      BOOST_REQUIRE_MESSAGE(done.status == 303, "totp: " << done.status);
    }
    refresh_csrf();
  }
  // A fresh code: a code works once, so a second login within the same 30 s uses the next step's code
  // (the server accepts one step of drift either side).
  std::string code() {
    std::int64_t step = model::now() / 30;
    if (step <= last_step) step = last_step + 1;
    last_step = step;
    return auth::totp_code(auth::base32_decode(totp_secret).value(), step * 30);
  }
};

// A demo data dir with one account per editorial role (password kPassword).
inline const std::string kPassword = "mật-khẩu-thử-nghiệm-2025";

struct AdminSite {
  TempDir dir;
  std::filesystem::path data = dir.path / "data";
  AdminSite() {
    const auto init = portaldctl(data, {"init", "--demo"});
    BOOST_REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    // One imported article brings the category "Y tế" and the agency "Sở Y tế".
    const auto f = write_file(
        dir.path, "a.jsonl",
        R"({"id": "c1", "title": "Bài có sẵn", "body_html": "<p>x</p>", "category": "Y tế", "agency": "Sở Y tế", "published_at": "2025-01-02T08:00:00+07:00"})"
        "\n");
    const auto imp = portaldctl(data, {"import", "articles", f.string()});
    BOOST_REQUIRE_MESSAGE(imp.exit_code == 0, imp.err);
    for (const auto& [name, role] : std::vector<std::pair<std::string, std::string>>{{"quantri", "operator"},
                                                                                     {"truongban", "editor-in-chief"},
                                                                                     {"thuky", "secretariat"},
                                                                                     {"phongvien", "reporter"},
                                                                                     {"congtacvien", "contributor"}}) {
      std::vector<std::string> args{"user", "add", "--role", role, "--password-stdin", name};
      if (role == "contributor") args.insert(args.end() - 1, {"--agency", "Sở Y tế"});
      const auto r = portaldctl(data, args, kPassword + "\n");
      BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
  }
};

// The first <option value="N"> of the select with this id.
inline std::string first_option(const std::string& html, const std::string& select_id) {
  const auto p = html.find("id=\"" + select_id + "\"");
  const auto o = html.find("<option value=\"", p);
  const auto start = html.find("<option value=\"", o + 1) + 15;  // skip the "— Chọn —" entry
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace portald::test
