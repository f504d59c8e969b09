#pragma once
// An article's pictures for readers (issue 14): its lead image (article page, lists, home page, Open
// Graph, JSON-LD, RSS enclosure), its gallery and its corrections. The lead image becomes HTML in ONE
// place, lead_image_html, so resized variants (srcset) are added there once for every page.
#include <ctemplate/template.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/article.hpp"
#include "daemon/store/store.hpp"

namespace portald::web {

struct LeadImage {
  std::uint64_t media_id = 0;
  std::string path{};  // "/tep/<id>-<token>/<name>" (model::media_path)
  std::string alt{};
  std::string content_type{};
  std::size_t size = 0;
};
// The article's lead image; std::nullopt when it has none or the file is gone.
std::optional<LeadImage> lead_image_of(const store::Txn& txn, const store::Tables& t, const model::Article& a);
// The <img> of a lead image; `css_class` names where it stands ("lead-image", "list-image").
std::string lead_image_html(const LeadImage& image, std::string_view css_class);
// Adds a LEAD_IMAGE section with HTML ({{HTML:none}}) to `item` when the article has a lead image.
void fill_lead_image(ctemplate::TemplateDictionary& item, const store::Txn& txn, const store::Tables& t,
                     const model::Article& a, std::string_view css_class);
// Adds the GALLERY section (IMAGE: URL, ALT, CAPTION) and the CORRECTIONS section (CORRECTION: DATE,
// ISO_DATE, TEXT) of an article page.
void fill_gallery_and_corrections(ctemplate::TemplateDictionary& dict, const store::Txn& txn, const store::Tables& t,
                                  const model::Article& a);

}  // namespace portald::web
