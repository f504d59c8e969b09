#pragma once
// What the admin keeps beside an article: its workflow state and every saved version (store:
// editorial_table.hpp), and the editors' private autosaves (draft_table.hpp). Audit entries and login
// sessions have their own headers.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

// The workflow state of an article. While an article is live (its record is published or withdrawn) the
// record keeps serving readers and `state` is that of the pending version in `work_revision`.
struct EditorialState {
  std::uint64_t article_id = 0;
  ArticleStatus state = ArticleStatus::draft;
  std::string created_by{};         // username of the author (their "bị trả lại" queue)
  std::uint32_t work_revision = 0;  // the revision under work; 0 = the article record itself
  std::string reason{};             // last return/withdraw reason, shown to the author
  std::string last_actor{};
  UnixTime since = 0;         // when `state` was entered (queue age)
  UnixTime scheduled_at = 0;  // set while scheduled
  UnixTime unpublish_at = 0;  // the live record's expiry (its extras.unpublish_at), for the scheduler's scan
};

// One saved version of an article's content.
struct Revision {
  std::uint64_t article_id = 0;
  std::uint32_t number = 0;
  std::string title{};
  std::string summary{};
  std::string body_html{};  // sanitised
  std::uint64_t category_id = 0;
  std::uint64_t agency_id = 0;
  std::string author{};
  bool featured = false;
  std::string saved_by{};
  UnixTime saved_at = 0;
  std::string note{};  // "restored from revision 3", ...
  ArticleExtras extras{};
  // The version's own topic slugs (issue 16: a live article's topics change only when a version is
  // published). Versions saved before that carry none (topics_kept false) and follow the article.
  bool topics_kept = false;
  std::vector<std::string> topics{};
};

// A user's last autosave of an article (store: draft_table.hpp): private to that user, one per user and
// article, overwritten by the next autosave and dropped when they save. Never a revision, never
// published, never in the change log or the search index.
struct Draft {
  std::uint64_t article_id = 0;
  std::string username{};
  std::uint32_t base_revision = 0;  // the work revision the editor had open
  UnixTime saved_at = 0;
  std::string title{};
  std::string summary{};
  std::string body_html{};  // sanitised
  std::uint64_t category_id = 0;
  std::uint64_t agency_id = 0;
  std::string author{};
  bool featured = false;
  std::vector<std::string> topics{};  // slugs ticked
  ArticleExtras extras{};
};

}  // namespace portald::model
