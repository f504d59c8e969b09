#pragma once
// The editor page of one article (form, state, transitions, revisions), shared by the handlers that
// show it again after a refused, invalid or conflicting post, a restored draft or a login that resumed
// an expired session.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/editorial/presence.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

// What the editor shows beyond the item itself.
struct EditorView {
  const editorial::Content& shown;                   // the content in the form
  std::vector<std::string> errors{};                 // Vietnamese, one per problem
  int status = 200;                                  // of the answer
  const std::vector<std::string>* topics = nullptr;  // ticked topic slugs to show; nullptr = the article's
  std::optional<std::uint32_t> base_revision{};      // what `shown` is based on; default: the work revision
  bool unsaved = false;                              // `shown` is not what is saved (a refused post, a draft)
  std::vector<std::string> notices{};                // messages shown above the form
  const Form* posted = nullptr;                      // the post shown again: its reasons and schedule time
  std::optional<std::uint32_t> conflict_base{};      // set: someone saved past this base; show both versions
};

// item == std::nullopt: the "new article" form.
Response editor_page(const Context& ctx, const Request& req, const model::User& user,
                     const std::optional<editorial::Item>& item, const EditorView& view);
// The topic slugs ticked in a posted editor form.
std::vector<std::string> posted_topics(const Form& form);
// The editor page of article `id` with one error message.
Response item_message(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                      const std::string& message, int status);
// Adds to `dict` one FIELD section per part of the content that differs between `before` and `after`
// (NAME, and PART sections SAME/DEL/INS with TEXT: a word diff); returns how many differ.
int fill_content_diff(ctemplate::TemplateDictionary& dict, const Context& ctx, const editorial::Content& before,
                      const editorial::Content& after);
// "10:05" today, "10:05 ngày 02/06/2025" on another day (Vietnam time).
std::string clock_text(model::UnixTime t, model::UnixTime now);
// Who has which article open (process-wide; the editor page and its autosave ping report visits).
editorial::Presence& presence();
// "Đang được mở bởi: A (lúc 10:05), B (lúc 10:06)" for the others on article `id` besides `user`; "" when
// nobody else.
std::string presence_text(std::uint64_t id, const model::User& user, model::UnixTime now);

namespace article_pages {  // articles.cpp
// The editor of article `id` (0 = a new one) filled with a post carried through a login, unsaved, with
// `notice`; std::nullopt when this user may not edit it now (the caller offers to send it again instead).
std::optional<Response> resume_form(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                                    const Form& posted, const std::string& notice);
}  // namespace article_pages

}  // namespace portald::web::admin
