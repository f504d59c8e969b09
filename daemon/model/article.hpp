#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::model {

// The editorial state (workflow.hpp). Stored as its key; records from before the workflow hold only
// "draft" or "published", which keep their meaning. Only `published` is visible to the public;
// `withdrawn` answers 410 Gone. `awaiting_clarification` (issue 16, Điều 8.2): the board asked the provider
// a question (article_note.hpp) and waits for the answer.
enum class ArticleStatus {
  draft,
  submitted,
  editing,
  awaiting_approval,
  published,
  returned,
  withdrawn,
  scheduled,
  awaiting_clarification,
};
std::string_view to_string(ArticleStatus s);
std::optional<ArticleStatus> parse_article_status(std::string_view s);

// One picture of an article's photo gallery (issue 14), in the order readers see them.
struct GalleryImage {
  std::uint64_t media_id = 0;
  std::string alt{};      // required: what the picture shows, for readers who cannot see it
  std::string caption{};  // shown under the picture; may be empty
  bool operator==(const GalleryImage&) const = default;
};

// A published correction (đính chính). `at` is 0 while the correction waits for approval; publishing
// stamps it, so readers see the day it became public.
struct Correction {
  UnixTime at = 0;
  std::string text{};
  bool operator==(const Correction&) const = default;
};

// What an article carries besides its text (issue 14): a lead image, a gallery, an expiry time and the
// corrections made after publication. Saved with every revision, like the text.
struct ArticleExtras {
  std::uint64_t lead_media_id = 0;  // 0 = no lead image
  std::string lead_alt{};
  std::vector<GalleryImage> gallery{};
  UnixTime unpublish_at = 0;              // 0 = stays published; otherwise the scheduler withdraws it then
  std::vector<Correction> corrections{};  // oldest first; a later correction adds, never replaces
  bool operator==(const ArticleExtras&) const = default;
};

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
  ArticleExtras extras{};
};

// Every media file the article references: links in its body, its lead image and its gallery, sorted,
// without repeats. What makes files public when the article is published (media_uses), and what tells
// an orphan from a used file.
std::vector<std::uint64_t> article_media_ids(const Article& a);
// The media the extras alone reference (lead image and gallery), sorted, without repeats.
std::vector<std::uint64_t> extras_media_ids(const ArticleExtras& e);

}  // namespace portald::model
