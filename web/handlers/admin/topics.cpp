// Topics (chuyên đề): operators create and edit them; editors tick an article's topics in the editor.
#include "daemon/model/text.hpp"
#include "daemon/site/taxonomy.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace topic_pages {

Response topics_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_topics");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Chuyên đề");
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu chuyên đề.");
  if (req.query_value("loi"))
    header->AddSectionDictionary("ERROR")->SetValue(
        "TEXT", "Vui lòng nhập tên chuyên đề (tối đa 200 ký tự) và mô tả ngắn hơn 2000 ký tự.");
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& tp : store::list_topics(txn, ctx.store.tables())) {
    auto* row = dict.AddSectionDictionary("TOPIC");
    row->SetValue("NAME", tp.name);
    row->SetValue("SLUG", tp.slug);
    row->SetValue("DESCRIPTION", tp.description);
    row->SetValue("COUNT", std::to_string(tp.article_ids.size()));
    if (tp.featured) row->ShowSection("FEATURED");
  }
  return render_admin(ctx, "admin_topics", dict);
}

Response topics_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  const site::TopicChange change{.slug = form.get("slug"),
                                 .name = std::string(model::trim(form.get("name"))),
                                 .description = std::string(model::trim(form.get("description"))),
                                 .featured = form.get("featured") == "1"};
  const auto r = site::save_topic(ctx.store, change, actor_of(me, req), model::now());
  if (r.refusal == site::Refusal::not_allowed) throw HttpError(403, "Bạn không được sửa chuyên đề.");
  return Response::redirect(r.refusal == site::Refusal::none ? "/quan-tri/chuyen-de?da-luu=1"
                                                             : "/quan-tri/chuyen-de?loi=1");
}

}  // namespace topic_pages

}  // namespace portald::web::admin
