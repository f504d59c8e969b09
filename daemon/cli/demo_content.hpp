#pragma once
// Demo content for `portaldctl init --demo`: the mandatory section pages, the English section and a
// few legal documents with a PDF attachment. Leaves pages and documents that already exist alone.
#include "daemon/store/store.hpp"

namespace portald::cli {

void seed_demo_content(store::WriteTxn& txn, const store::Tables& t);

}  // namespace portald::cli
