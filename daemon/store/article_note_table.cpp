#include "daemon/store/article_note_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::ArticleNote;

constexpr codec::EnumKey<model::NoteKind> kKind{&model::to_string, &model::parse_note_kind};

constexpr std::tuple kNoteFields{
    codec::required("article", &ArticleNote::article_id),
    codec::required("seq", &ArticleNote::seq),
    codec::optional("at", &ArticleNote::at),
    codec::optional("author", &ArticleNote::author),
    codec::optional("kind", &ArticleNote::kind, kKind),
    codec::optional("text", &ArticleNote::text),
};
constexpr auto kNote = codec::record<ArticleNote>("article note", 1, kNoteFields);

std::string be32(std::uint32_t v) { return be64(v).substr(4); }
std::string note_key(std::uint64_t article, std::uint32_t seq) { return be64(article) + be32(seq); }

}  // namespace

std::uint32_t add_article_note(WriteTxn& txn, const Tables& t, model::ArticleNote note) {
  std::uint32_t last = 0;
  {
    Cursor c(txn, t.article_notes);
    const std::string prefix = be64(note.article_id);
    if (c.seek_last_below(be64(note.article_id + 1)) && c.key().starts_with(prefix))
      last = static_cast<std::uint32_t>(read_be64(std::string(4, '\0') + std::string(c.key().substr(8))));
  }
  note.seq = last + 1;
  txn.put(t.article_notes, note_key(note.article_id, note.seq), kNote.encode(note));
  return note.seq;
}

std::vector<model::ArticleNote> list_article_notes(const Txn& txn, const Tables& t, std::uint64_t article) {
  std::vector<model::ArticleNote> out;
  const std::string prefix = be64(article);
  Cursor c(txn, t.article_notes);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next())
    out.push_back(kNote.decode(c.value()));
  return out;
}

std::optional<model::ArticleNote> last_article_note(const Txn& txn, const Tables& t, std::uint64_t article,
                                                    model::NoteKind kind) {
  auto notes = list_article_notes(txn, t, article);
  for (auto it = notes.rbegin(); it != notes.rend(); ++it)
    if (it->kind == kind) return std::move(*it);
  return std::nullopt;
}

}  // namespace portald::store
