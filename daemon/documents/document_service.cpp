#include "daemon/documents/document_service.hpp"

#include <algorithm>
#include <charconv>
#include <variant>

#include "daemon/media/upload.hpp"
#include "daemon/model/document_rules.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/document_editorial_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_use_table.hpp"

namespace portald::documents {
namespace {

using model::ArticleStatus;
using model::Transition;

bool is_live(const model::LegalDocument& d) {
  return d.status == ArticleStatus::published || d.status == ArticleStatus::withdrawn;
}

// Documents take every step of the articles' table but the scheduled ones and the request to clarify
// (issue 16: the thread between the board and the provider exists for articles only).
bool applies_to_documents(Transition t) {
  return t != Transition::schedule && t != Transition::unschedule && t != Transition::publish_scheduled &&
         t != Transition::ask_clarification && t != Transition::answer_clarification;
}

model::AuditAction document_audit_action(Transition t) {
  switch (t) {
    case Transition::submit: return model::AuditAction::document_submit;
    case Transition::take_for_editing: return model::AuditAction::document_take_for_editing;
    case Transition::send_for_approval: return model::AuditAction::document_send_for_approval;
    case Transition::return_to_author: return model::AuditAction::document_return;
    case Transition::approve: return model::AuditAction::document_approve;
    case Transition::withdraw: return model::AuditAction::document_withdraw;
    case Transition::schedule:
    case Transition::unschedule:
    case Transition::publish_scheduled:
    case Transition::ask_clarification:
    case Transition::answer_clarification: break;  // refused before anything is written
  }
  return model::AuditAction::document_edit;
}

void audit(store::WriteTxn& txn, const store::Tables& t, const Actor& actor, model::AuditAction action,
           std::uint64_t id, std::string from, std::string to, std::string reason, model::UnixTime now) {
  store::append_audit(txn, t, action,
                      {.seq = 0,
                       .at = now,
                       .actor = actor.username,
                       .action = {},
                       .object = "document/" + std::to_string(id),
                       .from = std::move(from),
                       .to = std::move(to),
                       .reason = std::move(reason),
                       .address = actor.address});
}

std::uint32_t add_revision(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id,
                           const model::DocumentContent& c, const std::string& by, model::UnixTime at,
                           std::string note) {
  return store::add_document_revision(
      txn, t, {.document_id = id, .number = 0, .content = c, .saved_by = by, .saved_at = at, .note = std::move(note)});
}

// A document imported before the admin knew it gets its record as revision 1 ("bản gốc") the first time
// the admin writes a version of it, so the history starts with what was online.
void keep_original(store::WriteTxn& txn, const store::Tables& t, Item& item) {
  if (store::get_document_state(txn, t, item.record.id)) return;
  item.state.work_revision = add_revision(txn, t, item.record.id, item.work, "", item.record.updated_at, "bản gốc");
}

bool can_edit_any(const Actor& actor) { return model::may(actor, model::Action::edit_any_article); }

std::string in_quotes(std::string_view s) { return "“" + std::string(s) + "”"; }

std::string upload_error(const media::UploadResult& r, std::string_view name) {
  const std::string file = "Tệp " + in_quotes(name.empty() ? std::string_view("(không tên)") : name);
  switch (r.refusal) {
    case media::Refusal::none: return "";
    case media::Refusal::not_allowed: return "Bạn không được tải tệp lên.";
    case media::Refusal::empty: return file + " rỗng.";
    case media::Refusal::too_large: return file + " lớn hơn 10 MB.";
    case media::Refusal::unknown_type:
      return file + ": không nhận dạng được loại tệp. Văn bản nhận tệp PDF, Word, Excel, ODT và ảnh.";
    case media::Refusal::bad_image:
    case media::Refusal::huge_image: return file + ": " + std::string(media::refusal_message(r.refusal));
  }
  return file + ": không lưu được.";
}

// Saves `posted` (checked) as a new version of `id` (0 = new) in the caller's transaction, uploads first.
SaveResult save_content(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Posted& posted,
                        const Actor& actor, model::UnixTime now, std::string note = "") {
  auto& content = posted.content;
  for (std::size_t i = 0; i < posted.attachments.size(); ++i) {
    auto& pick = posted.attachments[i];
    if (pick.media_id) continue;
    const auto checked = media::check_upload(pick.upload.file_name, pick.upload.bytes, actor);
    pick.media_id = media::store_upload(txn, t, checked, pick.upload.bytes, actor, now);
    content.attachments[i] = {pick.media_id, checked.file_name, checked.content_type, pick.upload.bytes.size()};
  }
  if (id == 0) {
    if (!model::may(actor, model::Action::write_article)) return {SaveRefusal::not_allowed};
    model::LegalDocument d;
    model::apply(d, content);
    d.status = ArticleStatus::draft;
    d.created_at = d.updated_at = now;
    d.id = store::put_document(txn, t, d);
    const auto n = add_revision(txn, t, d.id, content, actor.username, now, std::move(note));
    store::put_document_state(txn, t,
                              {.document_id = d.id,
                               .state = ArticleStatus::draft,
                               .created_by = actor.username,
                               .work_revision = n,
                               .reason = "",
                               .last_actor = actor.username,
                               .since = now});
    audit(txn, t, actor, model::AuditAction::document_create, d.id, "", "draft", "", now);
    return {SaveRefusal::none, d.id, n};
  }
  auto item = load_item(txn, t, id);
  if (!item) return {SaveRefusal::not_found};
  if (!may_edit(*item, actor)) return {SaveRefusal::not_allowed, id};
  keep_original(txn, t, *item);
  const auto n = add_revision(txn, t, id, content, actor.username, now, std::move(note));
  const ArticleStatus before = item->state.state;
  if (item->live) {
    // A new pending version; the record keeps serving readers until it is approved.
    if (before == ArticleStatus::published || before == ArticleStatus::withdrawn) {
      item->state.state = ArticleStatus::draft;
      item->state.since = now;
      if (item->state.created_by.empty()) item->state.created_by = actor.username;
    }
  } else {
    model::apply(item->record, content);
    item->record.updated_at = now;
    store::put_document(txn, t, item->record);
  }
  item->state.work_revision = n;
  item->state.last_actor = actor.username;
  store::put_document_state(txn, t, item->state);
  audit(txn, t, actor, model::AuditAction::document_edit, id, std::string(model::to_string(before)),
        std::string(model::to_string(item->state.state)), "revision " + std::to_string(n), now);
  return {SaveRefusal::none, id, n};
}

// The work content compared with what is posted; uploads always make a difference.
bool same_as_work(const Item& item, const Posted& p) {
  return std::all_of(p.attachments.begin(), p.attachments.end(), [](const auto& a) { return a.media_id != 0; }) &&
         p.content == item.work;
}

bool overtaken(const Item& item, const Posted& p, std::optional<std::uint32_t> base) {
  return base && *base != item.state.work_revision && !same_as_work(item, p);
}

// Checks and saves in the caller's transaction (nothing written when refused); revision 0 = unchanged.
SaveResult checked_save(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Posted& posted,
                        const Actor& actor, model::UnixTime now, std::optional<std::uint32_t> base) {
  std::optional<Item> item;
  if (id != 0) {
    item = load_item(txn, t, id);
    if (!item) return {SaveRefusal::not_found};
    if (!may_edit(*item, actor)) return {SaveRefusal::not_allowed, id};
  } else if (!model::may(actor, model::Action::write_article)) {
    return {SaveRefusal::not_allowed};
  }
  if (auto errors = check_posted(txn, t, id, posted, actor, model::vietnam_day(now)); !errors.empty())
    return {.refusal = SaveRefusal::invalid, .id = id, .errors = std::move(errors)};
  if (item && overtaken(*item, posted, base))
    return {.refusal = SaveRefusal::conflict, .id = id, .revision = item->state.work_revision};
  if (item && same_as_work(*item, posted)) return {SaveRefusal::none, id, 0};
  return save_content(txn, t, id, posted, actor, now);
}

// Brings the work content to readers: the record takes it and becomes published.
void publish(store::WriteTxn& txn, const store::Tables& t, Item& item, model::UnixTime now) {
  model::apply(item.record, item.work);
  if (item.record.published_at == 0 || !is_live(item.record)) item.record.published_at = now;
  item.record.status = ArticleStatus::published;
  item.record.updated_at = now;
  store::put_document(txn, t, item.record);
}

TransitionResult take_transition(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Transition tr,
                                 const Actor& actor, std::string_view reason, model::UnixTime now) {
  auto item = load_item(txn, t, id);
  if (!item) return {Outcome::not_found};
  const ArticleStatus from = item->state.state;
  const auto refused = [&](model::TransitionRefusal r) { return TransitionResult{Outcome::refused, r, from, from}; };
  if (!may_view(*item, actor)) return refused(model::TransitionRefusal::role_not_allowed);
  if (!applies_to_documents(tr)) return refused(model::TransitionRefusal::not_from_this_state);
  const auto check = model::check_transition(from, tr, actor.role, reason);
  if (!check) return refused(check.refusal);
  // Authors submit only their own work; the secretariat may submit on someone's behalf.
  if (tr == Transition::submit && !can_edit_any(actor) && item->state.created_by != actor.username)
    return refused(model::TransitionRefusal::role_not_allowed);
  keep_original(txn, t, *item);
  const std::string clean_reason(model::trim(reason));
  item->state.state = check.to;
  item->state.since = now;
  item->state.last_actor = actor.username;
  if (!clean_reason.empty()) item->state.reason = clean_reason;
  if (tr == Transition::submit) item->state.reason.clear();
  if (check.to == ArticleStatus::published) {
    publish(txn, t, *item, now);
  } else if (check.to == ArticleStatus::withdrawn) {
    item->record.status = ArticleStatus::withdrawn;
    item->record.updated_at = now;
    store::put_document(txn, t, item->record);
  } else if (!item->live) {
    item->record.status = check.to;  // the record mirrors the state until it first goes live
    item->record.updated_at = now;
    store::put_document(txn, t, item->record);
  }
  store::put_document_state(txn, t, item->state);
  audit(txn, t, actor, document_audit_action(tr), id, std::string(model::to_string(from)),
        std::string(model::to_string(check.to)), clean_reason, now);
  return {Outcome::done, model::TransitionRefusal::none, from, check.to};
}

std::optional<std::string> reason_error(std::string_view reason) {
  if (model::count_code_points(reason) > 2000) return "Lý do dài quá 2000 ký tự.";
  return std::nullopt;
}

// The board's marks need a published document and a board member.
std::optional<MarkResult> mark_refusal(const std::optional<Item>& item, const Actor& actor) {
  if (!item) return MarkResult{MarkRefusal::not_found};
  if (!is_board(actor)) return MarkResult{MarkRefusal::not_allowed};
  if (item->record.status != ArticleStatus::published)
    return MarkResult{MarkRefusal::invalid, "Chỉ đánh dấu hiệu lực được cho văn bản đang công bố."};
  return std::nullopt;
}

// The date a document stops applying must not come before it was issued or took effect.
std::string expiry_error(const model::LegalDocument& d, std::int32_t on) {
  if (on == 0) return "Vui lòng nhập ngày hết hiệu lực.";
  if (d.effective_on && on < d.effective_on)
    return "Ngày hết hiệu lực (" + model::document_date_text(on) + ") không được trước ngày có hiệu lực (" +
           model::document_date_text(d.effective_on) + ").";
  if (on < d.issued_on)
    return "Ngày hết hiệu lực (" + model::document_date_text(on) + ") không được trước ngày ban hành (" +
           model::document_date_text(d.issued_on) + ").";
  return "";
}

// Sets the record's expiry date, and the work version's with a revision of its own when it differs.
void set_expiry(store::WriteTxn& txn, const store::Tables& t, Item& item, std::int32_t on, const Actor& actor,
                model::UnixTime now, const char* note) {
  item.record.expires_on = on;
  item.record.updated_at = now;
  if (item.work.expires_on == on) return;
  keep_original(txn, t, item);
  auto work = item.work;
  work.expires_on = on;
  item.state.work_revision = add_revision(txn, t, item.record.id, work, actor.username, now, note);
  item.state.last_actor = actor.username;
  store::put_document_state(txn, t, item.state);
}

// The published document `by` names: its id (digits) or its number (exactly one published match).
std::variant<model::LegalDocument, std::string> find_replacement(const store::Txn& txn, const store::Tables& t,
                                                                 std::string_view by) {
  by = model::trim(by);
  if (by.empty()) return std::string("Vui lòng nhập số ký hiệu (hoặc mã) của văn bản thay thế.");
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(by.data(), by.data() + by.size(), id);
  if (ec == std::errc() && end == by.data() + by.size()) {
    if (auto d = store::get_public_document(txn, t, id)) return std::move(*d);
    return "Không có văn bản đang công bố nào mang mã " + std::string(by) + ".";
  }
  std::vector<model::LegalDocument> found;
  for (const auto match : store::find_documents_by_number(txn, t, by))
    if (auto d = store::get_public_document(txn, t, match)) found.push_back(std::move(*d));
  if (found.empty())
    return "Không tìm thấy văn bản đang công bố có số ký hiệu " + in_quotes(by) +
           ". Văn bản thay thế phải được duyệt và công bố trước.";
  if (found.size() > 1)
    return "Có " + std::to_string(found.size()) + " văn bản số " + in_quotes(by) +
           "; hãy nhập mã của văn bản cần chọn (số ở cuối địa chỉ của nó).";
  return std::move(found.front());
}

}  // namespace

std::optional<Item> load_item(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  auto d = store::get_document(txn, t, id);
  if (!d) return std::nullopt;
  Item item;
  item.live = is_live(*d);
  item.state = store::get_document_state(txn, t, id)
                   .value_or(model::DocumentState{.document_id = id, .state = d->status, .since = d->updated_at});
  item.work = model::content_of(*d);
  if (item.state.work_revision)
    if (const auto r = store::get_document_revision(txn, t, id, item.state.work_revision)) item.work = r->content;
  item.record = std::move(*d);
  return item;
}

model::UnixTime work_saved_at(const store::Txn& txn, const store::Tables& t, const Item& item) {
  if (item.state.work_revision)
    if (const auto r = store::get_document_revision(txn, t, item.record.id, item.state.work_revision))
      return r->saved_at;
  return item.record.updated_at;
}

bool may_view(const Item& item, const Actor& actor) {
  if (!actor.role) return false;
  return can_edit_any(actor) || (model::may(actor, model::Action::write_article) && !actor.username.empty() &&
                                 item.state.created_by == actor.username);
}

bool may_edit(const Item& item, const Actor& actor) {
  if (!model::may(actor, model::Action::write_article)) return false;
  if (can_edit_any(actor)) return true;
  const ArticleStatus s = item.state.state;
  return item.state.created_by == actor.username && (s == ArticleStatus::draft || s == ArticleStatus::returned);
}

bool may_pick_media(const store::Txn& txn, const store::Tables& t, const std::optional<Item>& self,
                    std::uint64_t media_id, const Actor& actor) {
  const auto attached = [&](const std::vector<model::Attachment>& list) {
    return std::any_of(list.begin(), list.end(), [&](const auto& a) { return a.media_id == media_id; });
  };
  if (self && (attached(self->record.attachments) || attached(self->work.attachments))) return true;
  if (store::media_in_public_use(txn, t, media_id) || model::may(actor, model::Action::preview_any)) return true;
  const auto m = store::get_media_info(txn, t, media_id);
  return m && !m->owner.empty() && m->owner == actor.username;
}

bool is_board(const Actor& actor) {
  return actor.role && model::check_transition(ArticleStatus::awaiting_approval, Transition::approve, actor.role, "");
}

std::vector<Transition> transitions_for(const Item& item, const Actor& actor) {
  std::vector<Transition> out;
  if (!actor.role || !may_view(item, actor)) return out;
  for (const auto tr : model::available_transitions(item.state.state, *actor.role)) {
    if (!applies_to_documents(tr)) continue;
    if (tr == Transition::submit && !can_edit_any(actor) && item.state.created_by != actor.username) continue;
    out.push_back(tr);
  }
  return out;
}

std::string_view transition_label(Transition t) {
  switch (t) {
    case Transition::approve: return "Duyệt và công bố";
    case Transition::withdraw: return "Gỡ văn bản";
    default: return model::transition_label(t);
  }
}

std::string_view refusal_message(model::TransitionRefusal r) {
  if (r == model::TransitionRefusal::not_from_this_state) return "Văn bản không ở trạng thái cho phép thao tác này.";
  return model::refusal_message(r);
}

std::vector<std::string> check_posted(const store::Txn& txn, const store::Tables& t, std::uint64_t self, Posted& p,
                                      const Actor& actor, std::int32_t today) {
  auto& c = p.content;
  c.attachments.clear();
  std::vector<std::string> errors;
  const auto own = self ? load_item(txn, t, self) : std::nullopt;
  for (const auto& pick : p.attachments) {
    // A file nobody may fetch yet is refused as if absent: attaching it by its number would be a way to
    // read it (issue 16, finding 1).
    if (pick.media_id != 0 && !may_pick_media(txn, t, own, pick.media_id, actor)) {
      errors.push_back("Không có tệp mã " + std::to_string(pick.media_id) + " trong thư viện.");
      continue;
    }
    if (pick.media_id == 0) {
      const auto r = media::check_upload(pick.upload.file_name, pick.upload.bytes, actor);
      if (r.refusal != media::Refusal::none) errors.push_back(upload_error(r, pick.upload.file_name));
      c.attachments.push_back({0, r.file_name, r.content_type, pick.upload.bytes.size()});
    } else if (const auto m = store::get_media_info(txn, t, pick.media_id)) {
      c.attachments.push_back({m->id, m->file_name, m->content_type, m->size});
    } else {
      errors.push_back("Không có tệp mã " + std::to_string(pick.media_id) + " trong thư viện.");
    }
  }
  auto field_errors = model::check_document_content(c, today);
  errors.insert(errors.begin(), field_errors.begin(), field_errors.end());
  if (!c.number.empty() && !c.issuer.empty()) {
    const std::string issuer = model::fold(c.issuer);
    for (const auto other : store::find_documents_by_number(txn, t, c.number)) {
      if (other == self) continue;
      const auto d = store::get_document(txn, t, other);
      if (!d || d->status == ArticleStatus::withdrawn || model::fold(d->issuer) != issuer) continue;
      errors.push_back("Đã có văn bản số " + in_quotes(d->number) + " của " + d->issuer + " (mã " +
                       std::to_string(other) + "). Mỗi văn bản chỉ nhập một lần: hãy sửa văn bản đó.");
      break;
    }
  }
  return errors;
}

SaveResult save_document(const store::Store& store, std::uint64_t id, Posted posted, const Actor& actor,
                         model::UnixTime now, std::optional<std::uint32_t> base_revision) {
  store::WriteTxn txn = store.write();
  auto r = checked_save(txn, store.tables(), id, posted, actor, now, base_revision);
  if (r.refusal == SaveRefusal::none && r.revision != 0) txn.commit();
  if (r.refusal == SaveRefusal::none && r.revision == 0) {
    const auto item = load_item(txn, store.tables(), id);
    r.revision = item ? item->state.work_revision : 0;
  }
  return r;
}

SaveTransitionResult save_and_transition(const store::Store& store, std::uint64_t id, Posted posted,
                                         std::optional<std::uint32_t> base_revision, Transition tr, const Actor& actor,
                                         std::string_view reason, model::UnixTime now) {
  SaveTransitionResult r{.save = {.id = id}};
  if (const auto error = reason_error(reason)) {
    r.transition = {.outcome = Outcome::invalid, .error = *error};
    return r;
  }
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  if (!load_item(txn, t, id)) {
    r.save.refusal = SaveRefusal::not_found;
    return r;
  }
  const auto save = [&] {
    r.save = checked_save(txn, t, id, posted, actor, now, base_revision);
    return r.save.refusal == SaveRefusal::none;
  };
  const auto take = [&] {
    r.transition = take_transition(txn, t, id, tr, actor, reason, now);
    return r.transition.outcome == Outcome::done;
  };
  // Dropping the transaction unwritten is the refusal path: nothing half done is ever committed.
  const bool ok = tr == Transition::withdraw ? take() && save() : save() && take();
  if (ok) txn.commit();
  return r;
}

TransitionResult transition_document(const store::Store& store, std::uint64_t id, Transition tr, const Actor& actor,
                                     std::string_view reason, model::UnixTime now) {
  if (const auto error = reason_error(reason)) return {.outcome = Outcome::invalid, .error = *error};
  store::WriteTxn txn = store.write();
  const auto r = take_transition(txn, store.tables(), id, tr, actor, reason, now);
  if (r.outcome == Outcome::done) txn.commit();
  return r;
}

std::optional<std::uint32_t> restore_revision(const store::Store& store, std::uint64_t id, std::uint32_t n,
                                              const Actor& actor, model::UnixTime now) {
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto old = store::get_document_revision(txn, t, id, n);
  const auto item = load_item(txn, t, id);
  if (!old || !item || !may_edit(*item, actor)) return std::nullopt;
  Posted posted{.content = old->content, .attachments = {}};
  for (const auto& a : old->content.attachments) posted.attachments.push_back({a.media_id, {}});
  const auto saved = save_content(txn, t, id, posted, actor, now, "khôi phục từ phiên bản " + std::to_string(n));
  if (saved.refusal != SaveRefusal::none) return std::nullopt;
  audit(txn, t, actor, model::AuditAction::document_restore, id, "revision " + std::to_string(n),
        "revision " + std::to_string(saved.revision), "", now);
  txn.commit();
  return saved.revision;
}

MarkResult mark_expired(const store::Store& store, std::uint64_t id, std::int32_t on, std::string note,
                        const Actor& actor, model::UnixTime now) {
  note = model::to_nfc(model::trim(note)).value_or("");
  if (model::count_code_points(note) > 1000) return {MarkRefusal::invalid, "Ghi chú dài quá 1000 ký tự."};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto item = load_item(txn, t, id);
  if (auto refused = mark_refusal(item, actor)) return *refused;
  if (auto error = expiry_error(item->record, on); !error.empty()) return {MarkRefusal::invalid, std::move(error)};
  const std::string before = model::document_date_text(item->record.expires_on);
  set_expiry(txn, t, *item, on, actor, now, "đánh dấu hết hiệu lực");
  item->record.validity_note = note;
  store::put_document(txn, t, item->record);
  audit(txn, t, actor, model::AuditAction::document_expire, id, before, model::document_date_text(on), note, now);
  txn.commit();
  return {};
}

MarkResult mark_replaced(const store::Store& store, std::uint64_t id, std::string_view by, std::int32_t on,
                         const Actor& actor, model::UnixTime now) {
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto item = load_item(txn, t, id);
  if (auto refused = mark_refusal(item, actor)) return *refused;
  auto found = find_replacement(txn, t, by);
  if (auto* error = std::get_if<std::string>(&found)) return {MarkRefusal::invalid, std::move(*error)};
  auto other = std::get<model::LegalDocument>(std::move(found));
  auto& record = item->record;
  if (other.id == id) return {MarkRefusal::invalid, "Một văn bản không thể tự thay thế chính nó."};
  if (record.replaced_by == other.id)
    return {MarkRefusal::invalid, "Văn bản đã được đánh dấu là bị văn bản này thay thế."};
  if (record.replaced_by)
    return {MarkRefusal::invalid,
            "Văn bản đã được đánh dấu là bị một văn bản khác thay thế: bỏ đánh dấu đó trước khi chọn văn bản mới."};
  if (other.replaced_by == id)
    return {MarkRefusal::invalid,
            "Văn bản " + in_quotes(other.number) + " đang được đánh dấu là bị chính văn bản này thay thế."};
  if (on == 0) on = other.effective_on ? other.effective_on : other.issued_on;
  if (auto error = expiry_error(record, on); !error.empty()) return {MarkRefusal::invalid, std::move(error)};
  if (record.expires_on == 0 || record.expires_on > on)
    set_expiry(txn, t, *item, on, actor, now, "đánh dấu bị thay thế");
  record.replaced_by = other.id;
  record.updated_at = now;
  store::put_document(txn, t, record);
  if (std::find(other.replaces.begin(), other.replaces.end(), id) == other.replaces.end()) other.replaces.push_back(id);
  other.updated_at = now;
  store::put_document(txn, t, other);
  audit(txn, t, actor, model::AuditAction::document_replace, id, "", "document/" + std::to_string(other.id),
        other.type + " " + other.number, now);
  txn.commit();
  return {MarkRefusal::none, "", other.id};
}

MarkResult clear_replacement(const store::Store& store, std::uint64_t id, const Actor& actor, model::UnixTime now) {
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto item = load_item(txn, t, id);
  if (!item) return {MarkRefusal::not_found};
  if (!is_board(actor)) return {MarkRefusal::not_allowed};
  auto& record = item->record;
  if (!record.replaced_by) return {MarkRefusal::invalid, "Văn bản này không được đánh dấu là bị thay thế."};
  const std::uint64_t other_id = record.replaced_by;
  if (auto other = store::get_document(txn, t, other_id)) {
    std::erase(other->replaces, id);
    other->updated_at = now;
    store::put_document(txn, t, *other);
  }
  record.replaced_by = 0;
  record.updated_at = now;
  store::put_document(txn, t, record);
  audit(txn, t, actor, model::AuditAction::document_unreplace, id, "document/" + std::to_string(other_id), "", "", now);
  txn.commit();
  return {MarkRefusal::none, "", other_id};
}

}  // namespace portald::documents
