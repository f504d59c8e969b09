#include "search/document_builder.hpp"

#include <charconv>
#include <utility>

#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "search/document_number.hpp"
#include "search/fold_stemmer.hpp"
#include "search/vietnamese.hpp"

namespace portald::search {
namespace {

// Snippets are cut from this much text; longer bodies are still indexed whole.
constexpr std::size_t kMaxStoredText = 8 * 1024;
constexpr Xapian::termcount kTitleWeight = 3;  // a title word counts as this many body words
constexpr char kDataVersion = '2';

// Cuts at a code point boundary at most `max` bytes in.
std::string capped(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

void put_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

bool take_field(std::string_view& in, std::string& field) {
  const auto colon = in.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 10) return false;
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(in.data(), in.data() + colon, n);
  if (ec != std::errc() || end != in.data() + colon || n > in.size() - colon - 1) return false;
  field.assign(in.substr(colon + 1, n));
  in.remove_prefix(colon + 1 + n);
  return true;
}

void add_dates(Xapian::Document& doc, model::UnixTime t) {
  doc.add_value(slot::day, vn_day_key(t));
  doc.add_value(slot::time, Xapian::sortable_serialise(static_cast<double>(t)));
}

void add_filter(Xapian::Document& doc, std::string_view pre, std::string_view value) {
  if (!value.empty()) doc.add_boolean_term(std::string(pre) + std::string(value));
}

bool known_kind(char letter) {
  for (const ItemKind k : {ItemKind::article, ItemKind::document, ItemKind::page, ItemKind::topic, ItemKind::question})
    if (letter == static_cast<char>(k)) return true;
  return false;
}

}  // namespace

std::string_view to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::article: return "article";
    case ItemKind::document: return "document";
    case ItemKind::page: return "page";
    case ItemKind::topic: return "topic";
    case ItemKind::question: return "question";
  }
  return "article";
}

std::string encode_item(const StoredItem& item) {
  std::string out;
  out += kDataVersion;
  out += static_cast<char>(item.kind);
  const std::string id = std::to_string(item.id), published = std::to_string(item.published_at);
  for (const std::string* f : {&id, &item.slug, &item.title, &published, &item.category, &item.agency, &item.doc_type,
                               &item.number, &item.text, &item.lang})
    put_field(out, *f);
  return out;
}

std::optional<StoredItem> decode_item(std::string_view data) {
  if (data.size() < 2 || data[0] != kDataVersion) return std::nullopt;
  StoredItem item;
  if (!known_kind(data[1])) return std::nullopt;
  item.kind = static_cast<ItemKind>(data[1]);
  data.remove_prefix(2);
  std::string id, published;
  for (std::string* f : {&id, &item.slug, &item.title, &published, &item.category, &item.agency, &item.doc_type,
                         &item.number, &item.text, &item.lang})
    if (!take_field(data, *f)) return std::nullopt;
  const auto r1 = std::from_chars(id.data(), id.data() + id.size(), item.id);
  const auto r2 = std::from_chars(published.data(), published.data() + published.size(), item.published_at);
  if (r1.ec != std::errc() || r2.ec != std::errc() || !data.empty()) return std::nullopt;
  return item;
}

std::string item_url(const StoredItem& item) {
  switch (item.kind) {
    case ItemKind::article:
      return "/tin-tuc/" + (item.slug.empty() ? std::string("bai-viet") : item.slug) + "-" + std::to_string(item.id);
    case ItemKind::page: return (item.lang == "en" ? "/en/" : "/trang/") + item.slug;
    case ItemKind::topic: return "/chuyen-de/" + item.slug;
    case ItemKind::question: return "/hoi-dap/" + std::to_string(item.id);
    case ItemKind::document: break;
  }
  return "/van-ban/" + (item.slug.empty() ? std::string("van-ban") : item.slug) + "-" + std::to_string(item.id);
}

std::string vn_day_key(model::UnixTime t) {
  const model::UnixTime local = t + model::kVietnamOffsetSeconds;
  const auto days = static_cast<std::int32_t>((local >= 0 ? local : local - 86399) / 86400);
  std::string iso = model::format_iso_date(days);  // YYYY-MM-DD
  std::string key;
  for (const char c : iso)
    if (c != '-') key += c;
  return key;
}

std::vector<std::string> spelling_words(std::string_view normalized_text) {
  std::vector<std::string> words;
  std::string word;
  bool letters_only = true;
  const auto flush = [&] {
    if (letters_only && model::count_code_points(word) >= 2) words.push_back(word);
    word.clear();
    letters_only = true;
  };
  for (Xapian::Utf8Iterator it(normalized_text.data(), normalized_text.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    if (!Xapian::Unicode::is_wordchar(ch)) {
      flush();
      continue;
    }
    if (Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER) letters_only = false;
    Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
  }
  flush();
  return words;
}

DocumentBuilder::DocumentBuilder(bool phrase_pairs)
    : stemmer_(make_fold_stemmer()), english_stemmer_(make_english_stemmer()), phrase_pairs_(phrase_pairs) {
  folded_.set_stemmer(stemmer_);
  folded_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  exact_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  english_.set_stemmer(english_stemmer_);
  english_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
}

void DocumentBuilder::set_document(Xapian::Document& doc) {
  doc_ = &doc;
  folded_.set_document(doc);
  exact_.set_document(doc);
  english_.set_document(doc);
}

void DocumentBuilder::add_english(const std::string& text, Xapian::termcount wdf) {
  // Matching only (no positions): phrases are matched by the folded terms.
  english_.index_text_without_positions(text, wdf, std::string(prefix::english));
}

void DocumentBuilder::add_text(const std::string& text, Xapian::termcount wdf, std::string_view pre) {
  // Folded terms decide matches and carry positions (phrases, typed with or without diacritics);
  // exact terms only rank, so they go without positions, which halves the writer's work.
  folded_.increase_termpos();
  folded_.index_text(text, wdf, std::string(pre));
  exact_.index_text_without_positions(text, wdf, std::string(pre));
  // Field-prefixed copies ("title:") repeat words the unprefixed text already paired.
  if (phrase_pairs_ && pre.empty()) add_phrase_pairs(text);
}

void DocumentBuilder::add_phrase_pairs(const std::string& text) {
  std::string previous;
  for (const auto& w : split_words(text)) {
    std::string folded = fold(lower(w));
    if (const auto pair = phrase_pair_term(previous, folded)) doc_->add_boolean_term(*pair);
    previous = std::move(folded);
  }
}

void DocumentBuilder::add_pairs(Xapian::Document& doc, const std::string& text, Xapian::termcount wdf) {
  const auto words = split_words(text);
  std::string previous;
  for (const auto& w : words) {
    std::string folded = fold(lower(w));
    if (const auto pair = pair_term(previous, folded)) doc.add_term(*pair, wdf);
    previous = std::move(folded);
  }
}

void DocumentBuilder::index_free_text(const std::string& title, std::initializer_list<std::string_view> body,
                                      std::string_view agency) {
  add_text(title, 1, prefix::title);
  add_text(title, kTitleWeight, "");
  for (const auto part : body) add_text(normalize(part), 1, "");
  if (!agency.empty()) {
    const std::string a = normalize(agency);
    add_text(a, 1, prefix::agency_text);
    add_text(a, 1, "");
  }
}

BuiltItem DocumentBuilder::build(const model::Article& a, const ArticleNames& names) {
  BuiltItem out;
  out.kind = ItemKind::article;
  out.id = a.id;
  Xapian::Document& doc = out.doc;
  set_document(doc);
  const std::string title = normalize(one_line(a.title));
  std::string body = model::html_to_text(a.body_html);
  index_free_text(title, {a.summary, body}, names.agency);
  // Adjacent words of the title and the lead (the lead says what the article is about; pairs from
  // whole bodies would double the index for little gain in ranking).
  add_pairs(doc, title, kTitleWeight);
  add_pairs(doc, normalize(a.summary.empty() ? body.substr(0, 600) : a.summary), 1);

  doc.add_boolean_term(id_term(ItemKind::article, a.id));
  add_filter(doc, prefix::kind, "article");
  add_filter(doc, prefix::lang, "vi");
  add_filter(doc, prefix::category, names.category_slug);
  if (a.category_id) add_filter(doc, prefix::category_id, std::to_string(a.category_id));
  add_filter(doc, prefix::agency, names.agency_slug);
  if (a.agency_id) add_filter(doc, prefix::agency_id, std::to_string(a.agency_id));
  add_dates(doc, a.published_at);

  StoredItem item{ItemKind::article,
                  a.id,
                  a.slug,
                  one_line(a.title),
                  a.published_at,
                  names.category,
                  names.agency,
                  {},
                  {},
                  capped(body.empty() ? a.summary : std::move(body), kMaxStoredText),
                  "vi"};
  doc.set_data(encode_item(item));
  out.spelling = spelling_words(title);
  if (!names.agency_slug.empty()) out.agency = {names.agency_slug, names.agency};
  return out;
}

BuiltItem DocumentBuilder::build(const model::LegalDocument& d) {
  BuiltItem out;
  out.kind = ItemKind::document;
  out.id = d.id;
  Xapian::Document& doc = out.doc;
  set_document(doc);
  const std::string type = d.type.empty() ? std::string("Văn bản") : d.type;
  const std::string display_title = one_line(type + " số " + d.number);
  // The abstract (trích yếu) is what a document is about: index it with the title's weight.
  const std::string title = normalize(one_line(type + " " + d.number + " " + d.abstract_text));
  index_free_text(title, {d.signer, d.field}, d.issuer);
  add_pairs(doc, title, kTitleWeight);

  doc.add_boolean_term(id_term(ItemKind::document, d.id));
  add_filter(doc, prefix::kind, "document");
  add_filter(doc, prefix::lang, "vi");
  add_filter(doc, prefix::agency, model::slugify(d.issuer));
  add_filter(doc, prefix::doc_type, model::slugify(type));
  if (const std::string number = normalize_number(d.number); !number.empty()) {
    doc.add_term(std::string(prefix::number) + number);
    for (const auto& part : number_parts(number)) doc.add_term(std::string(prefix::number_part) + part);
  }
  const model::UnixTime issued = model::UnixTime{d.issued_on} * 86400 - model::kVietnamOffsetSeconds;
  add_dates(doc, issued);

  StoredItem item{ItemKind::document,
                  d.id,
                  model::slugify(d.number, 60),
                  display_title,
                  issued,
                  {},
                  d.issuer,
                  type,
                  d.number,
                  capped(d.abstract_text, kMaxStoredText),
                  "vi"};
  doc.set_data(encode_item(item));
  out.spelling = spelling_words(normalize(d.abstract_text));
  if (const std::string slug = model::slugify(d.issuer); !slug.empty()) out.agency = {slug, d.issuer};
  out.doc_type = {model::slugify(type), type};
  return out;
}

BuiltItem DocumentBuilder::build(const model::SitePage& p) {
  BuiltItem out;
  out.kind = ItemKind::page;
  out.id = p.id;
  Xapian::Document& doc = out.doc;
  set_document(doc);
  const std::string title = normalize(one_line(p.title));
  std::string body = model::html_to_text(p.body_html);
  // The entries (officials, disclosure items, links) are what people look for on these pages.
  std::string cells;
  for (const auto& row : p.entries)
    for (const auto& cell : row)
      if (!cell.empty() && !cell.starts_with("http") && !cell.starts_with("/")) cells += cell + "\n";
  index_free_text(title, {p.summary, body, cells}, {});
  add_pairs(doc, title, kTitleWeight);
  add_pairs(doc, normalize(p.summary.empty() ? body.substr(0, 600) : p.summary), 1);
  if (p.lang == "en") {
    add_english(title, kTitleWeight);
    add_english(normalize(p.summary), 1);
    add_english(normalize(body), 1);
    add_english(normalize(cells), 1);
  }

  doc.add_boolean_term(id_term(ItemKind::page, p.id));
  add_filter(doc, prefix::kind, "page");
  add_filter(doc, prefix::lang, p.lang);
  add_dates(doc, p.updated_at);

  std::string text = p.summary.empty() ? body : p.summary + "\n" + body;
  if (!cells.empty()) text += "\n" + cells;
  StoredItem item{ItemKind::page,
                  p.id,
                  p.slug,
                  one_line(p.title),
                  p.updated_at,
                  {},
                  {},
                  {},
                  {},
                  capped(std::move(text), kMaxStoredText),
                  p.lang};
  doc.set_data(encode_item(item));
  out.spelling = spelling_words(title);
  return out;
}

BuiltItem DocumentBuilder::build(const model::Topic& tp) {
  BuiltItem out;
  out.kind = ItemKind::topic;
  out.id = tp.id;
  Xapian::Document& doc = out.doc;
  set_document(doc);
  const std::string title = normalize(one_line(tp.name));
  index_free_text(title, {tp.description}, {});
  add_pairs(doc, title, kTitleWeight);
  add_pairs(doc, normalize(tp.description.substr(0, 600)), 1);

  doc.add_boolean_term(id_term(ItemKind::topic, tp.id));
  add_filter(doc, prefix::kind, "topic");
  add_filter(doc, prefix::lang, "vi");
  add_dates(doc, tp.updated_at);

  StoredItem item{ItemKind::topic,
                  tp.id,
                  tp.slug,
                  one_line(tp.name),
                  tp.updated_at,
                  {},
                  {},
                  {},
                  {},
                  capped(tp.description.empty() ? tp.name : tp.description, kMaxStoredText),
                  "vi"};
  doc.set_data(encode_item(item));
  out.spelling = spelling_words(title);
  return out;
}

BuiltItem DocumentBuilder::build(const model::Question& q, const AgencyNames& agency) {
  BuiltItem out;
  out.kind = ItemKind::question;
  out.id = q.id;
  Xapian::Document& doc = out.doc;
  set_document(doc);
  const std::string title = normalize(one_line(q.title));
  index_free_text(title, {q.text, q.answer, q.field}, agency.name);
  add_pairs(doc, title, kTitleWeight);
  add_pairs(doc, normalize(q.text.substr(0, 600)), 1);

  doc.add_boolean_term(id_term(ItemKind::question, q.id));
  add_filter(doc, prefix::kind, "question");
  add_filter(doc, prefix::lang, "vi");
  add_filter(doc, prefix::agency, agency.slug);
  if (q.agency_id) add_filter(doc, prefix::agency_id, std::to_string(q.agency_id));
  add_dates(doc, q.published_at);

  StoredItem item{ItemKind::question,
                  q.id,
                  {},
                  one_line(q.title),
                  q.published_at,
                  q.field,
                  agency.name,
                  {},
                  {},
                  capped(q.answer.empty() ? q.text : q.text + "\n" + q.answer, kMaxStoredText),
                  "vi"};
  doc.set_data(encode_item(item));
  out.spelling = spelling_words(title);
  if (!agency.slug.empty()) out.agency = {agency.slug, agency.name};
  return out;
}

std::optional<BuiltItem> DocumentBuilder::load(const store::Txn& txn, const store::Tables& t, ItemKind kind,
                                               std::uint64_t id) {
  if (kind == ItemKind::page) {
    const auto p = store::get_site_page(txn, t, id);
    return p ? std::optional(build(*p)) : std::nullopt;
  }
  if (kind == ItemKind::topic) {
    const auto tp = store::get_topic(txn, t, id);
    return tp ? std::optional(build(*tp)) : std::nullopt;
  }
  if (kind == ItemKind::question) {
    // Only a published question is public; one closed or taken back leaves the index.
    const auto q = store::get_question(txn, t, id);
    if (!q || q->state != model::QuestionState::published) return std::nullopt;
    AgencyNames agency;
    if (const auto g = store::get_agency(txn, t, q->agency_id)) agency = {g->name, g->slug};
    return build(*q, agency);
  }
  if (kind == ItemKind::document) {
    // Drafts and withdrawn documents are nobody's search result (issue 14).
    const auto d = store::get_public_document(txn, t, id);
    return d ? std::optional(build(*d)) : std::nullopt;
  }
  const auto a = store::get_article(txn, t, id);
  if (!a || a->status != model::ArticleStatus::published) return std::nullopt;
  ArticleNames names;
  if (const auto c = store::get_category(txn, t, a->category_id)) {
    names.category = c->name;
    names.category_slug = c->slug;
  }
  if (const auto g = store::get_agency(txn, t, a->agency_id)) {
    names.agency = g->name;
    names.agency_slug = g->slug;
  }
  return build(*a, names);
}

}  // namespace portald::search
