// portaldctl secrets keygen: the personal-data key (daemon/secrets/personal_data_key.hpp).
#include <ostream>

#include "daemon/cli/command.hpp"
#include "daemon/secrets/personal_data_key.hpp"

namespace portald::cli {

int cmd_secrets_keygen(CommandContext& c) {
  if (unexpected_args(c, "secrets keygen", 0)) return 2;
  const auto& file = c.config.personal_data_key;
  const bool made = secrets::PersonalDataKey::create_if_missing(file);
  const auto key = secrets::PersonalDataKey::load(file);
  if (made)
    c.out << "created personal-data key " << file.string() << " (key id " << key.key_id()
          << "; keep a copy off the server with the snapshot keys: without it second factors must be enrolled "
             "again)\n";
  else
    c.out << "the personal-data key " << file.string() << " exists already (key id " << key.key_id()
          << "); nothing was changed\n";
  return 0;
}

}  // namespace portald::cli
