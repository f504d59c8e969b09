#include "web/handlers/public/article_media.hpp"

#include "daemon/media/responsive_images.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/document_table.hpp"

namespace portald::web {
namespace {

std::string attribute(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::optional<store::MediaInfo> image_info(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  auto m = id ? store::get_media_info(txn, t, id) : std::nullopt;
  if (!m || !model::is_image_type(m->content_type)) return std::nullopt;
  return m;
}

}  // namespace

std::optional<LeadImage> lead_image_of(const store::Txn& txn, const store::Tables& t, const model::Article& a) {
  const auto m = image_info(txn, t, a.extras.lead_media_id);
  if (!m) return std::nullopt;
  return LeadImage{.media_id = m->id,
                   .path = model::media_path(m->id, m->token, m->file_name),
                   .alt = a.extras.lead_alt,
                   .content_type = m->content_type,
                   .size = m->size};
}

std::string lead_image_html(const LeadImage& image, std::string_view css_class) {
  return "<img class=\"" + attribute(css_class) + "\" src=\"" + attribute(image.path) + "\" alt=\"" +
         attribute(image.alt) + "\" loading=\"lazy\" decoding=\"async\">";
}

void fill_lead_image(ctemplate::TemplateDictionary& item, const store::Txn& txn, const store::Tables& t,
                     const model::Article& a, std::string_view css_class) {
  const auto image = lead_image_of(txn, t, a);
  if (!image) return;
  // The resized copies (srcset): list thumbnails are small, the article's own lead image is page wide.
  const std::string_view sizes = css_class == "list-image" ? "8rem" : media::kBodyImageSizes;
  item.AddSectionDictionary("LEAD_IMAGE")
      ->SetValue("HTML", media::add_responsive_images(lead_image_html(*image, css_class),
                                                      media::store_image_lookup(txn, t), sizes));
}

void fill_gallery_and_corrections(ctemplate::TemplateDictionary& dict, const store::Txn& txn, const store::Tables& t,
                                  const model::Article& a) {
  ctemplate::TemplateDictionary* gallery = nullptr;
  const auto lookup = media::store_image_lookup(txn, t);
  for (const auto& g : a.extras.gallery) {
    const auto m = image_info(txn, t, g.media_id);
    if (!m) continue;
    if (!gallery) gallery = dict.AddSectionDictionary("GALLERY");
    auto* image = gallery->AddSectionDictionary("IMAGE");
    const std::string path = model::media_path(m->id, m->token, m->file_name);
    image->SetValue("URL", path);
    // Grid cells are a full column on a phone and about 24rem at most on a desktop: the browser picks a copy.
    image->SetValue("HTML", media::add_responsive_images(lead_image_html({.path = path, .alt = g.alt}, "gallery-image"),
                                                         lookup, "(max-width: 40rem) 100vw, 24rem"));
    if (!g.caption.empty()) image->AddSectionDictionary("CAPTION")->SetValue("TEXT", g.caption);
  }
  ctemplate::TemplateDictionary* corrections = nullptr;
  for (const auto& c : a.extras.corrections) {
    if (c.at == 0) continue;  // not approved yet
    if (!corrections) corrections = dict.AddSectionDictionary("CORRECTIONS");
    auto* item = corrections->AddSectionDictionary("CORRECTION");
    item->SetValue("DATE", model::format_date_vn(c.at));
    item->SetValue("ISO_DATE", model::format_rfc3339(c.at));
    item->SetValue("TEXT", c.text);
  }
}

}  // namespace portald::web
