#pragma once
// The editor page of one article (form, state, transitions, revisions), shared by the handlers that
// show it again after a refused or invalid post.
#include <optional>
#include <string>
#include <vector>

#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

// item == std::nullopt: the "new article" form.
Response editor_page(const Context& ctx, const Request& req, const model::User& user,
                     const std::optional<editorial::Item>& item, const editorial::Content& shown,
                     const std::vector<std::string>& errors, int status);
// The editor page of article `id` with one error message.
Response item_message(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                      const std::string& message, int status);

}  // namespace portald::web::admin
