#include "daemon/editorial/intake_sender.hpp"

#include <nlohmann/json.hpp>

#include "daemon/secrets/personal_data_key.hpp"

namespace portald::editorial {
namespace {

std::string purpose(std::uint64_t id) { return "intake:" + std::to_string(id); }

}  // namespace

std::string seal_sender(const secrets::PersonalDataKey& key, std::uint64_t article_id, const model::IntakeSender& s) {
  const nlohmann::json j{{"name", s.name}, {"organisation", s.organisation}, {"email", s.email}, {"phone", s.phone}};
  return key.seal(j.dump(), purpose(article_id));
}

std::optional<model::IntakeSender> open_sender(const secrets::PersonalDataKey& key, const model::IntakeSource& source) {
  if (source.sealed_sender.empty()) return std::nullopt;
  const auto plain = key.open(source.sealed_sender, purpose(source.article_id));
  if (!plain) return std::nullopt;
  const auto j = nlohmann::json::parse(*plain, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return model::IntakeSender{j.value("name", ""), j.value("organisation", ""), j.value("email", ""),
                             j.value("phone", "")};
}

}  // namespace portald::editorial
