#include "daemon/media/responsive_images.hpp"

#include <charconv>

#include "daemon/model/img_tags.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_variant_table.hpp"

namespace portald::media {
namespace {

// The media id of a src that is exactly a current media address ("/tep/<id>-<token>/<name>").
std::optional<std::uint64_t> media_id_of(std::string_view src) {
  const auto ids = model::media_ids_in(src);
  if (ids.size() != 1 || !src.starts_with("/tep/")) return std::nullopt;
  return ids.front();
}

std::string variant_path(const ResponsiveImage& img, unsigned key) {
  std::string path = model::media_path(img.id, img.token, img.file_name);
  if (key == model::kFullSizeVariant) return path;
  const auto slash = path.rfind('/');
  return path.substr(0, slash) + "/" + std::to_string(key) + "w" + path.substr(slash);
}

void make_responsive(model::ImgTag& tag, const ResponsiveImage& img, std::string_view sizes) {
  const auto& full = img.copies.front();
  std::string srcset;
  for (const auto& c : img.copies) {
    if (!srcset.empty()) srcset += ", ";
    srcset += variant_path(img, c.key) + " " + std::to_string(c.width) + "w";
  }
  tag.set("srcset", srcset);
  tag.set("sizes", sizes);
  // The editor's width wins (the height follows the image's shape); otherwise the natural size.
  const auto given = tag.get("width");
  unsigned width = full.width;
  if (given) std::from_chars(given->data(), given->data() + given->size(), width);  // the sanitiser kept 1..10000
  tag.set("width", std::to_string(width));
  if (!given || !tag.get("height"))
    tag.set("height", std::to_string(full.width ? (std::uint64_t(full.height) * width + full.width / 2) / full.width
                                                : full.height));
  tag.set("loading", "lazy");
  tag.set("decoding", "async");
}

}  // namespace

std::string add_responsive_images(std::string_view html, const ImageLookup& lookup, std::string_view sizes) {
  std::string out;
  std::size_t copied = 0;
  for (auto& tag : model::img_tags(html)) {
    const auto id = media_id_of(tag.get("src").value_or(""));
    const auto img = id ? lookup(*id) : std::nullopt;
    if (!img || img->copies.empty() || img->copies.front().key != model::kFullSizeVariant) continue;
    if (tag.get("src") != model::media_path(img->id, img->token, img->file_name)) continue;
    make_responsive(tag, *img, sizes);
    out.append(html.substr(copied, tag.begin - copied));
    out += tag.to_html();
    copied = tag.end;
  }
  out.append(html.substr(copied));
  return out;
}

ImageLookup store_image_lookup(const store::Txn& txn, const store::Tables& t) {
  return [&txn, &t](std::uint64_t id) -> std::optional<ResponsiveImage> {
    const auto info = store::get_media_info(txn, t, id);
    if (!info) return std::nullopt;
    auto copies = store::list_media_variants(txn, t, id);
    if (copies.empty()) return std::nullopt;
    return ResponsiveImage{.id = id, .token = info->token, .file_name = info->file_name, .copies = std::move(copies)};
  };
}

}  // namespace portald::media
