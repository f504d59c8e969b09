// Fuzz target for the snapshot manifest parser (backup/manifest.cpp), which reads manifest.json from a
// snapshot directory as untrusted input, and for the snapshot ids it names. A violated property aborts.
// Properties: nothing crashes or reads out of bounds; a refusal says why in one line starting
// "manifest: "; what parses is written back by to_json to text that parses to the same manifest and is
// written the same again (so a check never depends on how a file was spelled); its snapshot id is one,
// and every snapshot id names the time snapshot_id() spells it from.
#include <cstdint>
#include <string>
#include <string_view>

#include "backup/manifest.hpp"
#include "tests/fuzz/property.hpp"

namespace {

namespace bk = portald::backup;

using portald::fuzz::require;

void manifest(std::string_view text) {
  std::string error;
  const auto m = bk::parse_manifest(text, &error);
  if (!m) {
    require(error.starts_with("manifest: ") && error.find('\n') == std::string::npos,
            "a refusal is one line starting \"manifest: \"");
    return;
  }
  const std::string json = bk::to_json(*m);
  const auto again = bk::parse_manifest(json, &error);
  require(again && *again == *m, "to_json(parse(x)) parses to the same manifest");
  require(bk::to_json(*again) == json, "to_json is the same for the same manifest");
  require(bk::is_snapshot_id(m->snapshot), "the snapshot id is one");
}

void snapshot_id(std::string_view text) {
  const auto t = bk::snapshot_id_time(text);
  if (!t) return;
  require(text.starts_with(bk::snapshot_id(*t)), "a snapshot id starts with snapshot_id() of its time");
  require(bk::is_snapshot_id(bk::snapshot_id(*t)), "snapshot_id() of a snapshot's time is a snapshot id");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  manifest(text);
  snapshot_id(text);
  return 0;
}
