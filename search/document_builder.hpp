#pragma once
// Turns store records into Xapian documents: normalised text with exact and folded terms, filter
// terms, date values, and the stored fields a result page shows (so a search needs no LMDB reads).
#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/model/legal_document.hpp"
#include "daemon/model/question.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/model/topic.hpp"
#include "daemon/store/store.hpp"
#include "search/schema.hpp"

namespace portald::search {

// What a hit shows, kept as the document's data.
struct StoredItem {
  ItemKind kind = ItemKind::article;
  std::uint64_t id = 0;
  std::string slug;  // URL slug (article slug; slug of a document's number)
  std::string title;
  model::UnixTime published_at = 0;  // a document's issue date at 00:00 in Vietnam
  std::string category;              // category name (articles), field (lĩnh vực) of a question
  std::string agency;                // agency name, or a document's issuer
  std::string doc_type;              // a document's type ("Quyết định")
  std::string number;                // a document's number ("1382/QĐ-UBND")
  std::string text;                  // plain text the snippet is cut from (capped)
  std::string lang = "vi";           // a section page's language ("vi", "en"): its URL depends on it
};

std::string encode_item(const StoredItem& item);
// std::nullopt when the bytes are not an item of this index format.
std::optional<StoredItem> decode_item(std::string_view data);
// The public page of the item: "/tin-tuc/<slug>-<id>", "/van-ban/<slug>-<id>", "/trang/<slug>" (or
// "/en/<slug>"), "/chuyen-de/<slug>", "/hoi-dap/<id>" (the same scheme as web/links.hpp; URLs are made
// at query time, so changing it needs no re-index).
std::string item_url(const StoredItem& item);

struct BuiltItem {
  ItemKind kind = ItemKind::article;
  std::uint64_t id = 0;
  Xapian::Document doc;
  std::vector<std::string> spelling;  // title words for the "did you mean" dictionary
  // Filter values with their display names (slug, name), kept as index metadata for the search form.
  std::pair<std::string, std::string> agency, doc_type;
};

struct ArticleNames {
  std::string category, category_slug, agency, agency_slug;
};

// The answering agency of a question, as its filter and its hit show it.
struct AgencyNames {
  std::string name, slug;
};

// Holds a TermGenerator and a stemmer: one per thread.
class DocumentBuilder {
 public:
  // phrase_pairs: also index every two adjacent words as a boolean term (schema.hpp, phrase_pair_term).
  explicit DocumentBuilder(bool phrase_pairs = false);
  // The item as the store has it in `txn`; std::nullopt when it does not belong in the index
  // (absent, or an article or question that is not published). Throws store::StoreError on a corrupt record.
  std::optional<BuiltItem> load(const store::Txn& txn, const store::Tables& t, ItemKind kind, std::uint64_t id);
  BuiltItem build(const model::Article& a, const ArticleNames& names);
  BuiltItem build(const model::LegalDocument& d);
  // A public section page: title, summary, body and the cells of its entries; lang="en" pages are also
  // indexed with the English analyser.
  BuiltItem build(const model::SitePage& p);
  BuiltItem build(const model::Topic& t);
  // A published citizen's question (issue 12): its title, text and the official answer, which are masked
  // already (model/question_text.hpp). Nothing else of the record is read: no name, no contact, no
  // tracking code.
  BuiltItem build(const model::Question& q, const AgencyNames& agency);

 private:
  void set_document(Xapian::Document& doc);
  void add_text(const std::string& text, Xapian::termcount wdf, std::string_view pre);
  static void add_pairs(Xapian::Document& doc, const std::string& text, Xapian::termcount wdf);
  void add_phrase_pairs(const std::string& text);
  void index_free_text(const std::string& title, std::initializer_list<std::string_view> body, std::string_view agency);
  // English-stemmed terms (prefix::english) of an English item's text.
  void add_english(const std::string& text, Xapian::termcount wdf);
  Xapian::Stem stemmer_, english_stemmer_;
  Xapian::TermGenerator folded_, exact_, english_;
  bool phrase_pairs_;
  Xapian::Document* doc_ = nullptr;  // the document set_document() named
};

// Lower-case words of at least two letters, for the spelling dictionary.
std::vector<std::string> spelling_words(std::string_view normalized_text);
// "YYYYMMDD" of a Unix time in Vietnam.
std::string vn_day_key(model::UnixTime t);

}  // namespace portald::search
