#include "web/form.hpp"

namespace portald::web {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void parse_urlencoded(std::string_view body, Form& form) {
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    form.fields.emplace(url_decode(pair.substr(0, eq)),
                        eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1)));
  }
}

// The value of `name="..."` in a Content-Disposition header, "" when absent.
std::string disposition_param(std::string_view header, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  std::size_t p = 0;
  while ((p = header.find(key, p)) != std::string_view::npos) {
    // "filename=" also contains "name=": require a separator before the key.
    if (p == 0 || header[p - 1] == ' ' || header[p - 1] == ';') break;
    ++p;
  }
  if (p == std::string_view::npos) return {};
  const auto start = p + key.size();
  const auto end = header.find('"', start);
  return std::string(header.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

void parse_multipart(std::string_view boundary, std::string_view body, Form& form) {
  const std::string delimiter = "--" + std::string(boundary);
  auto pos = body.find(delimiter);
  while (pos != std::string_view::npos) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return;
    pos += 2;
    const auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return;
    const std::string_view headers = body.substr(pos, headers_end - pos);
    const auto content_start = headers_end + 4;
    const auto next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string_view::npos) return;
    const std::string_view content = body.substr(content_start, next - content_start);
    std::string disposition, type;
    for (std::string_view rest = headers; !rest.empty();) {
      const auto eol = rest.find("\r\n");
      const std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 2);
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string name(line.substr(0, colon));
      for (auto& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (name == "content-disposition") disposition = value;
      if (name == "content-type") type = value;
    }
    const std::string field = disposition_param(disposition, "name");
    if (disposition.find("filename=\"") != std::string::npos)
      form.files.push_back({field, disposition_param(disposition, "filename"), type, std::string(content)});
    else
      form.fields.emplace(field, std::string(content));
    pos = next + 2;
  }
}

}  // namespace

std::string Form::get(std::string_view name) const {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Form parse_form(std::string_view content_type, std::string_view body) {
  Form form;
  if (content_type.starts_with("application/x-www-form-urlencoded")) {
    parse_urlencoded(body, form);
  } else if (content_type.starts_with("multipart/form-data")) {
    const auto b = content_type.find("boundary=");
    if (b == std::string_view::npos) return form;
    std::string_view boundary = content_type.substr(b + 9);
    if (const auto semi = boundary.find(';'); semi != std::string_view::npos) boundary = boundary.substr(0, semi);
    if (boundary.size() >= 2 && boundary.front() == '"') boundary = boundary.substr(1, boundary.size() - 2);
    if (!boundary.empty() && boundary.size() <= 70) parse_multipart(boundary, body, form);
  }
  return form;
}

}  // namespace portald::web
