#include "daemon/store/dialogue_table.hpp"

#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::Dialogue;
using model::DialogueEntry;

constexpr codec::EnumKey<model::DialogueState> kState{&model::to_string, &model::parse_dialogue_state};
constexpr codec::EnumKey<model::DialogueEntryState> kEntryState{&model::to_string, &model::parse_dialogue_entry_state};

constexpr std::tuple kDialogueFields{
    codec::required("id", &Dialogue::id),
    codec::optional("title", &Dialogue::title),
    codec::optional("agency", &Dialogue::agency_id),
    codec::optional("officials", &Dialogue::officials),
    codec::optional("starts_at", &Dialogue::starts_at),
    codec::optional("ends_at", &Dialogue::ends_at),
    codec::optional("description", &Dialogue::description),
    codec::optional("stream_url", &Dialogue::stream_url),
    codec::optional("state", &Dialogue::state, kState),
    codec::optional("created_by", &Dialogue::created_by),
    codec::optional("created_at", &Dialogue::created_at),
    codec::optional("updated_at", &Dialogue::updated_at),
    codec::optional("started_at", &Dialogue::started_at),
    codec::optional("ended_at", &Dialogue::ended_at),
};
constexpr auto kDialogue = codec::record<Dialogue>("dialogue", 1, kDialogueFields);

constexpr std::tuple kEntryFields{
    codec::required("question", &DialogueEntry::question_id),
    codec::optional("state", &DialogueEntry::state, kEntryState),
    codec::optional("received_at", &DialogueEntry::received_at),
    codec::optional("moderated_by", &DialogueEntry::moderated_by),
    codec::optional("moderated_at", &DialogueEntry::moderated_at),
    codec::optional("official", &DialogueEntry::official),
    codec::optional("answer", &DialogueEntry::answer),
    codec::optional("answered_by", &DialogueEntry::answered_by),
    codec::optional("answered_at", &DialogueEntry::answered_at),
};
constexpr auto kEntry = codec::record<DialogueEntry>("dialogue entry", 1, kEntryFields);

std::string entry_key(std::uint64_t dialogue, std::uint64_t question) { return be64(dialogue) + be64(question); }

}  // namespace

std::optional<model::Dialogue> get_dialogue(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.dialogues, be64(id));
  return v ? std::optional(kDialogue.decode(*v)) : std::nullopt;
}

void put_dialogue(WriteTxn& txn, const Tables& t, const model::Dialogue& d) {
  txn.put(t.dialogues, be64(d.id), kDialogue.encode(d));
  append_change(txn, t, ChangeKind::dialogue, d.id, ChangeOp::put);
}

std::vector<model::Dialogue> list_dialogues(const Txn& txn, const Tables& t) {
  std::vector<model::Dialogue> out;
  Cursor c(txn, t.dialogues);
  for (bool ok = c.last(); ok; ok = c.prev()) out.push_back(kDialogue.decode(c.value()));
  return out;
}

std::optional<model::DialogueEntry> get_dialogue_entry(const Txn& txn, const Tables& t, std::uint64_t dialogue,
                                                       std::uint64_t question) {
  const auto v = txn.get(t.dialogue_entries, entry_key(dialogue, question));
  return v ? std::optional(kEntry.decode(*v)) : std::nullopt;
}

void put_dialogue_entry(WriteTxn& txn, const Tables& t, std::uint64_t dialogue, const model::DialogueEntry& e,
                        const std::optional<model::DialogueEntry>& previous) {
  const std::string value = kEntry.encode(e);
  txn.put(t.dialogue_entries, entry_key(dialogue, e.question_id), value);
  const bool was_public = previous && model::is_public(*previous);
  if (was_public || model::is_public(e))
    if (!previous || kEntry.encode(*previous) != value)
      append_change(txn, t, ChangeKind::dialogue, dialogue, ChangeOp::put);
}

std::vector<model::DialogueEntry> list_dialogue_entries(const Txn& txn, const Tables& t, std::uint64_t dialogue) {
  std::vector<model::DialogueEntry> out;
  const std::string prefix = be64(dialogue);
  Cursor c(txn, t.dialogue_entries);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next())
    out.push_back(kEntry.decode(c.value()));
  return out;
}

}  // namespace portald::store
