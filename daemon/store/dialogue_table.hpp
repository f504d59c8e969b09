#pragma once
// Online dialogues (issue 12, Quy chế Điều 5.5): table "dialogues" and the moderation of their questions,
// "dialogue_entries" (one per question, keyed by dialogue then question, so a dialogue's questions are one
// range). Every write that changes what the public page shows appends (dialogue, id) to the change log.
#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/model/dialogue.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Dialogue> get_dialogue(const Txn& txn, const Tables& t, std::uint64_t id);
// Writes the record and appends a change-log entry (every field of a dialogue is public).
void put_dialogue(WriteTxn& txn, const Tables& t, const model::Dialogue& d);
// Every dialogue, newest id first (a province holds a few a month).
std::vector<model::Dialogue> list_dialogues(const Txn& txn, const Tables& t);

std::optional<model::DialogueEntry> get_dialogue_entry(const Txn& txn, const Tables& t, std::uint64_t dialogue,
                                                       std::uint64_t question);
// Writes the entry; appends (dialogue, id) to the change log when the public page changes (it is or was
// accepted). `previous` is the stored entry, std::nullopt for a new one.
void put_dialogue_entry(WriteTxn& txn, const Tables& t, std::uint64_t dialogue, const model::DialogueEntry& e,
                        const std::optional<model::DialogueEntry>& previous);
// The entries of a dialogue, oldest question first (the order they were asked).
std::vector<model::DialogueEntry> list_dialogue_entries(const Txn& txn, const Tables& t, std::uint64_t dialogue);

}  // namespace portald::store
