#pragma once
// Surrogate keys (issue 17): what a cached public page shows, as the space-separated keys of its `xkey`
// header (Varnish's xkey module), so that a change purges exactly the pages that show it. Every page
// also carries `site` (the layout: portal name, menus, footer), which a settings or menu change purges.
//   home                     the home page
//   article-<id>             an article's page (and its download)
//   articles                 every page that lists articles (home, sections, topics, feeds, sitemap, API)
//   category-<slug>          a section's (chuyên mục) page
//   document-<id>, documents a legal document's page; every page that lists documents
//   question-<id>, questions a published question's page; every page that lists questions
//   dialogue-<id>, dialogues an online dialogue's page and its live JSON; the list of dialogues
//   pages, topics            site pages (/trang, /en) and topics (chuyên đề)
//   feeds                    RSS feeds, sitemap.xml, robots.txt
//   static                   styles, scripts, fonts (never changed by content)
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/store/change_log.hpp"

namespace portald::web {

// The keys of the page a route pattern ("/tin-tuc/{slug}") renders with these parameters, space
// separated; "" for a pattern that is not a cached public page.
std::string surrogate_keys(std::string_view pattern, const std::map<std::string, std::string, std::less<>>& params);

// The keys whose pages show what these change-log entries changed, each once, space separated (for a
// PURGE with an xkey header); "" when there are none.
std::string purge_keys(const std::vector<store::Change>& changes);

}  // namespace portald::web
