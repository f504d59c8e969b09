#pragma once
// Topics (chuyên đề): a named selection of articles that spans categories, shown as a banner on the
// home page when featured.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::model {

struct Topic {
  std::uint64_t id = 0;
  std::string slug;  // unique, ASCII
  std::string name;
  std::string description;                 // plain text
  std::vector<std::uint64_t> article_ids;  // in the order the editors chose
  bool featured = false;                   // banner on the home page
  std::uint32_t position = 0;
  UnixTime updated_at = 0;
};

}  // namespace portald::model
