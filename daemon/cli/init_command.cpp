#include <ostream>

#include "daemon/accounts/accounts.hpp"
#include "daemon/auth/password.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/cli/demo_content.hpp"
#include "daemon/log/log.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::cli {
namespace {

constexpr std::string_view kDemoAdmin = "admin";

model::SiteSettings demo_settings() {
  model::SiteSettings s;
  s.portal_name = "Cổng thông tin điện tử tỉnh (bản trình diễn)";
  s.governing_agency = "Ủy ban nhân dân tỉnh";
  s.responsible_person = "Lê Minh Hải";
  s.responsible_title = "Chánh Văn phòng Ủy ban nhân dân tỉnh (bản trình diễn)";
  s.licence = "00/GP-TTĐT";
  s.licence_issuer = "Sở Thông tin và Truyền thông";
  s.licence_date = "2025-07-01";
  s.address = "Trung tâm Dữ liệu Công nghệ và Truyền thông";
  s.phone = "0000 000 000";
  s.email = "banbientap@example.invalid";
  s.english_name = "Provincial e-Government Portal (demo)";
  return s;
}

}  // namespace

int cmd_init(CommandContext& c) {
  const bool demo = take_flag(c.args, "--demo");
  if (!c.args.empty()) {
    c.err << "init: unexpected argument '" << c.args.front() << "'\n";
    return 2;
  }
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size, .create = true});
  c.out << "store ready in " << store::DataDir(c.config.data_dir).store_dir().string() << " (schema "
        << store.schema_version() << ")\n";
  if (!demo) return 0;

  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  put_site_settings(txn, t, demo_settings());
  seed_demo_content(txn, t);
  if (store::get_user(txn, t, kDemoAdmin)) {
    txn.commit();
    c.out << "demo settings applied; the account '" << kDemoAdmin << "' already exists (password unchanged)\n";
    return 0;
  }
  const std::string password = auth::generate_password();
  const accounts::NewAccount admin{
      std::string(kDemoAdmin), "Quản trị hệ thống", model::Role::operator_, 0, auth::hash_password(password), true};
  accounts::create_account(txn, t, admin, model::console_actor(), model::now());  // the name is free: checked above
  txn.commit();
  c.out << "demo settings applied\n"
        << "operator account: " << kDemoAdmin << "\n"
        << "password (shown once, store it now): " << password << "\n";
  return 0;
}

}  // namespace portald::cli
