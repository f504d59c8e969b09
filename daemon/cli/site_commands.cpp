// portaldctl settings show|set, pages list|import and topics import: the site settings (header, footer,
// service links, EMC script) and the editable section pages and topics. Every write goes through the
// site services (daemon/site/), with the admin's rule and audit entry.
#include <fstream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "daemon/cli/command.hpp"
#include "daemon/model/text.hpp"
#include "daemon/site/imports.hpp"
#include "daemon/site/settings.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::cli {
namespace {

// The English line for the first problem the site service found with a value.
std::string problem_text(const site::SettingError& e) {
  switch (e.problem) {
    case site::SettingProblem::not_utf8: return "the value is not valid UTF-8";
    case site::SettingProblem::too_long: return "the value is longer than 2000 bytes";
    case site::SettingProblem::not_a_url: return std::string(e.field->key) + " must be an http(s):// address or a path";
    case site::SettingProblem::not_a_script_url: return "emc_script_url must be an https:// address";
    case site::SettingProblem::empty_required: return std::string(e.field->key) + " must not be empty";
    case site::SettingProblem::not_an_origin:
      return "embed_origins: '" + e.value + "' is not an https://host[:port] origin (no path, no wildcard)";
    case site::SettingProblem::not_a_flag: return std::string(e.field->key) + " must be 1 (on) or 0 (off)";
    case site::SettingProblem::not_a_person_name:
      return "responsible_person must be a person's name (2 to 7 words, no digits); the position goes in "
             "responsible_title";
    case site::SettingProblem::not_a_licence_number:
      return "licence must be the licence number alone, e.g. 12/GP-TTĐT (issuer and date have their own keys)";
    case site::SettingProblem::not_a_past_date:
      return std::string(e.field->key) + " must be a date up to today, YYYY-MM-DD or dd/mm/yyyy";
  }
  return std::string(e.field->key) + ": invalid";
}

// One page from a JSON object; throws std::invalid_argument with the reason.
model::SitePage parse_page(const nlohmann::json& j) {
  if (!j.is_object()) throw std::invalid_argument("not a JSON object");
  model::SitePage p;
  const auto text = [&](const char* name, bool required) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) {
      if (required) throw std::invalid_argument(std::string(name) + ": required");
      return std::string();
    }
    if (!it->is_string()) throw std::invalid_argument(std::string(name) + ": must be a string");
    const auto nfc = model::to_nfc(it->get<std::string>());
    if (!nfc) throw std::invalid_argument(std::string(name) + ": not valid UTF-8");
    return std::string(model::trim(*nfc));
  };
  p.lang = j.contains("lang") ? text("lang", true) : "vi";
  p.slug = text("slug", true);
  p.title = text("title", true);
  p.summary = text("summary", false);
  p.body_html = text("body_html", false);
  const std::string kind = j.contains("kind") ? text("kind", true) : "text";
  const auto k = model::parse_page_kind(kind);
  if (!k) throw std::invalid_argument("kind: one of text, contacts, disclosure, links");
  p.kind = *k;
  p.position = j.value("position", 0u);
  const auto& columns = model::page_columns(p.kind);
  for (const auto& e : j.value("entries", nlohmann::json::array())) {
    if (!e.is_object()) throw std::invalid_argument("entries: every entry must be an object");
    std::vector<std::string> row;
    for (const auto& c : columns) row.push_back(e.value(std::string(c.key), ""));
    p.entries.push_back(std::move(row));
  }
  return p;
}

// One topic from a JSON object; "articles" are the ids the articles were imported under.
model::Topic parse_topic(const store::Txn& txn, const store::Tables& t, const nlohmann::json& j) {
  if (!j.is_object()) throw std::invalid_argument("not a JSON object");
  model::Topic tp;
  const auto text = [&](const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::string();
    if (!it->is_string()) throw std::invalid_argument(std::string(name) + ": must be a string");
    const auto nfc = model::to_nfc(it->get<std::string>());
    if (!nfc) throw std::invalid_argument(std::string(name) + ": not valid UTF-8");
    return std::string(model::trim(*nfc));
  };
  tp.slug = text("slug");
  tp.name = text("name");
  if (tp.name.empty()) throw std::invalid_argument("name: required");
  if (tp.slug.empty()) tp.slug = model::slugify(tp.name);
  if (tp.slug != model::slugify(tp.slug)) throw std::invalid_argument("slug: lower-case ASCII words joined by '-'");
  tp.description = text("description");
  tp.featured = j.value("featured", false);
  tp.position = j.value("position", 0u);
  for (const auto& a : j.value("articles", nlohmann::json::array())) {
    const std::string source = a.is_string() ? a.get<std::string>() : a.is_number_integer() ? a.dump() : "";
    const auto id = source.empty() ? std::nullopt : store::find_article_by_source(txn, t, source);
    if (!id) throw std::invalid_argument("articles: no article imported with id " + a.dump());
    tp.article_ids.push_back(*id);
  }
  return tp;
}

}  // namespace

int cmd_topics_import(CommandContext& c) {
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl topics import FILE.jsonl\n";
    return 2;
  }
  std::ifstream in(c.args[0], std::ios::binary);
  if (!in) {
    c.err << c.args[0] << ": cannot open\n";
    return 1;
  }
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  store::WriteTxn txn = store.write();
  std::vector<model::Topic> topics;
  std::string line;
  bool bad = false;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (model::trim(line).empty()) continue;
    try {
      topics.push_back(parse_topic(txn, store.tables(), nlohmann::json::parse(line)));
    } catch (const std::exception& e) {
      c.err << c.args[0] << ":" << n << ": " << e.what() << "\n";
      bad = true;
    }
  }
  if (bad) return 1;  // all or nothing: the transaction is dropped
  const std::size_t count = topics.size();
  if (site::import_topics(txn, store.tables(), std::move(topics), model::console_actor(), model::now()) !=
      site::Refusal::none)
    return 1;
  txn.commit();
  c.out << c.args[0] << ": " << count << " topics saved\n";
  return 0;
}

int cmd_settings_show(CommandContext& c) {
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  const store::ReadTxn txn = store.read();
  const auto s = store::get_site_settings(txn, store.tables());
  for (const auto& f : site::setting_fields()) c.out << f.key << " = " << s.*f.member << "\n";
  return 0;
}

int cmd_settings_set(CommandContext& c) {
  if (c.args.size() != 2) {
    c.err << "usage: portaldctl settings set KEY VALUE\n";
    return 2;
  }
  const site::SettingField* field = site::find_setting(c.args[0]);
  if (!field) {
    c.err << "settings set: unknown key '" << c.args[0] << "' (see: portaldctl settings show)\n";
    return 2;
  }
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  const auto r = site::change_settings(store, {{c.args[0], c.args[1]}}, model::console_actor(), model::now());
  if (r.refusal != site::Refusal::none) {
    c.err << "settings set: " << (r.errors.empty() ? "not allowed" : problem_text(r.errors.front())) << "\n";
    return 1;
  }
  c.out << field->key << " = " << r.settings.*field->member << "\n";
  return 0;
}

int cmd_pages_list(CommandContext& c) {
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  const store::ReadTxn txn = store.read();
  for (const auto& p : store::list_site_pages(txn, store.tables()))
    c.out << p.lang << "/" << p.slug << "\t" << model::to_string(p.kind) << "\t" << p.title << "\n";
  return 0;
}

int cmd_pages_import(CommandContext& c) {
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl pages import FILE.jsonl\n";
    return 2;
  }
  std::ifstream in(c.args[0], std::ios::binary);
  if (!in) {
    c.err << c.args[0] << ": cannot open\n";
    return 1;
  }
  // All or nothing, like the other imports: every line is checked before anything is written.
  std::vector<model::SitePage> pages;
  std::string line;
  bool bad = false;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (model::trim(line).empty()) continue;
    try {
      auto p = parse_page(nlohmann::json::parse(line));
      if (p.lang != "vi" && p.lang != "en") throw std::invalid_argument("lang: vi or en");
      if (p.slug != model::slugify(p.slug)) throw std::invalid_argument("slug: lower-case ASCII words joined by '-'");
      pages.push_back(std::move(p));
    } catch (const std::exception& e) {
      c.err << c.args[0] << ":" << n << ": " << e.what() << "\n";
      bad = true;
    }
  }
  if (bad) return 1;
  const std::size_t count = pages.size();
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  store::WriteTxn txn = store.write();
  if (site::import_pages(txn, store.tables(), std::move(pages), model::console_actor(), model::now()) !=
      site::Refusal::none)
    return 1;
  txn.commit();
  c.out << c.args[0] << ": " << count << " pages saved\n";
  return 0;
}

}  // namespace portald::cli
