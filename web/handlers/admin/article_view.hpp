#pragma once
// The editor page of one article (form, state, transitions, revisions), shared by the handlers that
// show it again after a refused or invalid post.
#include <optional>
#include <string>
#include <vector>

#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

// item == std::nullopt: the "new article" form. topics: the ticked topic slugs to show (after a refused
// post); nullptr = the article's current topics.
Response editor_page(const Context& ctx, const Request& req, const model::User& user,
                     const std::optional<editorial::Item>& item, const editorial::Content& shown,
                     const std::vector<std::string>& errors, int status,
                     const std::vector<std::string>* topics = nullptr);
// The topic slugs ticked in a posted editor form.
std::vector<std::string> posted_topics(const Form& form);
// The editor page of article `id` with one error message.
Response item_message(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                      const std::string& message, int status);

}  // namespace portald::web::admin
