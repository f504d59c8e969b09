#include "daemon/editorial/article_service.hpp"

#include <algorithm>

#include "daemon/editorial/article_topics.hpp"
#include "daemon/editorial/unit_rights.hpp"
#include "daemon/media/inline_images.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/draft_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"

namespace portald::editorial {
namespace {

// The transition's form rules, checked before any transaction: "" when they hold.
std::string transition_form_error(model::Transition tr, std::string_view reason, model::UnixTime scheduled_at,
                                  model::UnixTime now) {
  if (tr == model::Transition::schedule && scheduled_at <= now)
    return "Vui lòng chọn thời điểm xuất bản trong tương lai.";
  if (model::count_code_points(reason) > 2000) return "Lý do dài quá 2000 ký tự.";
  return "";
}

// Pasted data: images become media items in this transaction (issue 14); false with the errors when
// one is refused, and then nothing is stored.
bool store_pasted_images(store::WriteTxn& txn, const store::Tables& t, Content& content, const Actor& actor,
                         model::UnixTime now, std::vector<std::string>& errors) {
  content.body_html = model::sanitize_html(content.body_html, store::get_embed_policy(txn, t));
  auto inline_images = media::store_inline_images(txn, t, content.body_html, actor, now);
  if (!inline_images.errors.empty()) {
    errors = std::move(inline_images.errors);
    return false;
  }
  content.body_html = std::move(inline_images.html);
  return true;
}

// The content rules and the actor's unit rights (issue 16), every problem at once. A contributor's content
// without an agency is attributed to its own first.
std::vector<std::string> content_errors(const store::Txn& txn, const store::Tables& t, Content& content,
                                        const Actor& actor, model::UnixTime now) {
  attribute_to_own_agency(content, actor);
  auto errors = check_content(txn, t, content, now);
  for (auto& e : unit_rights_errors(txn, t, content, actor)) errors.push_back(std::move(e));
  return errors;
}

// Someone saved a newer version than the editor's base, and this content would replace it.
bool overtaken(const store::Txn& txn, const store::Tables& t, const Item& item, const Content& content,
               std::optional<std::uint32_t> base) {
  return base && *base != item.state.work_revision &&
         !same_content(content, item.work, store::get_embed_policy(txn, t));
}

// The lead image or a gallery picture may be one the article already has, one already public, any for
// those who may preview everything, else only the actor's own upload (the picker shows the same).
bool may_pick_picture(const store::Txn& txn, const store::Tables& t, const std::optional<Item>& item,
                      std::uint64_t media_id, const Actor& actor) {
  if (item) {
    for (const auto* extras : {&item->article.extras, &item->work.extras}) {
      const auto ids = model::extras_media_ids(*extras);
      if (std::find(ids.begin(), ids.end(), media_id) != ids.end()) return true;
    }
  }
  if (store::media_in_public_use(txn, t, media_id) || model::may(actor, model::Action::preview_any)) return true;
  const auto m = store::get_media_info(txn, t, media_id);
  return m && !m->owner.empty() && m->owner == actor.username;
}

// A picture becomes public with the article: only one the author may already see (issue 16).
std::vector<std::string> picture_errors(const store::Txn& txn, const store::Tables& t, const std::optional<Item>& item,
                                        const Content& content, const Actor& actor) {
  std::vector<std::string> errors;
  for (const std::uint64_t media_id : model::extras_media_ids(content.extras))
    if (!may_pick_picture(txn, t, item, media_id, actor))
      errors.push_back("Một ảnh đã chọn (mã " + std::to_string(media_id) +
                       ") không có trong những ảnh bạn được dùng: hãy chọn ảnh bạn đã tải lên.");
  return errors;
}

}  // namespace

void check_extras(const store::Txn& txn, const store::Tables& t, model::ArticleExtras& e, model::UnixTime now,
                  std::vector<std::string>& errors) {
  const auto is_image = [&](std::uint64_t id) {
    const auto m = store::get_media_info(txn, t, id);
    return m && model::is_image_type(m->content_type);
  };
  const auto nfc = [&](std::string& s) { s = model::to_nfc(model::trim(s)).value_or(""); };
  nfc(e.lead_alt);
  if (e.lead_media_id) {
    if (!is_image(e.lead_media_id)) errors.push_back("Ảnh đại diện đã chọn không có trong thư viện ảnh.");
    if (e.lead_alt.empty()) errors.push_back("Vui lòng nhập mô tả ảnh đại diện (văn bản thay thế).");
  }
  if (model::count_code_points(e.lead_alt) > 500) errors.push_back("Mô tả ảnh đại diện dài quá 500 ký tự.");
  if (e.gallery.size() > 60) errors.push_back("Bộ ảnh có nhiều hơn 60 ảnh.");
  for (std::size_t i = 0; i < e.gallery.size(); ++i) {
    auto& g = e.gallery[i];
    nfc(g.alt);
    nfc(g.caption);
    const std::string which = "Ảnh số " + std::to_string(i + 1) + " của bộ ảnh";
    if (!is_image(g.media_id)) errors.push_back(which + " không có trong thư viện ảnh.");
    if (g.alt.empty()) errors.push_back(which + " chưa có mô tả (văn bản thay thế).");
    if (model::count_code_points(g.alt) > 500) errors.push_back(which + ": mô tả dài quá 500 ký tự.");
    if (model::count_code_points(g.caption) > 1000) errors.push_back(which + ": chú thích dài quá 1000 ký tự.");
  }
  if (e.unpublish_at && e.unpublish_at <= now) errors.push_back("Thời điểm gỡ bài phải ở trong tương lai.");
  for (auto& c : e.corrections) {
    if (c.at) continue;  // published corrections are kept as they are
    nfc(c.text);
    if (model::count_code_points(c.text) > 2000) errors.push_back("Nội dung đính chính dài quá 2000 ký tự.");
  }
  std::erase_if(e.corrections, [](const model::Correction& c) { return c.at == 0 && c.text.empty(); });
}

std::vector<std::string> check_content(const store::Txn& txn, const store::Tables& t, Content& c, model::UnixTime now) {
  std::vector<std::string> errors;
  for (auto* s : {&c.title, &c.summary, &c.author, &c.body_html})
    if (const auto nfc = model::to_nfc(*s))
      *s = *nfc;
    else
      errors.push_back("Nội dung có ký tự không hợp lệ (không phải UTF-8).");
  if (c.title.empty()) errors.push_back("Vui lòng nhập tiêu đề.");
  if (model::count_code_points(c.title) > 300) errors.push_back("Tiêu đề dài quá 300 ký tự.");
  if (model::count_code_points(c.summary) > 1000) errors.push_back("Sapo dài quá 1000 ký tự.");
  if (model::count_code_points(c.author) > 200) errors.push_back("Tên tác giả dài quá 200 ký tự.");
  if (model::trim(c.body_html).empty()) errors.push_back("Vui lòng nhập nội dung bài viết.");
  if (!store::get_category(txn, t, c.category_id)) errors.push_back("Vui lòng chọn chuyên mục.");
  if (c.agency_id && !store::get_agency(txn, t, c.agency_id)) errors.push_back("Cơ quan đã chọn không tồn tại.");
  check_extras(txn, t, c.extras, now, errors);
  return errors;
}

SaveResult save_article(const store::Store& store, std::uint64_t id, Content content,
                        const std::vector<std::string>& topic_slugs, const Actor& actor, model::UnixTime now,
                        std::optional<std::uint32_t> base_revision) {
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  if (auto errors = content_errors(txn, t, content, actor, now); !errors.empty())
    return {.refusal = SaveRefusal::invalid, .id = id, .errors = std::move(errors)};
  const std::optional<Item> item = id != 0 ? load_item(txn, t, id) : std::nullopt;
  if (item && overtaken(txn, t, *item, content, base_revision))
    return {.refusal = SaveRefusal::conflict, .id = id, .revision = item->state.work_revision};
  if (auto errors = picture_errors(txn, t, item, content, actor); !errors.empty())
    return {.refusal = SaveRefusal::invalid, .id = id, .errors = std::move(errors)};
  if (std::vector<std::string> errors; !store_pasted_images(txn, t, content, actor, now, errors))
    return {.refusal = SaveRefusal::invalid, .id = id, .errors = std::move(errors)};
  content.topics = topic_slugs;  // applied now, or on publication for a live article (save_content)
  const auto saved = save_content(txn, t, id, std::move(content), actor, now);
  if (saved.refusal != SaveRefusal::none) return saved;
  store::delete_draft(txn, t, saved.id, actor.username);
  txn.commit();
  return saved;
}

SaveTransitionResult save_and_transition(const store::Store& store, std::uint64_t id, Content content,
                                         const std::vector<std::string>& topic_slugs,
                                         std::optional<std::uint32_t> base_revision, model::Transition tr,
                                         const Actor& actor, std::string_view reason, model::UnixTime scheduled_at,
                                         model::UnixTime now, const mail::Outbox& outbox) {
  SaveTransitionResult r{.save = {.id = id}};
  if (auto error = transition_form_error(tr, reason, scheduled_at, now); !error.empty()) {
    r.transition = {.outcome = Outcome::invalid, .error = std::move(error)};
    return r;
  }
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto item = load_item(txn, t, id);
  if (!item) {
    r.save.refusal = SaveRefusal::not_found;
    return r;
  }
  if (auto errors = content_errors(txn, t, content, actor, now); !errors.empty()) {
    r.save = {.refusal = SaveRefusal::invalid, .id = id, .errors = std::move(errors)};
    return r;
  }
  if (overtaken(txn, t, *item, content, base_revision)) {
    r.save = {.refusal = SaveRefusal::conflict, .id = id, .revision = item->state.work_revision};
    return r;
  }
  if (auto errors = picture_errors(txn, t, item, content, actor); !errors.empty()) {
    r.save = {.refusal = SaveRefusal::invalid, .id = id, .errors = std::move(errors)};
    return r;
  }
  const bool changed = !same_content(content, item->work, store::get_embed_policy(txn, t)) ||
                       !same_topics(txn, t, topics_of_work(txn, t, *item), topic_slugs);
  const auto save = [&] {
    if (!changed) return true;
    if (std::vector<std::string> errors; !store_pasted_images(txn, t, content, actor, now, errors)) {
      r.save = {.refusal = SaveRefusal::invalid, .id = id, .revision = 0, .errors = std::move(errors)};
      return false;
    }
    content.topics = topic_slugs;
    r.save = save_content(txn, t, id, std::move(content), actor, now);
    if (r.save.refusal != SaveRefusal::none) return false;
    store::delete_draft(txn, t, id, actor.username);
    return true;
  };
  const auto take = [&] {
    r.transition = take_transition(txn, t, id, tr, actor, reason, scheduled_at, now, outbox);
    return r.transition.outcome == Outcome::done;
  };
  // Dropping the transaction unwritten is the refusal path: nothing half done is ever committed.
  const bool ok = tr == model::Transition::withdraw ? take() && save() : save() && take();
  if (ok) txn.commit();
  return r;
}

TransitionResult transition_article(const store::Store& store, std::uint64_t id, model::Transition tr,
                                    const Actor& actor, std::string_view reason, model::UnixTime scheduled_at,
                                    model::UnixTime now, const mail::Outbox& outbox) {
  if (auto error = transition_form_error(tr, reason, scheduled_at, now); !error.empty())
    return {.outcome = Outcome::invalid, .error = std::move(error)};
  store::WriteTxn txn = store.write();
  const auto r = take_transition(txn, store.tables(), id, tr, actor, reason, scheduled_at, now, outbox);
  if (r.outcome == Outcome::done) txn.commit();
  return r;
}

NoteResult post_article_note(const store::Store& store, std::uint64_t id, std::string_view text, const Actor& actor,
                             model::UnixTime now) {
  store::WriteTxn txn = store.write();
  auto r = add_note(txn, store.tables(), id, text, actor, now);
  if (r.outcome == NoteOutcome::added) txn.commit();
  return r;
}

std::optional<std::uint32_t> restore_article_revision(const store::Store& store, std::uint64_t id, std::uint32_t n,
                                                      const Actor& actor, model::UnixTime now) {
  store::WriteTxn txn = store.write();
  const auto made = restore_revision(txn, store.tables(), id, n, actor, now);
  if (made) txn.commit();
  return made;
}

DraftOutcome autosave_article(const store::Store& store, std::uint64_t id, Content content,
                              std::vector<std::string> topic_slugs, std::uint32_t base_revision, const Actor& actor,
                              model::UnixTime now) {
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto item = load_item(txn, t, id);
  if (!item) return DraftOutcome::not_found;
  if (!may_edit(*item, actor)) return DraftOutcome::not_allowed;
  store::put_draft(txn, t,
                   {.article_id = id,
                    .username = actor.username,
                    .base_revision = base_revision,
                    .saved_at = now,
                    .title = std::move(content.title),
                    .summary = std::move(content.summary),
                    .body_html = model::sanitize_html(content.body_html, store::get_embed_policy(txn, t)),
                    .category_id = content.category_id,
                    .agency_id = content.agency_id,
                    .author = std::move(content.author),
                    .featured = content.featured,
                    .topics = std::move(topic_slugs),
                    .extras = std::move(content.extras)});
  txn.commit();
  return DraftOutcome::kept;
}

std::optional<model::Draft> draft_of(const store::Store& store, std::uint64_t id, const Actor& actor) {
  const store::ReadTxn txn = store.read();
  return store::get_draft(txn, store.tables(), id, actor.username);
}

bool discard_draft(const store::Store& store, std::uint64_t id, const Actor& actor) {
  store::WriteTxn txn = store.write();
  const bool had = store::delete_draft(txn, store.tables(), id, actor.username);
  if (had) txn.commit();
  return had;
}

}  // namespace portald::editorial
