// Open311 GeoReport v2 over real HTTP against the real daemon (issue 12): a request filed by POST goes
// through the same service as the form, is moved to published by the data centre, the agency and the
// board in the admin, and then every method's answer validates against the GeoReport v2 schema
// (tests/data/open311/, checked by python3-jsonschema); refusals come in the spec's error format and
// store nothing; a flood from one address is throttled; no public answer holds a contact or the code.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

const std::string kEmail = "api.nguoidan@example.vn";
const std::string kPhone = "0913 222 444";
const std::string kDescription =
    "Xin hỏi thủ tục cấp lại giấy phép hành nghề khám bệnh. Liên hệ tôi qua " + kEmail + " hoặc 0913222444.";

// The admin site plus the answerer of Sở Y tế.
struct ApiSite : test::AdminSite {
  ApiSite() {
    const auto r = test::portaldctl(
        data, {"user", "add", "--role", "agency-answerer", "--agency", "Sở Y tế", "--password-stdin", "traloiyte"},
        test::kPassword + "\n");
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
};

// Validates `body` against one definition of the GeoReport v2 schema; the validator's words on failure.
void validate(const std::string& body, const std::string& definition) {
  const test::TempDir dir;
  const auto file = dir.path / "answer.json";
  std::ofstream(file) << body;
  const auto r = test::run_command(
      {"/usr/bin/python3", (test::source_dir() / "tests/support/validate_json.py").string(),
       (test::source_dir() / "tests/data/open311/georeport-v2.schema.json").string(), definition, file.string()});
  BOOST_TEST(r.exit_code == 0, definition << ": " << r.err << "\n" << body.substr(0, 2000));
}

// An answer in the spec's error format with this status.
void expect_error(const test::HttpResponse& r, int status) {
  BOOST_TEST(r.status == status, r.status << " " << r.body.substr(0, 500));
  BOOST_TEST(r.header("Content-Type").value_or("").starts_with("application/json"));
  validate(r.body, "errors");
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields request_fields() {
  return {{"service_code", "y-te"},
          {"description", kDescription},
          {"first_name", "Văn Bình"},
          {"last_name", "Lê"},
          {"email", kEmail},
          {"phone", kPhone},
          {"attribute[consent]", "yes"},
          {"attribute[publish]", "yes"}};
}

test::HttpResponse post(std::uint16_t port, const Fields& fields,
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
  headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return test::http_request("127.0.0.1", port, "POST", "/open311/v2/requests.json", headers, test::encode_form(fields));
}

std::string open_count(test::RunningDaemon& daemon) {
  const auto m = daemon.get("/metrics").body;
  const auto at = m.find("\nportald_questions_open ");
  return at == std::string::npos ? "" : m.substr(at + 24, m.find('\n', at + 1) - at - 24);
}

std::string option_value(const std::string& html, const std::string& label) {
  const auto at = html.find(">" + label + "</option>");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no option " << label);
  const auto start = html.rfind("value=\"", at) + 7;
  return html.substr(start, html.find('"', start) - start);
}

// The data centre assigns to Sở Y tế, the agency answers, the board approves and publishes.
void publish(std::uint16_t port, const std::string& id, const std::string& answer) {
  AdminClient centre{port};
  centre.login("thuky", test::kPassword);
  const auto item = centre.get("/quan-tri/hoi-dap/" + id);
  BOOST_REQUIRE_EQUAL(item.status, 200);
  BOOST_REQUIRE(centre
                    .post("/quan-tri/hoi-dap/" + id + "/buoc",
                          {{"buoc", "assign"}, {"ly-do", ""}, {"co-quan", option_value(item.body, "Sở Y tế")}})
                    .status == 303);
  AdminClient answerer{port};
  answerer.login("traloiyte", test::kPassword);
  BOOST_REQUIRE(answerer.post("/quan-tri/hoi-dap/" + id + "/tra-loi", {{"tra-loi", answer}, {"gui", "1"}}).status ==
                303);
  AdminClient chief{port};
  chief.login("truongban", test::kPassword);
  BOOST_REQUIRE(chief.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "approve"}, {"ly-do", ""}}).status == 303);
  BOOST_REQUIRE(chief.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "publish"}, {"ly-do", ""}}).status == 303);
}

void no_personal_data(const std::string& body, const std::string& code) {
  BOOST_TEST(!has(body, kEmail));
  BOOST_TEST(!has(body, "0913"));
  BOOST_TEST(!has(body, "Lê Văn Bình"));
  BOOST_TEST(!has(body, "Văn Bình"));
  BOOST_TEST(!has(body, code));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open311_api)

BOOST_AUTO_TEST_CASE(a_request_filed_by_post_is_followed_to_published_and_every_answer_validates) {
  ApiSite site;
  test::RunningDaemon daemon(site.data);
  const auto port = daemon.port();

  const auto services = daemon.get("/open311/v2/services.json");
  BOOST_TEST(services.status == 200);
  validate(services.body, "services");
  const auto list = nlohmann::json::parse(services.body);
  BOOST_TEST_REQUIRE(list.size() >= 1u);
  bool y_te = false;
  for (const auto& s : list) y_te = y_te || (s["service_code"] == "y-te" && s["service_name"] == "Y tế");
  BOOST_TEST(y_te);
  const auto definition = daemon.get("/open311/v2/services/y-te.json");
  BOOST_TEST(definition.status == 200);
  validate(definition.body, "service_definition");
  BOOST_TEST(has(definition.body, "\"consent\""));
  expect_error(daemon.get("/open311/v2/services/khong-co.json"), 404);
  expect_error(daemon.get("/open311/v2/services/y-te.xml"), 404);

  // A signed-in editor's cookie on the POST changes nothing: the request is an anonymous citizen's.
  AdminClient editor{port};
  editor.login("phongvien", test::kPassword);
  const auto filed = post(port, request_fields(), editor.cookie_headers());
  BOOST_TEST_REQUIRE(filed.status == 200, filed.body);
  validate(filed.body, "post_response");
  const auto answer = nlohmann::json::parse(filed.body).at(0);
  const std::string id = answer.at("service_request_id"), code = answer.at("token");
  BOOST_TEST(code.size() == 14u);
  // The token is the tracking code the form gives: the citizen's status page knows it.
  BOOST_TEST(daemon.get("/hoi-dap/tra-cuu?ma=" + code).status == 200);
  // Not public yet: the single request reads like one that does not exist, the list is empty.
  expect_error(daemon.get("/open311/v2/requests/" + id + ".json"), 404);
  BOOST_TEST(daemon.get("/open311/v2/requests.json").body == "[]");

  const std::string reply = "Hồ sơ cấp lại nộp tại Bộ phận một cửa của Sở Y tế.";
  publish(port, id, reply);

  const auto all = daemon.get("/open311/v2/requests.json");
  BOOST_TEST(all.status == 200);
  validate(all.body, "requests");
  no_personal_data(all.body, code);
  const auto one = daemon.get("/open311/v2/requests/" + id + ".json");
  BOOST_TEST(one.status == 200);
  validate(one.body, "requests");
  no_personal_data(one.body, code);
  const auto item = nlohmann::json::parse(one.body).at(0);
  BOOST_TEST(item.at("service_request_id") == id);
  BOOST_TEST(item.at("status") == "closed");
  BOOST_TEST(item.at("status_notes") == reply);
  BOOST_TEST(item.at("agency_responsible") == "Sở Y tế");
  BOOST_TEST(item.at("service_code") == "y-te");
  BOOST_TEST(has(item.at("description").get<std::string>(), "[email đã ẩn]"));
  BOOST_TEST(item.at("extended_attributes").at("title") == "Xin hỏi thủ tục cấp lại giấy phép hành nghề khám bệnh");
  BOOST_TEST(one.header("Access-Control-Allow-Origin").value_or("") == "*");

  // Filters: service_code, status, the dates, paging; each answer validates.
  for (const auto& [target, count] : std::vector<std::pair<std::string, std::size_t>>{
           {"/open311/v2/requests.json?service_code=y-te", 1},
           {"/open311/v2/requests.json?status=open", 0},
           {"/open311/v2/requests.json?status=open,closed", 1},
           {"/open311/v2/requests.json?start_date=2099-01-01T00:00:00Z", 0},
           {"/open311/v2/requests.json?end_date=2000-01-01T00:00:00%2B07:00", 0},
           {"/open311/v2/requests.json?service_request_id=" + id, 1},
           {"/open311/v2/requests.json?page=2&page_size=1", 0}}) {
    const auto r = daemon.get(target);
    BOOST_TEST(r.status == 200, target);
    validate(r.body, "requests");
    BOOST_TEST(nlohmann::json::parse(r.body).size() == count, target);
  }
  expect_error(daemon.get("/open311/v2/requests.json?status=pending"), 400);
  expect_error(daemon.get("/open311/v2/requests.json?start_date=yesterday"), 400);
  expect_error(daemon.get("/open311/v2/requests.json?page_size=1000"), 400);
  expect_error(daemon.get("/open311/v2/requests.json?service_code=khong-co"), 400);
  expect_error(daemon.get("/open311/v2/requests/khong-co.json"), 404);
  expect_error(daemon.get("/open311/v2/khong-co.json"), 404);
}

BOOST_AUTO_TEST_CASE(refused_requests_get_the_error_format_and_store_nothing) {
  ApiSite site;
  test::RunningDaemon daemon(site.data);
  const auto port = daemon.port();
  BOOST_TEST(open_count(daemon) == "0");
  auto fields = request_fields();
  fields[0].second = "khong-co";
  expect_error(post(port, fields), 400);
  fields = request_fields();
  fields.erase(fields.begin());  // no service_code at all
  expect_error(post(port, fields), 400);
  // Consent missing, or anything but yes: refused, with the reason in Vietnamese.
  fields = request_fields();
  fields[6].second = "no";
  auto r = post(port, fields);
  expect_error(r, 400);
  BOOST_TEST(has(r.body, "đồng ý"));
  fields.erase(fields.begin() + 6);
  expect_error(post(port, fields), 400);
  // Oversize text (over 5000 characters) and a name over 100.
  fields = request_fields();
  fields[1].second = std::string(6000, 'x');
  expect_error(post(port, fields), 400);
  fields = request_fields();
  fields[2].second = std::string(200, 'a');
  expect_error(post(port, fields), 400);
  // Neither e-mail nor phone.
  fields = request_fields();
  fields[4].second = fields[5].second = "";
  expect_error(post(port, fields), 400);
  BOOST_TEST(open_count(daemon) == "0");
  // The same request, correct, is stored.
  BOOST_TEST(post(port, request_fields()).status == 200);
  BOOST_TEST(open_count(daemon) == "1");
}

BOOST_AUTO_TEST_CASE(a_flood_from_one_address_is_throttled_with_the_forms_budget) {
  ApiSite site;
  test::RunningDaemon daemon(site.data, {"--question-limit-per-address", "3", "--question-min-fill-time", "0"});
  const auto port = daemon.port();
  // One question by the form and two by the API use the address's budget of three.
  const auto page = daemon.get("/hoi-dap/gui-cau-hoi");
  const auto form = test::http_request("127.0.0.1", port, "POST", "/hoi-dap/gui-cau-hoi",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}},
                                       test::encode_form({{"t", test::input_value(page.body, "t")},
                                                          {"ten", "Lê Văn Bình"},
                                                          {"email", kEmail},
                                                          {"dien-thoai", ""},
                                                          {"linh-vuc", "Y tế"},
                                                          {"tieu-de", "Câu hỏi gửi qua biểu mẫu"},
                                                          {"noi-dung", "Nội dung câu hỏi gửi qua biểu mẫu của cổng."},
                                                          {"dong-y", "1"},
                                                          {"website", ""}}));
  BOOST_TEST(form.status == 303);
  BOOST_TEST(post(port, request_fields()).status == 200);
  BOOST_TEST(post(port, request_fields()).status == 200);
  const auto r = post(port, request_fields());
  expect_error(r, 429);
  BOOST_TEST(r.header("Retry-After").has_value());
  BOOST_TEST(open_count(daemon) == "3");
  BOOST_TEST(daemon.get("/open311/v2/services.json").status == 200);  // reading is not throttled
}

BOOST_AUTO_TEST_SUITE_END()
