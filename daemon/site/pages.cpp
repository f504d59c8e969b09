#include "daemon/site/pages.hpp"

#include <algorithm>
#include <tuple>

#include "daemon/media/inline_images.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/page_revision_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::site {
namespace {

using model::PageRevision;
using model::PageRevisionState;

constexpr std::size_t kMaxTitle = 300, kMaxSummary = 1000, kMaxCell = 500, kMaxRows = 500, kMaxReason = 2000;
constexpr std::uint32_t kMaxPosition = 9999;

std::string object_of(std::string_view lang, std::string_view slug) {
  return "page/" + std::string(lang) + "/" + std::string(slug);
}

bool is_web_address(std::string_view v) {
  return v.starts_with("https://") || v.starts_with("http://") || (v.starts_with("/") && !v.starts_with("//"));
}

PageRevision revision_of(std::uint64_t id, std::string_view lang, std::string_view slug, model::PageKind kind,
                         const PageContent& c) {
  PageRevision r;
  r.page_id = id;
  r.lang = std::string(lang);
  r.slug = std::string(slug);
  r.kind = kind;
  r.title = c.title;
  r.summary = c.summary;
  r.body_html = c.body_html;
  r.entries = c.entries;
  r.position = c.position;
  return r;
}

model::SitePage page_of(const PageRevision& r, model::UnixTime now) {
  model::SitePage p;
  p.id = r.page_id;
  p.lang = r.lang;
  p.slug = r.slug;
  p.kind = r.kind;
  p.title = r.title;
  p.summary = r.summary;
  p.body_html = r.body_html;
  p.entries = r.entries;
  p.position = r.position;
  p.updated_at = now;
  return p;
}

// True when the checked content is what `work` holds (bodies compared after sanitising the posted one).
bool same_content(const PageContent& c, const model::SitePage& work, const model::EmbedPolicy& embeds) {
  return c.title == work.title && c.summary == work.summary && c.entries == work.entries &&
         c.position == work.position && model::sanitize_html(c.body_html, embeds) == work.body_html;
}

void audit(store::WriteTxn& txn, const store::Tables& t, model::AuditAction action, const model::Actor& actor,
           model::UnixTime now, std::string_view lang, std::string_view slug, std::string from, std::string to,
           std::string reason = {}) {
  store::append_audit(txn, t, action,
                      {.at = now,
                       .actor = actor.username,
                       .object = object_of(lang, slug),
                       .from = std::move(from),
                       .to = std::move(to),
                       .reason = std::move(reason),
                       .address = actor.address});
}

// Marks every pending revision of `item` superseded (a newer one is about to be written).
void supersede_pending(store::WriteTxn& txn, const store::Tables& t, const PageItem& item) {
  for (auto r : item.revisions)
    if (r.state == PageRevisionState::pending) {
      r.state = PageRevisionState::superseded;
      store::put_page_revision(txn, t, r);
    }
}

// Pasted data: images become media items in the page's own transaction (issue 14); the refusals, one
// per refused image, when one is refused (then nothing is stored).
std::vector<std::string> store_pasted_images(store::WriteTxn& txn, const store::Tables& t, PageContent& content,
                                             const model::Actor& actor, model::UnixTime now) {
  content.body_html = model::sanitize_html(content.body_html, store::get_embed_policy(txn, t));
  auto stored = media::store_inline_images(txn, t, content.body_html, actor, now);
  if (stored.errors.empty()) content.body_html = std::move(stored.html);
  return std::move(stored.errors);
}

std::string revision_text(std::uint32_t n) { return "phiên bản " + std::to_string(n); }

// Approves revision `r` inside the caller's transaction: the page record takes its content.
PageResult approve_in(store::WriteTxn& txn, const store::Tables& t, PageRevision r, const model::Actor& actor,
                      model::UnixTime now) {
  if (const auto other = store::find_site_page(txn, t, r.lang, r.slug); other && other->id != r.page_id)
    return {.refusal = PageRefusal::invalid,
            .id = r.page_id,
            .errors = {"Địa chỉ " + std::string(r.lang == "en" ? "/en/" : "/trang/") + r.slug +
                       " đã có trang khác dùng (được nhập từ tệp trong lúc trang này chờ duyệt)."}};
  const auto before = store::get_site_page(txn, t, r.page_id);
  store::put_site_page(txn, t, page_of(r, now));
  r.state = PageRevisionState::approved;
  r.decided_by = actor.username;
  r.decided_at = now;
  store::put_page_revision(txn, t, r);
  audit(txn, t, model::AuditAction::page_approve, actor, now, r.lang, r.slug, before ? before->title : std::string(),
        r.title + " (" + revision_text(r.number) + ")");
  return {.refusal = PageRefusal::none, .id = r.page_id, .revision = r.number, .published = true};
}

// Writes a pending revision of `item` with `content` (checked), superseding the older pending one, and
// approves it at once when asked by the board. Audited as `action`.
PageResult write_revision(store::WriteTxn& txn, const store::Tables& t, const PageItem& item, PageRevision r,
                          model::AuditAction action, const model::Actor& actor, model::UnixTime now, bool approve) {
  supersede_pending(txn, t, item);
  r.state = PageRevisionState::pending;
  r.saved_by = actor.username;
  r.saved_at = now;
  const std::string lang = r.lang, slug = r.slug, title = r.title, note = r.note;
  const std::uint32_t n = store::add_page_revision(txn, t, r);
  audit(txn, t, action, actor, now, lang, slug, item.live ? item.live->title : std::string(),
        title + " (" + revision_text(n) + ")", note);
  if (approve) {
    auto written = store::get_page_revision(txn, t, item.id, n);
    return approve_in(txn, t, std::move(*written), actor, now);
  }
  return {.refusal = PageRefusal::none, .id = item.id, .revision = n};
}

std::optional<std::string> nfc(std::string& s) {
  auto v = model::to_nfc(s);
  if (!v) return "Nội dung có ký tự không hợp lệ (không phải UTF-8).";
  s = std::move(*v);
  return std::nullopt;
}

}  // namespace

const model::PageRevision* PageItem::pending() const {
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it)
    if (it->state == PageRevisionState::pending) return &*it;
  return nullptr;
}

std::uint32_t PageItem::latest() const { return revisions.empty() ? 0 : revisions.back().number; }

model::SitePage PageItem::work() const {
  if (const auto* p = pending()) {
    auto page = page_of(*p, p->saved_at);
    if (live) page.updated_at = live->updated_at;
    return page;
  }
  if (live) return *live;
  return revisions.empty() ? model::SitePage{} : page_of(revisions.back(), 0);
}

bool may_edit_pages(const model::Actor& actor) { return model::may(actor, model::Action::edit_any_article); }

bool may_approve_pages(const model::Actor& actor) {
  return actor.role && static_cast<bool>(model::check_transition(model::ArticleStatus::awaiting_approval,
                                                                 model::Transition::approve, actor.role, ""));
}

std::optional<PageItem> load_page(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  PageItem item{
      .id = id, .live = store::get_site_page(txn, t, id), .revisions = store::list_page_revisions(txn, t, id)};
  if (!item.live && item.revisions.empty()) return std::nullopt;
  return item;
}

std::vector<PageItem> list_pages(const store::Txn& txn, const store::Tables& t) {
  std::vector<PageItem> out;
  for (auto& p : store::list_site_pages(txn, t)) {
    const std::uint64_t id = p.id;
    out.push_back({.id = id, .live = std::move(p), .revisions = store::list_page_revisions(txn, t, id)});
  }
  for (const std::uint64_t id : store::page_ids_with_revisions(txn, t))
    if (!store::get_site_page(txn, t, id)) out.push_back(*load_page(txn, t, id));
  std::stable_sort(out.begin(), out.end(), [](const PageItem& a, const PageItem& b) {
    const auto wa = a.work(), wb = b.work();
    return std::tie(wa.lang, wa.position, wa.title) < std::tie(wb.lang, wb.position, wb.title);
  });
  return out;
}

std::vector<model::SectionSpec> missing_sections(const store::Txn& txn, const store::Tables& t) {
  const auto pages = list_pages(txn, t);
  std::vector<model::SectionSpec> out;
  for (const auto& spec : model::mandatory_sections()) {
    const bool present = std::any_of(pages.begin(), pages.end(), [&](const PageItem& i) {
      const auto w = i.work();
      return w.lang == spec.lang && w.slug == spec.slug;
    });
    if (!present) out.push_back(spec);
  }
  return out;
}

std::vector<std::string> check_page_content(PageContent& c, model::PageKind kind) {
  std::vector<std::string> errors;
  for (auto* s : {&c.title, &c.summary, &c.body_html})
    if (const auto e = nfc(*s)) {
      errors.push_back(*e);
      break;
    }
  c.title = std::string(model::trim(c.title));
  c.summary = std::string(model::trim(c.summary));
  if (c.title.empty()) errors.push_back("Vui lòng nhập tiêu đề trang.");
  if (model::count_code_points(c.title) > kMaxTitle) errors.push_back("Tiêu đề dài quá 300 ký tự.");
  if (model::count_code_points(c.summary) > kMaxSummary) errors.push_back("Phần tóm tắt dài quá 1000 ký tự.");
  if (c.position > kMaxPosition) errors.push_back("Thứ tự trong menu phải từ 0 đến 9999.");

  const auto& columns = model::page_columns(kind);
  std::vector<std::vector<std::string>> rows;
  bool bad_text = false;
  for (auto row : c.entries) {
    row.resize(columns.size());
    bool blank = true;
    for (auto& cell : row) {
      if (nfc(cell)) bad_text = true;
      cell = std::string(model::trim(cell));
      if (!cell.empty()) blank = false;
    }
    if (!blank) rows.push_back(std::move(row));
  }
  c.entries = std::move(rows);
  if (bad_text) errors.push_back("Các dòng thông tin có ký tự không hợp lệ (không phải UTF-8).");
  if (c.entries.size() > kMaxRows) errors.push_back("Nhiều nhất 500 dòng thông tin trên một trang.");
  for (std::size_t i = 0; i < c.entries.size() && i < kMaxRows; ++i) {
    const std::string line = "Dòng " + std::to_string(i + 1) + ": ";
    const auto& row = c.entries[i];
    if (row[0].empty()) errors.push_back(line + "thiếu “" + std::string(columns[0].label_vi) + "”.");
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const std::string& v = row[k];
      if (model::count_code_points(v) > kMaxCell)
        errors.push_back(line + "“" + std::string(columns[k].label_vi) + "” dài quá 500 ký tự.");
      if (columns[k].key == "url" && !v.empty() && !is_web_address(v))
        errors.push_back(line + "địa chỉ phải bắt đầu bằng https://, http:// hoặc / (một trang của cổng).");
      if (columns[k].key == "email" && !v.empty() && (v.find('@') == std::string::npos || v.find(' ') != v.npos))
        errors.push_back(line + "thư điện tử không hợp lệ.");
    }
  }
  if (model::trim(model::html_to_text(model::sanitize_html(c.body_html))).empty() && c.entries.empty() &&
      model::sanitize_html(c.body_html).find("<img") == std::string::npos)
    errors.push_back(columns.empty() ? "Vui lòng nhập nội dung trang."
                                     : "Vui lòng nhập nội dung trang hoặc ít nhất một dòng thông tin.");
  return errors;
}

PageResult create_page(const store::Store& store, NewPage page, PageContent content, const model::Actor& actor,
                       model::UnixTime now, bool approve) {
  if (!may_edit_pages(actor) || (approve && !may_approve_pages(actor))) return {.refusal = PageRefusal::not_allowed};
  std::vector<std::string> errors;
  if (page.lang != "vi" && page.lang != "en") errors.push_back("Vui lòng chọn ngôn ngữ: tiếng Việt hoặc tiếng Anh.");
  const auto kind = model::parse_page_kind(page.kind);
  if (!kind) errors.push_back("Vui lòng chọn loại trang.");
  auto content_errors = check_page_content(content, kind.value_or(model::PageKind::text));
  errors.insert(errors.end(), content_errors.begin(), content_errors.end());
  const auto typed = model::to_nfc(model::trim(page.slug)).value_or("");
  const std::string slug = model::slugify(typed.empty() ? content.title : typed, 80);
  if (slug.empty() && !content.title.empty())
    errors.push_back("Địa chỉ trang phải có ít nhất một chữ cái hoặc chữ số không dấu, ví dụ: lien-he.");

  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  if (!slug.empty() && (page.lang == "vi" || page.lang == "en")) {
    // Taken by a public page, or by a new page still waiting for its first approval.
    const auto ids = store::page_ids_with_revisions(txn, t);
    const bool taken = store::find_site_page(txn, t, page.lang, slug).has_value() ||
                       std::any_of(ids.begin(), ids.end(), [&](std::uint64_t id) {
                         const auto item = load_page(txn, t, id);
                         const auto w = item->work();
                         return !item->live && w.lang == page.lang && w.slug == slug;
                       });
    if (taken)
      errors.push_back("Địa chỉ " + std::string(page.lang == "en" ? "/en/" : "/trang/") + slug +
                       " đã có trang khác dùng; hãy chọn địa chỉ khác hoặc sửa trang đó.");
  }
  if (errors.empty()) errors = store_pasted_images(txn, t, content, actor, now);
  if (!errors.empty()) return {.refusal = PageRefusal::invalid, .errors = std::move(errors)};
  const std::uint64_t id = store::reserve_page_id(txn, t);
  auto r = revision_of(id, page.lang, slug, *kind, content);
  r.note = "Tạo trang";
  const PageItem fresh{.id = id, .live = std::nullopt, .revisions = {}};
  auto result = write_revision(txn, t, fresh, std::move(r), model::AuditAction::page_create, actor, now, approve);
  if (result.refusal != PageRefusal::none) return result;
  txn.commit();
  return result;
}

PageResult save_page(const store::Store& store, std::uint64_t id, PageContent content, const model::Actor& actor,
                     model::UnixTime now, std::optional<std::uint32_t> base_revision, bool approve) {
  if (!may_edit_pages(actor) || (approve && !may_approve_pages(actor))) return {.refusal = PageRefusal::not_allowed};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto item = load_page(txn, t, id);
  if (!item) return {.refusal = PageRefusal::not_found, .id = id};
  const auto work = item->work();
  if (auto errors = check_page_content(content, work.kind); !errors.empty())
    return {.refusal = PageRefusal::invalid, .id = id, .errors = std::move(errors)};
  const bool same = same_content(content, work, store::get_embed_policy(txn, t));
  if (base_revision && *base_revision != item->latest() && !same)
    return {.refusal = PageRefusal::conflict, .id = id, .revision = item->latest()};
  if (same) {
    const auto* pending = item->pending();
    if (approve && pending) {
      auto result = approve_in(txn, t, *pending, actor, now);
      if (result.refusal == PageRefusal::none) txn.commit();
      return result;
    }
    if (pending) return {.refusal = PageRefusal::none, .id = id, .revision = pending->number};
    return {
        .refusal = PageRefusal::invalid, .id = id, .errors = {"Nội dung không khác bản hiện tại: không có gì để lưu."}};
  }
  if (auto errors = store_pasted_images(txn, t, content, actor, now); !errors.empty())
    return {.refusal = PageRefusal::invalid, .id = id, .errors = std::move(errors)};
  auto result = write_revision(txn, t, *item, revision_of(id, work.lang, work.slug, work.kind, content),
                               model::AuditAction::page_edit, actor, now, approve);
  if (result.refusal != PageRefusal::none) return result;
  txn.commit();
  return result;
}

PageResult approve_page(const store::Store& store, std::uint64_t id, std::uint32_t n, const model::Actor& actor,
                        model::UnixTime now) {
  if (!may_approve_pages(actor)) return {.refusal = PageRefusal::not_allowed, .id = id};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto r = store::get_page_revision(txn, t, id, n);
  if (!r) return {.refusal = PageRefusal::not_found, .id = id};
  if (r->state != PageRevisionState::pending) return {.refusal = PageRefusal::not_pending, .id = id, .revision = n};
  auto result = approve_in(txn, t, std::move(*r), actor, now);
  if (result.refusal == PageRefusal::none) txn.commit();
  return result;
}

PageResult return_page(const store::Store& store, std::uint64_t id, std::uint32_t n, std::string_view reason,
                       const model::Actor& actor, model::UnixTime now) {
  if (!may_approve_pages(actor)) return {.refusal = PageRefusal::not_allowed, .id = id};
  const std::string why(model::trim(model::to_nfc(reason).value_or("")));
  if (why.empty() || model::count_code_points(why) > kMaxReason)
    return {.refusal = PageRefusal::invalid, .id = id, .errors = {"Vui lòng nhập lý do trả lại (tối đa 2000 ký tự)."}};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto r = store::get_page_revision(txn, t, id, n);
  if (!r) return {.refusal = PageRefusal::not_found, .id = id};
  if (r->state != PageRevisionState::pending) return {.refusal = PageRefusal::not_pending, .id = id, .revision = n};
  r->state = PageRevisionState::returned;
  r->decided_by = actor.username;
  r->decided_at = now;
  r->reason = why;
  store::put_page_revision(txn, t, *r);
  audit(txn, t, model::AuditAction::page_return, actor, now, r->lang, r->slug, r->title + " (" + revision_text(n) + ")",
        {}, why);
  txn.commit();
  return {.refusal = PageRefusal::none, .id = id, .revision = n};
}

PageResult restore_page_revision(const store::Store& store, std::uint64_t id, std::uint32_t n,
                                 const model::Actor& actor, model::UnixTime now) {
  if (!may_edit_pages(actor)) return {.refusal = PageRefusal::not_allowed, .id = id};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto item = load_page(txn, t, id);
  auto old = store::get_page_revision(txn, t, id, n);
  if (!item || !old) return {.refusal = PageRefusal::not_found, .id = id};
  PageRevision r = *old;
  r.decided_by.clear();
  r.decided_at = 0;
  r.reason.clear();
  r.note = "Khôi phục từ " + revision_text(n);
  auto result = write_revision(txn, t, *item, std::move(r), model::AuditAction::page_restore, actor, now, false);
  txn.commit();
  return result;
}

void record_public_revision(store::WriteTxn& txn, const store::Tables& t, const model::SitePage& page,
                            const model::Actor& actor, model::UnixTime now, std::string note) {
  PageRevision r;
  r.page_id = page.id;
  r.lang = page.lang;
  r.slug = page.slug;
  r.kind = page.kind;
  r.title = page.title;
  r.summary = page.summary;
  r.body_html = page.body_html;
  r.entries = page.entries;
  r.position = page.position;
  r.state = PageRevisionState::approved;
  r.saved_by = actor.username;
  r.saved_at = now;
  r.decided_by = actor.username;
  r.decided_at = now;
  r.note = std::move(note);
  store::add_page_revision(txn, t, std::move(r));
}

}  // namespace portald::site
