#include "daemon/media/inline_images.hpp"

#include <optional>

#include "daemon/media/upload.hpp"
#include "daemon/model/img_tags.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/store/document_table.hpp"

namespace portald::media {
namespace {

// Standard base64 (what browsers write in data: URLs); std::nullopt on any other character or when the
// decoded size would pass the media limit (checked before decoding, from the length).
std::optional<std::string> decode_base64(std::string_view in) {
  if (in.size() / 4 * 3 > model::kMaxMediaBytes + 3) return std::nullopt;
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    int v = -1;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else if (c == '=')
      break;
    else
      return std::nullopt;
    buffer = (buffer << 6) | unsigned(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// "data:image/png;base64,AAAA" -> the base64 part; std::nullopt for any other src.
std::optional<std::string_view> inline_payload(std::string_view src) {
  if (!src.starts_with("data:image/")) return std::nullopt;
  const auto comma = src.find(";base64,");
  if (comma == std::string_view::npos) return std::nullopt;
  return src.substr(comma + 8);
}

std::string extension_for(std::string_view content_type) {
  if (content_type == "image/jpeg") return "jpg";
  const auto slash = content_type.find('/');
  return std::string(content_type.substr(slash + 1));
}

struct Pending {
  model::ImgTag tag;
  UploadResult checked;
  std::string bytes;
};

}  // namespace

bool has_inline_images(std::string_view html) {
  for (const auto& tag : model::img_tags(html))
    if (const std::string src = tag.get("src").value_or(""); inline_payload(src)) return true;
  return false;
}

InlineImagesResult store_inline_images(store::WriteTxn& txn, const store::Tables& t, std::string_view html,
                                       const model::Actor& actor, model::UnixTime now) {
  InlineImagesResult r;
  std::vector<Pending> pending;
  std::size_t n = 0;
  for (auto& tag : model::img_tags(html)) {
    const std::string src = tag.get("src").value_or("");  // payload below is a view into it
    const auto payload = inline_payload(src);
    if (!payload) continue;
    ++n;
    const std::string which = "Ảnh dán thứ " + std::to_string(n) + " trong nội dung";
    const auto bytes = decode_base64(*payload);
    if (!bytes) {
      r.errors.push_back(which + " không được nhận: dữ liệu ảnh hỏng hoặc lớn hơn " +
                         std::to_string(model::kMaxMediaBytes >> 20) + " MB.");
      continue;
    }
    const std::string name = "anh-dan-" + std::to_string(n);
    auto checked = check_upload(name, *bytes, actor);
    if (checked.refusal == Refusal::none && !model::is_image_type(checked.content_type))
      checked.refusal = Refusal::unknown_type;
    if (checked.refusal == Refusal::not_allowed) {
      r.errors.push_back(which + " không được nhận: bạn không được tải tệp lên.");
      continue;
    }
    if (checked.refusal != Refusal::none) {
      const std::string why = checked.refusal == Refusal::unknown_type ? "không phải ảnh PNG, JPEG, GIF hoặc WebP."
                                                                       : std::string(refusal_message(checked.refusal));
      r.errors.push_back(which + " không được nhận: " + why);
      continue;
    }
    checked.file_name = name + "." + extension_for(checked.content_type);
    pending.push_back({std::move(tag), std::move(checked), std::move(*bytes)});
  }
  if (!r.errors.empty() || pending.empty()) {
    r.html = std::string(html);
    return r;
  }
  std::size_t copied = 0;
  for (auto& p : pending) {
    const auto id = store_upload(txn, t, p.checked, p.bytes, actor, now);
    const auto info = store::get_media_info(txn, t, id);
    r.html.append(html.substr(copied, p.tag.begin - copied));
    p.tag.set("src", model::media_path(id, info->token, p.checked.file_name));
    r.html += p.tag.to_html();
    copied = p.tag.end;
    ++r.stored;
  }
  r.html.append(html.substr(copied));
  return r;
}

}  // namespace portald::media
