// Online dialogues, the public side (issue 12, Quy chế Điều 5.5): the list (/doi-thoai: live, upcoming,
// past), one event (/doi-thoai/{id}) with its accepted questions and the answers, and the same as a small
// JSON (/doi-thoai/{id}/hoi-dap.json) that /static/dialogue.js polls while the event is live, so the page
// updates without a reload and a reload shows the same. Only masked names and masked texts, never contacts.
#include <nlohmann/json.hpp>

#include "daemon/model/dialogue.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

// The live JSON is polled by every open page of a live event: shared caches keep it a few seconds, so a
// crowd costs the daemon one render per change (the page cache) and a proxy one fetch per 5 seconds.
constexpr const char* kLiveCacheControl = "public, max-age=5, s-maxage=5";

std::string agency_name(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  const auto a = id ? store::get_agency(txn, t, id) : std::nullopt;
  return a ? a->name : "";
}

model::Dialogue dialogue_of(const store::Txn& txn, const store::Tables& t, const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  auto d = id ? store::get_dialogue(txn, t, *id) : std::nullopt;
  // A cancelled event has no page of its own: it was never held.
  if (!d || d->state == model::DialogueState::cancelled) throw HttpError(404, "Không tìm thấy buổi đối thoại.");
  return *d;
}

// An accepted question as the page and the JSON show it.
struct Shown {
  model::DialogueEntry entry;
  model::Question question;
};
std::vector<Shown> shown_entries(const store::Txn& txn, const store::Tables& t, std::uint64_t dialogue) {
  std::vector<Shown> out;
  for (auto& e : store::list_dialogue_entries(txn, t, dialogue)) {
    if (!model::is_public(e)) continue;
    if (auto q = store::get_question(txn, t, e.question_id)) out.push_back({std::move(e), std::move(*q)});
  }
  return out;
}

std::string count_text(const std::vector<Shown>& shown) {
  std::size_t answered = 0;
  for (const auto& s : shown) answered += s.entry.answer.empty() ? 0 : 1;
  if (shown.empty()) return "Chưa có câu hỏi nào được đưa lên.";
  return std::to_string(shown.size()) + " câu hỏi, " + std::to_string(answered) + " đã được trả lời.";
}

}  // namespace

Response dialogues_page(const Context& ctx, Request&) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  ctemplate::TemplateDictionary dict("dialogues");
  auto* head = fill_layout(dict, ctx, txn, "Đối thoại trực tuyến");
  head->AddSectionDictionary("DESCRIPTION")
      ->SetValue("TEXT", "Các buổi đối thoại trực tuyến giữa lãnh đạo cơ quan nhà nước và người dân, doanh nghiệp.");
  auto all = store::list_dialogues(txn, t);
  std::erase_if(all, [](const auto& d) { return d.state == model::DialogueState::cancelled; });
  // Live first, then the upcoming ones soonest first, then the record of past ones newest first.
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    const bool past_a = a.state == model::DialogueState::ended, past_b = b.state == model::DialogueState::ended;
    return past_a == past_b ? (past_a ? a.starts_at > b.starts_at : a.starts_at < b.starts_at) : past_b;
  });
  struct Group {
    const char* key;
    const char* heading;
    const char* empty;
    model::DialogueState state;
  };
  for (const Group g :
       {Group{"dang-dien-ra", "Đang diễn ra", "", model::DialogueState::live},
        Group{"sap-dien-ra", "Sắp diễn ra", "Chưa có buổi đối thoại nào được lên lịch.", model::DialogueState::planned},
        Group{"da-dien-ra", "Đã diễn ra", "Chưa có buổi đối thoại nào.", model::DialogueState::ended}}) {
    const bool any = std::any_of(all.begin(), all.end(), [&](const auto& d) { return d.state == g.state; });
    if (!any && !*g.empty) continue;
    auto* group = dict.AddSectionDictionary("GROUP");
    group->SetValue("KEY", g.key);
    group->SetValue("HEADING", g.heading);
    if (!any) group->AddSectionDictionary("EMPTY")->SetValue("TEXT", g.empty);
    for (const auto& d : all) {
      if (d.state != g.state) continue;
      auto* item = group->AddSectionDictionary("DIALOGUE");
      item->SetValue("ID", std::to_string(d.id));
      item->SetValue("TITLE", d.title);
      item->SetValue("STATE", std::string(model::state_label(d.state)));
      item->SetValue("STATE_KEY", std::string(model::to_string(d.state)));
      item->SetValue("STARTS", model::format_datetime_vn(d.starts_at));
      item->SetValue("STARTS_ISO", model::format_rfc3339(d.starts_at));
      if (const auto name = agency_name(txn, t, d.agency_id); !name.empty())
        item->AddSectionDictionary("AGENCY")->SetValue("NAME", name);
    }
  }
  return render_page(ctx, "dialogues", dict);
}

Response dialogue_page(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto d = dialogue_of(txn, t, req);
  ctemplate::TemplateDictionary dict("dialogue");
  auto* head = fill_layout(dict, ctx, txn, d.title);
  head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", "Đối thoại trực tuyến: " + d.title);
  dict.SetValue("ID", std::to_string(d.id));
  dict.SetValue("TITLE", d.title);
  dict.SetValue("STATE", std::string(model::state_label(d.state)));
  dict.SetValue("STATE_KEY", std::string(model::to_string(d.state)));
  dict.SetValue("STARTS", model::format_datetime_vn(d.starts_at));
  dict.SetValue("STARTS_ISO", model::format_rfc3339(d.starts_at));
  dict.SetValue("ENDS", model::format_datetime_vn(d.ends_at));
  dict.SetValue("ENDS_ISO", model::format_rfc3339(d.ends_at));
  if (const auto name = agency_name(txn, t, d.agency_id); !name.empty())
    dict.AddSectionDictionary("AGENCY")->SetValue("NAME", name);
  for (const auto& o : d.officials) dict.AddSectionDictionary("OFFICIAL")->SetValue("NAME", o);
  if (!d.description.empty()) dict.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", d.description);
  // The stream only while it can play (and an ended one's recording, when the same address keeps it); the
  // page's CSP frame-src is the allow-list itself (app.cpp), so an address saved under an older list that
  // has since been narrowed is blocked by the browser too.
  if (!d.stream_url.empty()) {
    auto* s = dict.AddSectionDictionary("STREAM");
    s->SetValue("URL", d.stream_url);
    s->SetValue("TITLE", d.title);
  }
  if (model::accepts_questions(d.state)) dict.ShowSection("ASK");
  const auto shown = shown_entries(txn, t, d.id);
  dict.SetValue("COUNT_TEXT", count_text(shown));
  for (const auto& s : shown) {
    auto* e = dict.AddSectionDictionary("ENTRY");
    e->SetValue("QID", std::to_string(s.question.id));
    e->SetValue("TITLE", s.question.title);
    e->SetValue("ASKER", s.question.masked_name);
    e->SetValue("ASKED", model::format_datetime_vn(s.question.received_at));
    e->SetValue("ASKED_ISO", model::format_rfc3339(s.question.received_at));
    e->SetValue("TEXT", s.question.text);
    if (s.entry.answer.empty()) {
      e->ShowSection("WAITING");
    } else {
      auto* a = e->AddSectionDictionary("ANSWER");
      a->SetValue("OFFICIAL", s.entry.official);
      a->SetValue("AT", model::format_datetime_vn(s.entry.answered_at));
      a->SetValue("AT_ISO", model::format_rfc3339(s.entry.answered_at));
      a->SetValue("TEXT", s.entry.answer);
    }
  }
  return render_page(ctx, "dialogue", dict);
}

Response dialogue_json(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto d = dialogue_of(txn, t, req);
  const auto shown = shown_entries(txn, t, d.id);
  auto entries = nlohmann::json::array();
  for (const auto& s : shown) {
    nlohmann::json e{{"id", s.question.id},
                     {"title", s.question.title},
                     {"asker", s.question.masked_name},
                     {"asked", model::format_datetime_vn(s.question.received_at)},
                     {"asked_iso", model::format_rfc3339(s.question.received_at)},
                     {"text", s.question.text}};
    if (!s.entry.answer.empty())
      e["answer"] = {{"official", s.entry.official},
                     {"at", model::format_datetime_vn(s.entry.answered_at)},
                     {"at_iso", model::format_rfc3339(s.entry.answered_at)},
                     {"text", s.entry.answer}};
    entries.push_back(std::move(e));
  }
  const nlohmann::json body{{"id", d.id},
                            {"state", model::to_string(d.state)},
                            {"state_label", model::state_label(d.state)},
                            {"count_text", count_text(shown)},
                            {"entries", std::move(entries)}};
  Response r = Response::json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  r.headers.emplace_back("Cache-Control", kLiveCacheControl);
  return r;
}

}  // namespace portald::web
