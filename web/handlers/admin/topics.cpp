// Topics (chuyên đề): operators create and edit them; editors tick an article's topics in the editor.
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {
namespace {

Response topics_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_topics");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Chuyên đề");
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu chuyên đề.");
  if (req.query_value("loi"))
    header->AddSectionDictionary("ERROR")->SetValue("TEXT", "Vui lòng nhập tên chuyên đề (tối đa 200 ký tự) và mô tả ngắn hơn 2000 ký tự.");
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
  const auto name = model::to_nfc(model::trim(form.get("name")));
  const auto description = model::to_nfc(model::trim(form.get("description")));
  if (!name || name->empty() || model::count_code_points(*name) > 200 || !description || description->size() > 2000)
    return Response::redirect("/quan-tri/chuyen-de?loi=1");
  const std::string slug = model::slugify(form.get("slug").empty() ? *name : form.get("slug"));
  if (slug.empty()) return Response::redirect("/quan-tri/chuyen-de?loi=1");
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  model::Topic topic = store::find_topic(txn, t, slug).value_or(model::Topic{});
  const std::string before = topic.name;
  topic.slug = slug;
  topic.name = *name;
  topic.description = *description;
  topic.featured = form.get("featured") == "1";
  topic.updated_at = model::now();
  const auto id = store::put_topic(txn, t, topic);
  store::append_audit(txn, t, {.actor = me.username, .action = "taxonomy.topic", .object = "topic/" + std::to_string(id),
                               .from = before, .to = *name, .address = client_address(req)});
  txn.commit();
  return Response::redirect("/quan-tri/chuyen-de?da-luu=1");
}

}  // namespace

std::vector<Route> topic_routes(const Context& ctx) {
  const Context* c = &ctx;
  return {
      {"GET", "/quan-tri/chuyen-de", [c](Request& q) { return topics_get(*c, q); }, model::Action::manage_taxonomy},
      {"POST", "/quan-tri/chuyen-de", [c](Request& q) { return topics_post(*c, q); }, model::Action::manage_taxonomy},
  };
}

}  // namespace portald::web::admin
