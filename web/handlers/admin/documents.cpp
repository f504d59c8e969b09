// Legal documents in the admin (issue 14): create, save a version (fields and attachments), take a
// workflow step with the edits on the screen, the board's validity marks, restore a revision, preview.
// A refused post shows the form again with what was typed.
#include <algorithm>

#include "daemon/documents/document_service.hpp"
#include "daemon/model/document_rules.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/document_view.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace document_pages {
namespace {

[[noreturn]] void document_not_found() { throw HttpError(404, "Không tìm thấy văn bản."); }

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) document_not_found();
  return *id;
}

std::string item_url(std::uint64_t id) { return "/quan-tri/van-ban/" + std::to_string(id); }

documents::Item viewable_item(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id) {
  std::optional<documents::Item> item;
  {
    const store::ReadTxn txn = ctx.store.read();
    item = documents::load_item(txn, ctx.store.tables(), id);
  }
  if (!item || !documents::may_view(*item, actor_of(user, req))) document_not_found();
  return std::move(*item);
}

std::optional<std::uint32_t> base_of(const Form& f) {
  if (!f.has("base_revision")) return std::nullopt;
  const std::string v = f.get("base_revision");
  if (v == "0") return 0;
  const auto n = trailing_id(v);
  return n && *n <= UINT32_MAX ? std::optional(static_cast<std::uint32_t>(*n)) : std::nullopt;
}

PostedDocument read_post(const Context& ctx, const Form& form) {
  const store::ReadTxn txn = ctx.store.read();
  return read_document_form(txn, ctx.store.tables(), form);
}

// The form's own problems with the service's rules, so the page shows every problem at once.
std::vector<std::string> all_errors(const Context& ctx, PostedDocument& p, std::uint64_t self,
                                    const documents::Actor& actor) {
  auto copy = p.posted;
  std::vector<std::string> errors = p.errors;
  const store::ReadTxn txn = ctx.store.read();
  for (auto& e : documents::check_posted(txn, ctx.store.tables(), self, copy, actor, model::vietnam_day(model::now())))
    // A date that is no date was reported as such; "enter the date" would only repeat it.
    if (p.errors.empty() || e != "Vui lòng nhập ngày ban hành.") errors.push_back(std::move(e));
  return errors;
}

std::vector<std::string> lost_files_notice(const PostedDocument& p) {
  if (!p.had_uploads) return {};
  return {"Các tệp bạn vừa chọn chưa được lưu. Trình duyệt không giữ lại tệp đã chọn: hãy chọn lại trước khi lưu."};
}

// The answer to a save the form or the service refused: the form again with what was posted.
Response refused_save(const Context& ctx, const Request& req, const model::User& user,
                      const std::optional<documents::Item>& item, const Form& form, const PostedDocument& p,
                      const documents::SaveResult& r) {
  DocumentView view{.shown = p.fields,
                    .status = 422,
                    .base_revision = base_of(form),
                    .unsaved = true,
                    .notices = lost_files_notice(p),
                    .posted = &form};
  switch (r.refusal) {
    case documents::SaveRefusal::invalid: view.errors = r.errors; break;
    case documents::SaveRefusal::not_allowed:
      view.errors = {"Văn bản đang ở trạng thái bạn không được sửa (đã gửi duyệt)."};
      view.status = 403;
      break;
    case documents::SaveRefusal::conflict:
      view.errors = {"Bản của bạn chưa được lưu: người khác đã lưu văn bản này (phiên bản " +
                     std::to_string(r.revision) +
                     ") sau khi bạn mở nó. Xem danh sách phiên bản bên dưới; bấm “Lưu phiên bản” lần nữa để lưu đè "
                     "bằng bản của bạn."};
      view.status = 409;
      view.base_revision = r.revision;
      break;
    case documents::SaveRefusal::not_found:
    case documents::SaveRefusal::none: document_not_found();
  }
  return document_editor_page(ctx, req, user, item, view);
}

}  // namespace

Response new_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const DocumentFields empty{};
  return document_editor_page(ctx, req, user, std::nullopt, {.shown = empty});
}

Response create_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto actor = actor_of(user, req);
  const Form form = form_of(req);
  auto p = read_post(ctx, form);
  if (auto errors = all_errors(ctx, p, 0, actor); !errors.empty())
    return refused_save(ctx, req, user, std::nullopt, form, p,
                        {.refusal = documents::SaveRefusal::invalid, .errors = std::move(errors)});
  const auto r = documents::save_document(ctx.store, 0, p.posted, actor, model::now());
  if (r.refusal == documents::SaveRefusal::not_allowed) throw HttpError(403, "Bạn không được thêm văn bản.");
  if (r.refusal != documents::SaveRefusal::none) return refused_save(ctx, req, user, std::nullopt, form, p, r);
  return Response::redirect(item_url(r.id) + "?da-luu=1");
}

Response edit_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = viewable_item(ctx, req, user, id_param(req));
  DocumentFields shown;
  {
    const store::ReadTxn txn = ctx.store.read();
    shown = fields_of(txn, ctx.store.tables(), item.work);
  }
  return document_editor_page(ctx, req, user, item, {.shown = shown});
}

Response save_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto actor = actor_of(user, req);
  const auto item = viewable_item(ctx, req, user, id_param(req));
  const Form form = form_of(req);
  auto p = read_post(ctx, form);
  if (auto errors = all_errors(ctx, p, item.record.id, actor); !errors.empty())
    return refused_save(ctx, req, user, item, form, p,
                        {.refusal = documents::SaveRefusal::invalid, .errors = std::move(errors)});
  const auto r = documents::save_document(ctx.store, item.record.id, p.posted, actor, model::now(), base_of(form));
  if (r.refusal != documents::SaveRefusal::none) return refused_save(ctx, req, user, item, form, p, r);
  return Response::redirect(item_url(item.record.id) + "?da-luu=1");
}

Response transition_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto actor = actor_of(user, req);
  const auto item = viewable_item(ctx, req, user, id_param(req));
  const auto id = item.record.id;
  const Form form = form_of(req);
  const auto tr = model::parse_transition(form.get("transition"));
  if (!tr) throw HttpError(400, "Thao tác không hợp lệ.");
  const std::string key(model::to_string(*tr));
  const std::string raw_reason = form.has("reason-" + key) ? form.get("reason-" + key) : form.get("reason");
  const std::string reason = model::to_nfc(raw_reason).value_or("");
  if (!form.has("number")) {
    // A step on its own (the page was read-only for this user).
    const auto r = documents::transition_document(ctx.store, id, *tr, actor, reason, model::now());
    if (r.outcome == documents::Outcome::not_found) document_not_found();
    if (r.outcome != documents::Outcome::done) {
      std::string message = r.error.empty() ? std::string(documents::refusal_message(r.refusal)) : r.error;
      const bool invalid =
          r.outcome == documents::Outcome::invalid || r.refusal == model::TransitionRefusal::reason_required;
      DocumentFields shown;
      {
        const store::ReadTxn txn = ctx.store.read();
        shown = fields_of(txn, ctx.store.tables(), item.work);
      }
      return document_editor_page(
          ctx, req, user, item,
          {.shown = shown, .errors = {std::move(message)}, .status = invalid ? 422 : 403, .posted = &form});
    }
    return Response::redirect(item_url(id) + "?da-chuyen=" + key);
  }
  // A button of the edit form: what is on the screen is saved with the step, in one transaction.
  auto p = read_post(ctx, form);
  if (auto errors = all_errors(ctx, p, id, actor); !errors.empty())
    return refused_save(ctx, req, user, item, form, p,
                        {.refusal = documents::SaveRefusal::invalid, .errors = std::move(errors)});
  const auto r =
      documents::save_and_transition(ctx.store, id, p.posted, base_of(form), *tr, actor, reason, model::now());
  if (r.save.refusal != documents::SaveRefusal::none) return refused_save(ctx, req, user, item, form, p, r.save);
  if (r.transition.outcome != documents::Outcome::done) {
    if (r.transition.outcome == documents::Outcome::not_found) document_not_found();
    const bool invalid = r.transition.outcome == documents::Outcome::invalid ||
                         r.transition.refusal == model::TransitionRefusal::reason_required;
    std::string message = r.transition.error;
    if (message.empty()) message = documents::refusal_message(r.transition.refusal);
    return document_editor_page(ctx, req, user, item,
                                {.shown = p.fields,
                                 .errors = {std::move(message)},
                                 .status = invalid ? 422 : 403,
                                 .base_revision = base_of(form),
                                 .unsaved = true,
                                 .notices = lost_files_notice(p),
                                 .posted = &form});
  }
  return Response::redirect(item_url(id) + (r.save.revision ? "?da-luu=1&" : "?") + "da-chuyen=" + key);
}

namespace {

// The answer to a validity mark: back to the page, or the page with the error and what was typed.
Response mark_answer(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                     const Form& form, const documents::MarkResult& r) {
  switch (r.refusal) {
    case documents::MarkRefusal::none: return Response::redirect(item_url(id) + "?da-danh-dau=1");
    case documents::MarkRefusal::not_found: document_not_found();
    case documents::MarkRefusal::not_allowed:
      throw HttpError(403, "Chỉ Ban biên tập (trưởng ban, phó trưởng ban) đánh dấu hiệu lực của văn bản.");
    case documents::MarkRefusal::invalid: break;
  }
  const auto item = viewable_item(ctx, req, user, id);
  DocumentFields shown;
  {
    const store::ReadTxn txn = ctx.store.read();
    shown = fields_of(txn, ctx.store.tables(), item.work);
  }
  return document_editor_page(ctx, req, user, item,
                              {.shown = shown, .errors = {r.error}, .status = 422, .posted = &form});
}

// An optional date field of a mark form: 0 when empty; std::nullopt when it is no date.
std::optional<std::int32_t> mark_date(const Form& form) {
  const std::string raw(model::trim(form.get("on")));
  if (raw.empty()) return 0;
  return model::parse_document_date(raw);
}

}  // namespace

Response expire_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  const auto on = mark_date(form);
  const auto r = on ? documents::mark_expired(ctx.store, id, *on, form.get("note"), actor_of(user, req), model::now())
                    : documents::MarkResult{documents::MarkRefusal::invalid,
                                            "Ngày hết hiệu lực “" + form.get("on") + "” không phải một ngày."};
  return mark_answer(ctx, req, user, id, form, r);
}

Response replace_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  const auto on = mark_date(form);
  const auto r = on ? documents::mark_replaced(ctx.store, id, form.get("by"), *on, actor_of(user, req), model::now())
                    : documents::MarkResult{documents::MarkRefusal::invalid,
                                            "Ngày hết hiệu lực “" + form.get("on") + "” không phải một ngày."};
  return mark_answer(ctx, req, user, id, form, r);
}

Response unreplace_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  return mark_answer(ctx, req, user, id, form,
                     documents::clear_replacement(ctx.store, id, actor_of(user, req), model::now()));
}

Response restore_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const auto n = trailing_id(req.params.at("n"));
  if (!n || *n > UINT32_MAX) throw HttpError(404, "Không tìm thấy phiên bản.");
  const auto made =
      documents::restore_revision(ctx.store, id, static_cast<std::uint32_t>(*n), actor_of(user, req), model::now());
  if (!made)
    throw HttpError(403, "Không khôi phục được phiên bản này (không tồn tại hoặc bạn không được sửa văn bản).");
  return Response::redirect(item_url(id) + "?da-luu=1");
}

Response preview(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = viewable_item(ctx, req, user, id_param(req));
  // The version under work in the public template: what approval would put online.
  model::LegalDocument d = item.record;
  model::apply(d, item.work);
  const store::ReadTxn txn = ctx.store.read();
  return as_preview(render_document(ctx, txn, d), "/quan-tri/van-ban/" + std::to_string(item.record.id));
}

std::optional<Response> private_attachment(const Context& ctx, const Request& req, std::uint64_t document_id,
                                           std::uint64_t media_id) {
  const auto user = signed_in_user(ctx, req);
  if (!user) return std::nullopt;
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto item = documents::load_item(txn, t, document_id);
  if (!item || !documents::may_view(*item, actor_of(*user, req))) return std::nullopt;
  const auto attached = [&](const std::vector<model::Attachment>& list) {
    return std::any_of(list.begin(), list.end(), [&](const auto& a) { return a.media_id == media_id; });
  };
  if (!attached(item->record.attachments) && !attached(item->work.attachments)) return std::nullopt;
  const auto m = store::get_media(txn, t, media_id);
  if (!m) return std::nullopt;
  Response r = attachment_response(*m);
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

}  // namespace document_pages
}  // namespace portald::web::admin
