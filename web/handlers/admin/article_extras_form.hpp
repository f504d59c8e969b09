#pragma once
// The article form's lead image, gallery, expiry time and correction note (issue 14): reading them from
// a post and filling the form's part of the editor page. Works without JavaScript: the pictures are
// radio buttons and check boxes over the media library, the gallery's order is a number per row.
#include <ctemplate/template.h>

#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/model/user.hpp"
#include "web/context.hpp"
#include "web/form.hpp"

namespace portald::web::admin {

// The extras a posted editor form asks for. The published ones of `kept` (the corrections of the version
// the form was opened on) come first: the form never posts them back, so no one can edit or drop one.
// Each non-empty "correction" field follows, waiting for approval (at == 0). An unreadable time reads as
// none.
model::ArticleExtras posted_extras(const Form& form, const std::vector<model::Correction>& kept);
// Fills the FORM section's EXTRAS part: the picker of the library's images this user may use (their own
// uploads, or all for editors), the gallery rows, the expiry time, and, on a live article, the corrections
// with a field for a new one.
void fill_extras_form(ctemplate::TemplateDictionary& form, const Context& ctx, const model::User& user,
                      const model::ArticleExtras& shown, bool live);

}  // namespace portald::web::admin
