#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"

namespace portald::model {

// The editorial state (workflow.hpp). Stored as its key; records from before the workflow hold only
// "draft" or "published", which keep their meaning. Only `published` is visible to the public;
// `withdrawn` answers 410 Gone.
enum class ArticleStatus { draft, submitted, editing, awaiting_approval, published, returned, withdrawn, scheduled };
std::string_view to_string(ArticleStatus s);
std::optional<ArticleStatus> parse_article_status(std::string_view s);

struct Article {
  std::uint64_t id = 0;
  std::string source_id;  // the id in the system it was imported from ("" when born here)
  std::string slug;       // ASCII, from the title
  std::string title;
  std::string summary;    // plain text lead (sapo)
  std::string body_html;  // sanitised on the way in
  std::uint64_t category_id = 0;
  std::uint64_t agency_id = 0;  // 0 = none
  std::string author;           // by-line
  ArticleStatus status = ArticleStatus::draft;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  UnixTime published_at = 0;  // 0 while never published
  std::uint32_t revision = 1;
  bool featured = false;  // "Tiêu điểm": an editor's pick for the home page
};

}  // namespace portald::model
