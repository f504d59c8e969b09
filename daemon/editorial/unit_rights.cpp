#include "daemon/editorial/unit_rights.hpp"

#include <algorithm>

#include "daemon/store/taxonomy_table.hpp"

namespace portald::editorial {

bool bound_to_agency(const Actor& actor) { return actor.role && model::needs_agency(*actor.role); }

std::optional<std::vector<std::uint64_t>> allowed_categories(const store::Txn& txn, const store::Tables& t,
                                                             const Actor& actor) {
  if (!bound_to_agency(actor) || actor.agency_id == 0) return std::nullopt;
  const auto agency = store::get_agency(txn, t, actor.agency_id);
  if (!agency || agency->category_ids.empty()) return std::nullopt;
  return agency->category_ids;
}

std::vector<std::string> unit_rights_errors(const store::Txn& txn, const store::Tables& t, const Content& content,
                                            const Actor& actor) {
  std::vector<std::string> errors;
  if (!bound_to_agency(actor)) return errors;
  if (content.agency_id != actor.agency_id) {
    const auto own = actor.agency_id ? store::get_agency(txn, t, actor.agency_id) : std::nullopt;
    errors.push_back(own ? "Bạn chỉ được đưa tin cho đơn vị của mình (" + own->name + "): không chọn được cơ quan khác."
                         : std::string("Tài khoản của bạn chưa thuộc đơn vị nào nên không ghi được cơ quan "
                                       "cung cấp tin: hãy nhờ quản trị hệ thống gán đơn vị."));
  }
  if (const auto allowed = allowed_categories(txn, t, actor);
      allowed && std::find(allowed->begin(), allowed->end(), content.category_id) == allowed->end()) {
    std::string names;
    for (const auto id : *allowed)
      if (const auto c = store::get_category(txn, t, id)) names += (names.empty() ? "" : ", ") + c->name;
    errors.push_back("Đơn vị của bạn chỉ được đưa tin vào các chuyên mục: " + names + ".");
  }
  return errors;
}

void attribute_to_own_agency(Content& content, const Actor& actor) {
  if (bound_to_agency(actor) && content.agency_id == 0) content.agency_id = actor.agency_id;
}

bool of_actors_agency(const Item& item, const Actor& actor) {
  return actor.agency_id != 0 && (item.work.agency_id == actor.agency_id || item.article.agency_id == actor.agency_id);
}

}  // namespace portald::editorial
