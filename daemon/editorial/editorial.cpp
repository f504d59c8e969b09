#include "daemon/editorial/editorial.hpp"

#include <algorithm>

#include "daemon/editorial/article_topics.hpp"
#include "daemon/editorial/author_notice.hpp"
#include "daemon/editorial/sender_notice.hpp"
#include "daemon/editorial/unit_rights.hpp"
#include "daemon/model/article_note.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/img_tags.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/article_note_table.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::editorial {
namespace {

// Every image needs alt text or the decorative mark (model::is_decorative) before an article goes
// towards readers (issue 14): "" when the body passes or the transition does not lead there.
std::string missing_alt_error(model::Transition tr, std::string_view body_html) {
  using T = model::Transition;
  if (tr != T::submit && tr != T::send_for_approval && tr != T::approve && tr != T::schedule) return "";
  const auto missing = model::images_missing_alt(body_html);
  if (missing.empty()) return "";
  std::string list;
  for (const auto& name : missing) list += (list.empty() ? "" : ", ") + name;
  return "Chưa thể chuyển bài: " + std::to_string(missing.size()) + " ảnh chưa có mô tả thay thế (alt): " + list +
         ". Hãy nhập mô tả cho từng ảnh trong hộp thoại thuộc tính ảnh, hoặc đánh dấu là ảnh trang trí.";
}

using model::ArticleStatus;

bool is_live(const model::Article& a) {
  return a.status == ArticleStatus::published || a.status == ArticleStatus::withdrawn;
}

Content content_of(const model::Article& a) {
  return {a.title, a.summary, a.body_html, a.category_id, a.agency_id, a.author, a.featured, a.extras};
}

Content content_of(const model::Revision& r) {
  Content c{r.title, r.summary, r.body_html, r.category_id, r.agency_id, r.author, r.featured, r.extras};
  if (r.topics_kept) c.topics = r.topics;
  return c;
}

void apply(model::Article& a, const Content& c) {
  a.title = c.title;
  a.summary = c.summary;
  a.body_html = c.body_html;
  a.category_id = c.category_id;
  a.agency_id = c.agency_id;
  a.author = c.author;
  a.featured = c.featured;
  a.extras = c.extras;
  a.slug = model::slugify(c.title);
}

bool can_edit_any(const Actor& actor) { return model::may(actor, model::Action::edit_any_article); }

// The note a transition writes into the article's thread (its reason is the note's text), if any.
std::optional<model::NoteKind> note_kind_of(model::Transition tr) {
  if (tr == model::Transition::ask_clarification) return model::NoteKind::ask;
  if (tr == model::Transition::answer_clarification) return model::NoteKind::answer;
  return std::nullopt;
}

void audit(store::WriteTxn& txn, const store::Tables& t, const Actor& actor, model::AuditAction action,
           std::uint64_t id, std::string from, std::string to, std::string reason, model::UnixTime now) {
  store::append_audit(txn, t, action,
                      {.seq = 0,
                       .at = now,
                       .actor = actor.username,
                       .action = {},
                       .object = "article/" + std::to_string(id),
                       .from = std::move(from),
                       .to = std::move(to),
                       .reason = std::move(reason),
                       .address = actor.address});
}

std::uint32_t save_revision(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, const Content& c,
                            const std::string& by, model::UnixTime now, std::string note) {
  return store::add_revision(txn, t,
                             {.article_id = id,
                              .number = 0,
                              .title = c.title,
                              .summary = c.summary,
                              .body_html = c.body_html,
                              .category_id = c.category_id,
                              .agency_id = c.agency_id,
                              .author = c.author,
                              .featured = c.featured,
                              .saved_by = by,
                              .saved_at = now,
                              .note = std::move(note),
                              .extras = c.extras,
                              .topics_kept = c.topics.has_value(),
                              .topics = c.topics.value_or(std::vector<std::string>{})});
}

// Brings the work content to readers: the record takes it and becomes published.
void publish(store::WriteTxn& txn, const store::Tables& t, Item& item, model::UnixTime when, model::UnixTime now) {
  apply(item.article, item.work);
  const bool first_time = item.article.published_at == 0 || !is_live(item.article);
  item.article.status = ArticleStatus::published;
  // Corrections become public now: that is the date readers see ("Đính chính ngày ...").
  for (auto& c : item.article.extras.corrections)
    if (c.at == 0) c.at = now;
  // An expiry that has already passed would withdraw the article at once: it no longer applies.
  if (item.article.extras.unpublish_at && item.article.extras.unpublish_at <= now) item.article.extras.unpublish_at = 0;
  item.state.unpublish_at = item.article.extras.unpublish_at;
  if (first_time) item.article.published_at = when;
  item.article.updated_at = now;
  if (!first_time) ++item.article.revision;
  store::put_article(txn, t, item.article);
  // The version's topics reach readers with it, never before (issue 16).
  if (item.work.topics) set_article_topics(txn, t, item.article.id, *item.work.topics, now);
}

}  // namespace

std::optional<Item> load_item(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  auto a = store::get_article(txn, t, id);
  if (!a) return std::nullopt;
  Item item;
  item.live = is_live(*a);
  item.state = store::get_editorial(txn, t, id)
                   .value_or(model::EditorialState{.article_id = id, .state = a->status, .since = a->updated_at});
  item.work = content_of(*a);
  if (item.state.work_revision)
    if (const auto r = store::get_revision(txn, t, id, item.state.work_revision)) item.work = content_of(*r);
  // The saved version holds its corrections as they were saved (undated); the live record has the dates.
  if (item.live)
    item.work.extras.corrections = keep_published_corrections(a->extras.corrections, item.work.extras.corrections);
  item.article = std::move(*a);
  return item;
}

model::UnixTime work_saved_at(const store::Txn& txn, const store::Tables& t, const Item& item) {
  if (item.state.work_revision)
    if (const auto r = store::get_revision(txn, t, item.article.id, item.state.work_revision)) return r->saved_at;
  return item.article.updated_at;
}

std::vector<std::string> topics_of_work(const store::Txn& txn, const store::Tables& t, const Item& item) {
  if (item.work.topics) return *item.work.topics;
  return article_topic_slugs(txn, t, item.article.id);
}

bool same_content(const Content& a, const Content& b, const model::EmbedPolicy& embeds) {
  return a.title == b.title && a.summary == b.summary && a.author == b.author && a.category_id == b.category_id &&
         a.agency_id == b.agency_id && a.featured == b.featured && a.extras == b.extras &&
         (a.body_html == b.body_html || model::sanitize_html(a.body_html, embeds) == b.body_html);
}

bool may_view(const Item& item, const Actor& actor) {
  if (can_edit_any(actor)) return true;
  if (!actor.username.empty() && item.state.created_by == actor.username) return true;
  // An agency follows its own items' states (issue 16): read-only, may_edit stays with the author.
  return bound_to_agency(actor) && of_actors_agency(item, actor);
}

bool may_edit(const Item& item, const Actor& actor) {
  if (!model::may(actor, model::Action::write_article)) return false;
  const ArticleStatus s = item.state.state;
  if (s == ArticleStatus::scheduled) return false;  // unschedule first: what was approved is what goes out
  if (can_edit_any(actor)) return true;
  // Authors change their own text only while it is theirs: a draft, returned to them, or while the
  // board waits for their clarification (the answer may come with a corrected text).
  return item.state.created_by == actor.username &&
         (s == ArticleStatus::draft || s == ArticleStatus::returned || s == ArticleStatus::awaiting_clarification);
}

SaveResult save_content(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Content content,
                        const Actor& actor, model::UnixTime now) {
  content.body_html = model::sanitize_html(content.body_html, store::get_embed_policy(txn, t));
  if (id == 0) {
    if (!model::may(actor, model::Action::write_article)) return {SaveRefusal::not_allowed};
    model::Article a;
    apply(a, content);
    a.status = ArticleStatus::draft;
    a.created_at = now;
    a.updated_at = now;
    a.id = store::put_article(txn, t, a);
    const auto n = save_revision(txn, t, a.id, content, actor.username, now, "");
    store::put_editorial(txn, t,
                         {.article_id = a.id,
                          .state = ArticleStatus::draft,
                          .created_by = actor.username,
                          .work_revision = n,
                          .reason = "",
                          .last_actor = actor.username,
                          .since = now,
                          .scheduled_at = 0});
    if (content.topics) set_article_topics(txn, t, a.id, *content.topics, now);
    audit(txn, t, actor, model::AuditAction::article_create, a.id, "", "draft", "", now);
    return {SaveRefusal::none, a.id, n};
  }
  auto item = load_item(txn, t, id);
  if (!item) return {SaveRefusal::not_found};
  if (!may_edit(*item, actor)) return {SaveRefusal::not_allowed, id};
  // Articles imported before the admin existed get their current text as revision 1 first.
  if (!store::get_editorial(txn, t, id))
    item->state.work_revision = save_revision(txn, t, id, item->work, "", item->article.updated_at, "bản gốc");
  if (item->live)
    content.extras.corrections =
        keep_published_corrections(item->article.extras.corrections, content.extras.corrections);
  const auto n = save_revision(txn, t, id, content, actor.username, now, "");
  const ArticleStatus before = item->state.state;
  if (item->live) {
    // A new pending version; the record keeps serving readers until it is approved.
    if (before == ArticleStatus::published || before == ArticleStatus::withdrawn) {
      item->state.state = ArticleStatus::draft;
      item->state.since = now;
      if (item->state.created_by.empty()) item->state.created_by = actor.username;
    }
  } else {
    // Not yet before readers: the record (and its topics) follow the version under work.
    apply(item->article, content);
    item->article.updated_at = now;
    store::put_article(txn, t, item->article);
    if (content.topics) set_article_topics(txn, t, id, *content.topics, now);
  }
  item->state.work_revision = n;
  item->state.last_actor = actor.username;
  store::put_editorial(txn, t, item->state);
  audit(txn, t, actor, model::AuditAction::article_edit, id, std::string(model::to_string(before)),
        std::string(model::to_string(item->state.state)), "revision " + std::to_string(n), now);
  return {SaveRefusal::none, id, n};
}

std::uint64_t create_submitted(store::WriteTxn& txn, const store::Tables& t, Content content, std::string_view address,
                               std::string_view reason, model::UnixTime now) {
  content.body_html = model::sanitize_html(content.body_html, store::get_embed_policy(txn, t));
  model::Article a;
  apply(a, content);
  a.status = ArticleStatus::submitted;
  a.created_at = now;
  a.updated_at = now;
  a.id = store::put_article(txn, t, a);
  const auto n = save_revision(txn, t, a.id, content, "", now, "gửi từ cổng");
  // No account created it: created_by stays empty, so only those who may edit any article see it.
  store::put_editorial(txn, t,
                       {.article_id = a.id,
                        .state = ArticleStatus::submitted,
                        .created_by = "",
                        .work_revision = n,
                        .reason = "",
                        .last_actor = "",
                        .since = now,
                        .scheduled_at = 0});
  audit(txn, t,
        Actor{.username = "", .role = std::nullopt, .address = std::string(address), .console = false, .agency_id = 0},
        model::AuditAction::article_intake, a.id, "", std::string(model::to_string(ArticleStatus::submitted)),
        std::string(reason), now);
  return a.id;
}

TransitionResult take_transition(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, model::Transition tr,
                                 const Actor& actor, std::string_view reason, model::UnixTime scheduled_at,
                                 model::UnixTime now, const mail::Outbox& outbox) {
  auto item = load_item(txn, t, id);
  if (!item) return {Outcome::not_found};
  const ArticleStatus from = item->state.state;
  if (actor.role && !may_view(*item, actor))
    return {Outcome::refused, model::TransitionRefusal::role_not_allowed, from, from};
  const auto check = model::check_transition(from, tr, actor.role, reason);
  if (!check) return {Outcome::refused, check.refusal, from, from};
  // Authors submit (and answer the board) only for their own work; the secretariat may act on someone's behalf.
  if ((tr == model::Transition::submit || tr == model::Transition::answer_clarification) && !can_edit_any(actor) &&
      item->state.created_by != actor.username)
    return {Outcome::refused, model::TransitionRefusal::role_not_allowed, from, from};
  if (tr == model::Transition::schedule && scheduled_at <= now)
    return {Outcome::refused, model::TransitionRefusal::not_from_this_state, from, from};
  if (tr == model::Transition::schedule && item->work.extras.unpublish_at &&
      item->work.extras.unpublish_at <= scheduled_at)
    return {.outcome = Outcome::invalid,
            .refusal = model::TransitionRefusal::none,
            .from = from,
            .to = from,
            .error = "Thời điểm gỡ bài phải sau thời điểm hẹn giờ xuất bản."};
  if (auto error = missing_alt_error(tr, item->work.body_html); !error.empty())
    return {Outcome::invalid, model::TransitionRefusal::none, from, from, std::move(error)};
  std::string clean_reason(model::trim(reason));
  const auto note_kind = note_kind_of(tr);
  if (note_kind) {  // the question or answer is a note of the thread: typed text, cleaned and measured
    auto note = model::clean_note_text(reason);
    if (!note.problem.empty()) return {Outcome::invalid, model::TransitionRefusal::none, from, from, note.problem};
    clean_reason = std::move(note.text);
  }
  const model::UnixTime due = item->state.scheduled_at;  // the announced time is the publication time
  item->state.state = check.to;
  item->state.since = now;
  item->state.last_actor = actor.username;
  if (!clean_reason.empty()) item->state.reason = clean_reason;
  if (tr == model::Transition::submit) item->state.reason.clear();
  item->state.scheduled_at = check.to == ArticleStatus::scheduled ? scheduled_at : 0;
  if (check.to == ArticleStatus::published) {
    publish(txn, t, *item, tr == model::Transition::publish_scheduled && due ? due : now, now);
  } else if (check.to == ArticleStatus::withdrawn) {
    item->state.unpublish_at = 0;  // already gone: nothing left for the scheduler to withdraw
    item->article.status = ArticleStatus::withdrawn;
    item->article.updated_at = now;
    store::put_article(txn, t, item->article);
  } else if (!item->live) {
    item->article.status = check.to;  // the record mirrors the state until it first goes live
    item->article.updated_at = now;
    store::put_article(txn, t, item->article);
  }
  store::put_editorial(txn, t, item->state);
  audit(txn, t, actor, model::audit_action(tr), id, std::string(model::to_string(from)),
        std::string(model::to_string(check.to)), clean_reason, now);
  // The notice first: an answer's goes to whoever asked, found by the thread's last question.
  queue_author_notice(txn, t, outbox, *item, tr, actor, clean_reason, now);
  // An item from the public intake form has no author account: its sender hears by the address they gave.
  if (item->state.created_by.empty()) queue_sender_notice(txn, t, outbox, *item, tr, clean_reason, now);
  if (note_kind)
    store::add_article_note(
        txn, t,
        {.article_id = id, .seq = 0, .at = now, .author = actor.username, .kind = *note_kind, .text = clean_reason});
  return {Outcome::done, model::TransitionRefusal::none, from, check.to};
}

NoteResult add_note(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, std::string_view text,
                    const Actor& actor, model::UnixTime now) {
  const auto item = load_item(txn, t, id);
  if (!item || !may_view(*item, actor)) return {NoteOutcome::not_found};
  auto note = model::clean_note_text(text);
  if (!note.problem.empty()) return {NoteOutcome::invalid, 0, std::move(note.problem)};
  const auto seq = store::add_article_note(txn, t,
                                           {.article_id = id,
                                            .seq = 0,
                                            .at = now,
                                            .author = actor.username,
                                            .kind = model::NoteKind::note,
                                            .text = note.text});
  const std::string state(model::to_string(item->state.state));
  audit(txn, t, actor, model::AuditAction::article_note, id, state, state, note.text, now);
  return {NoteOutcome::added, seq};
}

std::optional<std::uint32_t> restore_revision(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id,
                                              std::uint32_t n, const Actor& actor, model::UnixTime now) {
  const auto old = store::get_revision(txn, t, id, n);
  if (!old) return std::nullopt;
  auto item = load_item(txn, t, id);
  if (!item || !may_edit(*item, actor)) return std::nullopt;
  Content c = content_of(*old);
  attribute_to_own_agency(c, actor);
  // An old version may name an agency or a category the actor may not use now (issue 16).
  if (!unit_rights_errors(txn, t, c, actor).empty()) return std::nullopt;
  const auto saved = save_content(txn, t, id, c, actor, now);
  if (saved.refusal != SaveRefusal::none) return std::nullopt;
  // Mark where it came from (the revision was written by save_content just above).
  audit(txn, t, actor, model::AuditAction::article_restore, id, "revision " + std::to_string(n),
        "revision " + std::to_string(saved.revision), "", now);
  return saved.revision;
}

std::vector<model::Correction> keep_published_corrections(const std::vector<model::Correction>& published,
                                                          const std::vector<model::Correction>& content) {
  std::vector<model::Correction> out = published;
  for (const auto& c : content) {
    if (c.at != 0 || model::trim(c.text).empty()) continue;  // published ones come from `published` only
    const bool shown = std::any_of(published.begin(), published.end(), [&](const auto& p) { return p.text == c.text; });
    if (!shown) out.push_back(c);
  }
  return out;
}

bool unpublish_is_due(const store::Txn& txn, const store::Tables& t, model::UnixTime now) {
  for (const auto& e : store::list_editorial(txn, t))
    if (e.unpublish_at && e.unpublish_at <= now) return true;
  return false;
}

std::size_t unpublish_due(store::WriteTxn& txn, const store::Tables& t, model::UnixTime now) {
  std::size_t n = 0;
  for (auto e : store::list_editorial(txn, t)) {
    if (!e.unpublish_at || e.unpublish_at > now) continue;
    e.unpublish_at = 0;  // done, whatever the record says now
    auto a = store::get_article(txn, t, e.article_id);
    if (a && a->status == ArticleStatus::published) {
      a->status = ArticleStatus::withdrawn;
      a->updated_at = now;
      store::put_article(txn, t, *a);
      // A pending revision keeps its own state; an article with none is now simply withdrawn.
      if (e.state == ArticleStatus::published) {
        e.state = ArticleStatus::withdrawn;
        e.since = now;
      }
      e.last_actor = "";
      audit(txn, t, Actor{}, model::AuditAction::article_unpublish_scheduled, e.article_id,
            std::string(model::to_string(ArticleStatus::published)),
            std::string(model::to_string(ArticleStatus::withdrawn)), "hết thời hạn đăng", now);
      ++n;
    }
    store::put_editorial(txn, t, e);
  }
  return n;
}

std::size_t publish_due(store::WriteTxn& txn, const store::Tables& t, model::UnixTime now, const mail::Outbox& outbox) {
  std::size_t n = 0;
  for (const auto& e : store::list_editorial(txn, t)) {
    if (e.state != ArticleStatus::scheduled || e.scheduled_at > now) continue;
    const auto r =
        take_transition(txn, t, e.article_id, model::Transition::publish_scheduled, Actor{}, "", 0, now, outbox);
    if (r.outcome == Outcome::done) ++n;
  }
  return n;
}

}  // namespace portald::editorial
