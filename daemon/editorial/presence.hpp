#pragma once
// Who has an article open in the editor ("đang mở"), in memory: the editor page and its autosave ping
// report a visit, the page shows the others seen lately. Nothing is stored: a restart forgets it, which
// only hides a hint for two minutes. Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::editorial {

struct Visitor {
  std::string username;
  std::string display_name;
  model::UnixTime seen_at = 0;
};

class Presence {
 public:
  explicit Presence(model::UnixTime window = 120) : window_(window) {}
  // `username` has article `article_id` open at `now`.
  void seen(std::uint64_t article_id, std::string_view username, std::string_view display_name, model::UnixTime now);
  // Everyone but `username` seen on the article within the window before `now`, earliest first.
  std::vector<Visitor> others(std::uint64_t article_id, std::string_view username, model::UnixTime now) const;

 private:
  void forget_before(model::UnixTime cutoff);  // with mutex_ held

  model::UnixTime window_;
  mutable std::mutex mutex_;
  std::map<std::uint64_t, std::map<std::string, Visitor, std::less<>>> visits_;  // article -> username -> visit
};

}  // namespace portald::editorial
