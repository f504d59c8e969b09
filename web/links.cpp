#include "web/links.hpp"

#include <charconv>

#include "daemon/model/text.hpp"

namespace portald::web {

std::string article_url(const model::Article& a) {
  return "/tin-tuc/" + (a.slug.empty() ? std::string("bai-viet") : a.slug) + "-" + std::to_string(a.id);
}

std::string category_url(const model::Category& c) { return "/chuyen-muc/" + c.slug; }

std::string topic_url(const model::Topic& t) { return "/chuyen-de/" + t.slug; }

std::string document_url(const model::LegalDocument& d) {
  const std::string slug = model::slugify(d.number, 60);
  return "/van-ban/" + (slug.empty() ? std::string("van-ban") : slug) + "-" + std::to_string(d.id);
}

std::string attachment_url(const model::LegalDocument& d, const model::Attachment& a) {
  return document_url(d) + "/tep/" + std::to_string(a.media_id);
}

std::string site_page_url(const model::SitePage& p) { return (p.lang == "en" ? "/en/" : "/trang/") + p.slug; }

std::string question_url(const model::Question& q) { return "/hoi-dap/" + std::to_string(q.id); }
std::string dialogue_url(const model::Dialogue& d) { return "/doi-thoai/" + std::to_string(d.id); }

std::optional<std::uint64_t> trailing_id(std::string_view segment) {
  const auto dash = segment.rfind('-');
  const std::string_view digits = dash == std::string_view::npos ? segment : segment.substr(dash + 1);
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id == 0) return std::nullopt;
  return id;
}

std::string site_base(const model::SiteSettings& s, const Request& req) {
  std::string base = s.public_url;
  if (base.empty()) {
    // No configured address: use the Host the client asked for, if it is a plain host[:port].
    const std::string_view host = req.header("Host").value_or("localhost");
    const bool plain = !host.empty() && host.size() < 256 &&
                       host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                           std::string_view::npos;
    base = "http://" + std::string(plain ? host : "localhost");
  }
  while (base.ends_with('/')) base.pop_back();
  return base;
}

std::string dialable_number(std::string_view phone) {
  std::string digits;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c == '+' && digits.empty() && i == phone.find_first_not_of(' '))
      digits += c;
    else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')')
      return {};  // a letter, a comma, a slash: not one plain number
  }
  const std::size_t count = digits.size() - (digits.starts_with('+') ? 1 : 0);
  if (count < 3 || count > 15) return {};  // E.164 allows 15 digits; 113, 114, 115 are numbers too
  return digits;
}

}  // namespace portald::web
