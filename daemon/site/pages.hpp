#pragma once
// The section pages and the English section as the board edits them in the browser (/quan-tri/trang,
// issue 14). An editor's save is a pending revision; the roles that approve articles approve it (or send
// it back with a reason), and only then does the page readers see change, with its "last updated" date.
// Every revision is kept. Each write checks the rule, writes the revision or the page, and appends its
// audit entry in ONE write transaction; making a page public appends the change-log entry (through
// store::put_site_page), so search and the page cache follow. A refusal writes nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/page_revision.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::site {

// What an editor writes on the page form.
struct PageContent {
  std::string title;
  std::string summary;
  std::string body_html;                          // as posted; sanitised on save
  std::vector<std::vector<std::string>> entries;  // rows, cells in page_columns(kind) order; blank rows dropped
  std::uint32_t position = 0;                     // order in menus
};

// What a new page is, as typed: fixed once created.
struct NewPage {
  std::string lang = "vi";  // "vi" or "en"
  std::string slug;         // "" = made from the title; otherwise slugified
  std::string kind = "text";
};

enum class PageRefusal {
  none,
  not_allowed,  // the actor's role may not (edit: editors; approve, return: the board)
  invalid,      // errors says what to correct
  not_found,    // no page (or no revision) with that id
  conflict,     // someone saved a newer revision since the form was opened
  not_pending,  // the revision is no longer pending (approved, returned or superseded meanwhile)
};

struct PageResult {
  PageRefusal refusal = PageRefusal::none;
  std::uint64_t id = 0;
  std::uint32_t revision = 0;         // the revision written or decided; PageRefusal::conflict: the newest
  bool published = false;             // the page readers see changed
  std::vector<std::string> errors{};  // Vietnamese, one per problem
};

// A page with its history: the public record (absent for a page created here and not yet approved) and
// every revision, oldest first.
struct PageItem {
  std::uint64_t id = 0;
  std::optional<model::SitePage> live;
  std::vector<model::PageRevision> revisions;

  const model::PageRevision* pending() const;  // the revision awaiting approval, nullptr when none
  std::uint32_t latest() const;                // the newest revision's number, 0 when none
  // What the editor works on: the pending revision, else the public page, else the newest revision (a
  // new page whose first version was sent back).
  model::SitePage work() const;
};

// Editors of section pages: the roles that edit any article (the board and the secretariat).
bool may_edit_pages(const model::Actor& actor);
// The board: the roles that approve articles (model/workflow.cpp).
bool may_approve_pages(const model::Actor& actor);

std::optional<PageItem> load_page(const store::Txn& txn, const store::Tables& t, std::uint64_t id);
// Every page, public or waiting for its first approval: by language, then position, then title.
std::vector<PageItem> list_pages(const store::Txn& txn, const store::Tables& t);
// The mandatory sections with no page at all yet (public or pending).
std::vector<model::SectionSpec> missing_sections(const store::Txn& txn, const store::Tables& t);

// The content rule: NFC text (normalised in place), a title of 1..300 characters, a summary of at most
// 1000, a body or at least one entry, entries with their first cell filled, addresses that are web
// addresses, e-mail addresses with an @, cells of at most 500 characters, at most 500 rows, a position of
// at most 9999. Blank rows are dropped. Returns what to correct (Vietnamese); empty when it may be saved.
std::vector<std::string> check_page_content(PageContent& content, model::PageKind kind);

// A new page: its first revision, pending (approved at once when `approve` and the actor is of the board).
// Audited as "page.create" (and "page.approve").
PageResult create_page(const store::Store& store, NewPage page, PageContent content, const model::Actor& actor,
                       model::UnixTime now, bool approve = false);
// A new pending revision of page `id` (an older pending one is superseded), approved at once when
// `approve` and the actor is of the board. With a base_revision (the newest revision when the form was
// opened), a save over someone else's newer revision is refused (PageRefusal::conflict) unless the
// content is the same. Content equal to what is under work writes nothing new (with `approve`, the
// pending revision is approved). Audited as "page.edit" (and "page.approve").
PageResult save_page(const store::Store& store, std::uint64_t id, PageContent content, const model::Actor& actor,
                     model::UnixTime now, std::optional<std::uint32_t> base_revision = std::nullopt,
                     bool approve = false);
// The board makes pending revision n public: the page record takes its content and updated_at = now.
PageResult approve_page(const store::Store& store, std::uint64_t id, std::uint32_t n, const model::Actor& actor,
                        model::UnixTime now);
// The board sends pending revision n back with a reason (1..2000 characters); the public page stays.
PageResult return_page(const store::Store& store, std::uint64_t id, std::uint32_t n, std::string_view reason,
                       const model::Actor& actor, model::UnixTime now);
// Revision n's content as a new pending revision ("page.restore").
PageResult restore_page_revision(const store::Store& store, std::uint64_t id, std::uint32_t n,
                                 const model::Actor& actor, model::UnixTime now);

// For imports (portaldctl pages import, already allowed and audited by the caller): keeps the page as
// it is now public as an approved revision, so the history in the admin is whole. `page` as stored.
void record_public_revision(store::WriteTxn& txn, const store::Tables& t, const model::SitePage& page,
                            const model::Actor& actor, model::UnixTime now, std::string note);

}  // namespace portald::site
