#include "web/handlers/admin/article_extras_form.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "daemon/model/media_link.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/document_table.hpp"
#include "web/links.hpp"

namespace portald::web::admin {
namespace {

std::vector<std::string> all_of(const Form& f, std::string_view name) {
  std::vector<std::string> out;
  const auto [from, to] = f.fields.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

// "2025-06-01T08:30" (or with seconds) from <input type="datetime-local">, in Vietnam time; 0 when empty
// or unreadable.
model::UnixTime local_time(std::string_view v) {
  std::optional<model::UnixTime> t;
  if (v.size() == 16) t = model::parse_rfc3339(std::string(v) + ":00+07:00");
  if (v.size() == 19) t = model::parse_rfc3339(std::string(v) + "+07:00");
  return t.value_or(0);
}

// The gallery as posted: its rows (id, alt, caption, order) without the removed ones, sorted by the order
// typed (stable, so rows left at the same number keep their place), then the pictures ticked to add.
std::vector<model::GalleryImage> posted_gallery(const Form& f) {
  const auto ids = all_of(f, "gallery_id");
  const auto alts = all_of(f, "gallery_alt");
  const auto captions = all_of(f, "gallery_caption");
  const auto orders = all_of(f, "gallery_order");
  std::set<std::uint64_t> removed;
  for (const auto& r : all_of(f, "gallery_remove"))
    if (const auto id = trailing_id(r)) removed.insert(*id);
  std::vector<std::pair<std::uint64_t, model::GalleryImage>> rows;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto id = trailing_id(ids[i]);
    if (!id || removed.contains(*id)) continue;
    const auto order = i < orders.size() ? trailing_id(model::trim(orders[i])) : std::nullopt;
    model::GalleryImage g{.media_id = *id,
                          .alt = i < alts.size() ? alts[i] : std::string(),
                          .caption = i < captions.size() ? captions[i] : std::string()};
    rows.emplace_back(order.value_or(i + 1), std::move(g));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<model::GalleryImage> out;
  for (auto& r : rows) out.push_back(std::move(r.second));
  for (const auto& a : all_of(f, "gallery_add"))
    if (const auto id = trailing_id(a))
      if (std::none_of(out.begin(), out.end(), [&](const auto& g) { return g.media_id == *id; }))
        out.push_back({.media_id = *id, .alt = "", .caption = ""});
  return out;
}

std::string datetime_local(model::UnixTime t) { return t ? model::format_rfc3339(t).substr(0, 16) : std::string(); }

}  // namespace

model::ArticleExtras posted_extras(const Form& f, const std::vector<model::Correction>& kept) {
  model::ArticleExtras e;
  e.lead_media_id = trailing_id(f.get("lead_media")).value_or(0);
  e.lead_alt = std::string(model::trim(f.get("lead_alt")));
  e.gallery = posted_gallery(f);
  e.unpublish_at = local_time(model::trim(f.get("unpublish_at")));
  for (const auto& c : kept)
    if (c.at) e.corrections.push_back(c);
  for (const auto& note : all_of(f, "correction"))
    if (!model::trim(note).empty()) e.corrections.push_back({.at = 0, .text = std::string(model::trim(note))});
  return e;
}

void fill_extras_form(ctemplate::TemplateDictionary& form, const Context& ctx, const model::User& user,
                      const model::ArticleExtras& shown, bool live) {
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  // As on the media page: editors and up pick from the whole library, the others from their uploads.
  const bool all = model::allowed(user.role, model::Action::preview_any);
  auto images = store::list_media(txn, t, 200, all ? "" : user.username);
  std::erase_if(images, [](const auto& m) { return !model::is_image_type(m.content_type); });
  // The chosen pictures stay in the form even when they are older than the newest 200.
  for (const auto id : model::extras_media_ids(shown))
    if (std::none_of(images.begin(), images.end(), [&](const auto& m) { return m.id == id; }))
      if (auto m = store::get_media_info(txn, t, id)) images.push_back(std::move(*m));
  const auto url_of = [&](std::uint64_t id) {
    for (const auto& m : images)
      if (m.id == id) return model::media_path(m.id, m.token, m.file_name);
    return std::string();
  };
  auto* x = form.AddSectionDictionary("EXTRAS");
  x->SetValue("LEAD_ALT", shown.lead_alt);
  if (!shown.lead_media_id) x->ShowSection("NO_LEAD");
  if (images.empty()) x->ShowSection("NO_IMAGES");
  for (const auto& m : images) {
    auto* lead = x->AddSectionDictionary("LEAD_CHOICE");
    lead->SetValue("ID", std::to_string(m.id));
    lead->SetValue("URL", model::media_path(m.id, m.token, m.file_name));
    lead->SetValue("NAME", m.file_name);
    if (m.id == shown.lead_media_id) lead->ShowSection("CHECKED");
    const bool in_gallery =
        std::any_of(shown.gallery.begin(), shown.gallery.end(), [&](const auto& g) { return g.media_id == m.id; });
    if (in_gallery) continue;
    auto* add = x->AddSectionDictionary("GALLERY_CHOICE");
    add->SetValue("ID", std::to_string(m.id));
    add->SetValue("URL", model::media_path(m.id, m.token, m.file_name));
    add->SetValue("NAME", m.file_name);
  }
  for (std::size_t i = 0; i < shown.gallery.size(); ++i) {
    const auto& g = shown.gallery[i];
    auto* row = x->AddSectionDictionary("GALLERY_ROW");
    row->SetValue("ID", std::to_string(g.media_id));
    row->SetValue("N", std::to_string(i + 1));
    row->SetValue("URL", url_of(g.media_id));
    row->SetValue("ALT", g.alt);
    row->SetValue("CAPTION", g.caption);
  }
  x->SetValue("UNPUBLISH_AT", datetime_local(shown.unpublish_at));
  if (!live) return;
  auto* c = x->AddSectionDictionary("CORRECTIONS");
  std::size_t pending = 0;
  for (const auto& k : shown.corrections) {
    if (k.at == 0) {  // not public yet: still the editor's to change
      auto* p = c->AddSectionDictionary("PENDING");
      p->SetValue("N", std::to_string(++pending));
      p->SetValue("TEXT", k.text);
      continue;
    }
    auto* item = c->AddSectionDictionary("PUBLISHED");
    item->SetValue("TEXT", k.text);
    item->SetValue("DATE", model::format_date_vn(k.at));
  }
}

}  // namespace portald::web::admin
