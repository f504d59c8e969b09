// The citizen's export of their own data over real HTTP (issue 12, Nghị định 13/2023): the tracking code
// with the e-mail or the phone gives a page and a JSON download holding the contacts, never cached nor
// sent on as a referrer; a wrong pair answers exactly like an unknown code; look-ups are limited per
// address; every export is in the audit log without the contacts.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

const std::string kEmail = "xuat.du.lieu@example.vn";
const std::string kPhone = "0914 555 666";

test::HttpResponse post(std::uint16_t port, const std::string& target, const test::Fields& fields) {
  return test::http_request("127.0.0.1", port, "POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}},
                            test::encode_form(fields));
}

// Files a question through the form; its tracking code.
std::string ask(std::uint16_t port) {
  const auto page = test::http_request("127.0.0.1", port, "GET", "/hoi-dap/gui-cau-hoi");
  const auto r = post(port, "/hoi-dap/gui-cau-hoi",
                      {{"t", test::input_value(page.body, "t")},
                       {"ten", "Phạm Thị Dung"},
                       {"email", kEmail},
                       {"dien-thoai", kPhone},
                       {"linh-vuc", "Y tế"},
                       {"tieu-de", "Hỏi về bảo hiểm y tế"},
                       {"noi-dung", "Tôi muốn hỏi thủ tục gia hạn thẻ bảo hiểm y tế hộ gia đình."},
                       {"dong-y", "1"},
                       {"website", ""}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, r.status << r.body.substr(0, 1000));
  const std::string location(r.header("Location").value_or(""));
  return location.substr(20, location.find('&') - 20);
}

void private_headers(const test::HttpResponse& r) {
  BOOST_TEST(r.header("Cache-Control").value_or("") == "no-store");
  BOOST_TEST(r.header("Referrer-Policy").value_or("") == "no-referrer");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(personal_data_export)

BOOST_AUTO_TEST_CASE(the_code_and_a_contact_give_the_citizens_data_as_a_page_and_a_json_file) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, {"--question-min-fill-time", "0"});
  const auto port = daemon.port();
  const std::string code = ask(port);
  // Linked from the look-up page; the form works without JavaScript (a plain POST).
  BOOST_TEST(has(daemon.get("/hoi-dap/tra-cuu").body, "/hoi-dap/du-lieu-ca-nhan"));
  const auto form = daemon.get("/hoi-dap/du-lieu-ca-nhan");
  BOOST_TEST(form.status == 200);
  private_headers(form);

  const auto page = post(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", code}, {"lien-he", kEmail}, {"dinh-dang", "html"}});
  BOOST_TEST(page.status == 200);
  private_headers(page);
  BOOST_TEST(has(page.body, kEmail));
  BOOST_TEST(has(page.body, kPhone));
  BOOST_TEST(has(page.body, "Phạm Thị Dung"));
  BOOST_TEST(has(page.body, "Đã tiếp nhận"));

  const auto file =
      post(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", code}, {"lien-he", "0914555666"}, {"dinh-dang", "json"}});
  BOOST_TEST(file.status == 200);
  private_headers(file);
  BOOST_TEST(has(std::string(file.header("Content-Disposition").value_or("")), "attachment"));
  const auto j = nlohmann::json::parse(file.body);
  BOOST_TEST(j.at("tracking_code") == code);
  BOOST_TEST(j.at("personal_data").at("email") == kEmail);
  BOOST_TEST(j.at("personal_data").at("phone") == kPhone);
  BOOST_TEST(j.at("history").is_array());

  // Audited, without the contacts.
  AdminClient op{port};
  op.login("quantri", test::kPassword);
  const auto audit = op.get("/quan-tri/nhat-ky.csv");
  BOOST_TEST(audit.status == 200);
  BOOST_TEST(has(audit.body, "question.export"));
  BOOST_TEST(!has(audit.body, kEmail));
  BOOST_TEST(!has(audit.body, "0914"));
}

BOOST_AUTO_TEST_CASE(a_wrong_pair_answers_like_an_unknown_code_and_lookups_are_limited) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, {"--question-min-fill-time", "0"});
  const auto port = daemon.port();
  const std::string code = ask(port);
  const auto wrong = post(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", code}, {"lien-he", "nguoi.khac@example.vn"}});
  const auto unknown = post(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", "AAAA-BBBB-CCCC"}, {"lien-he", kEmail}});
  BOOST_TEST(wrong.status == 404);
  BOOST_TEST(unknown.status == 404);
  private_headers(wrong);
  BOOST_TEST(!has(wrong.body, kPhone));
  // The same words apart from what was typed back into the form.
  auto strip = [](std::string body, const std::string& typed_code, const std::string& typed_contact) {
    for (const auto& s : {typed_code, typed_contact})
      for (auto at = body.find(s); at != std::string::npos; at = body.find(s)) body.erase(at, s.size());
    return body;
  };
  BOOST_TEST(strip(wrong.body, code, "nguoi.khac@example.vn") == strip(unknown.body, "AAAA-BBBB-CCCC", kEmail));
  // 30 look-ups a minute per address (shared with /hoi-dap/tra-cuu), then 429.
  int limited = 0;
  for (int i = 0; i < 32; ++i)
    if (post(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", code}, {"lien-he", "x@example.vn"}}).status == 429) ++limited;
  BOOST_TEST(limited >= 1);
  const auto after = post(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", code}, {"lien-he", kEmail}});
  BOOST_TEST(after.status == 429);
  BOOST_TEST(!has(after.body, kPhone));
}

BOOST_AUTO_TEST_SUITE_END()
