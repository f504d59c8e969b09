// The thread between the editorial board and an article's provider (issue 16, Quy chế Điều 8.2): posting a
// note. Everyone who may view the article may post; a refused note comes back in the form, as typed.
#include "daemon/editorial/article_service.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_view.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"

namespace portald::web::admin::article_note_pages {

Response note_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = trailing_id(req.params.at("id"));
  if (!id) article_not_found();
  const Form form = form_of(req);
  const auto actor = actor_of(user, req);
  const auto r = editorial::post_article_note(ctx.store, *id, form.get("note"), actor, model::now());
  if (r.outcome == editorial::NoteOutcome::not_found) article_not_found();
  if (r.outcome == editorial::NoteOutcome::invalid) {
    std::optional<editorial::Item> item;
    {
      const store::ReadTxn txn = ctx.store.read();
      item = editorial::load_item(txn, ctx.store.tables(), *id);
    }
    if (!item || !editorial::may_view(*item, actor)) article_not_found();
    return editor_page(ctx, req, user, item,
                       {.shown = item->work, .errors = {r.error}, .status = 422, .posted = &form});
  }
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(*id) + "?da-ghi-chu=1#ghi-chu-" +
                            std::to_string(r.seq));
}

}  // namespace portald::web::admin::article_note_pages
