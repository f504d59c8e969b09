#pragma once
// The audit archive step that portaldctl backup runs after its snapshot (audit_commands.cpp).
#include <filesystem>

#include "daemon/cli/command.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::cli {

// Archives (signed, verified, then removed from the store) every entry recorded before `before` into
// `dir`, printing one line per archive file. 0, or 1 with the reason on c.err (nothing removed then).
int archive_old_audit(CommandContext& c, const store::Store& store, model::UnixTime before,
                      const std::filesystem::path& dir);
// archive_old_audit for entries older than audit-keep-months, into BACKUP-DIR/audit.
int archive_audit_after_backup(CommandContext& c, const store::Store& store);

}  // namespace portald::cli
