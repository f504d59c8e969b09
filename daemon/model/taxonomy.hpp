#pragma once
// Categories (chuyên mục) and contributing agencies (cơ quan): named, slugged, created on demand.
#include <cstdint>
#include <string>
#include <vector>

namespace portald::model {

struct Category {
  std::uint64_t id = 0;
  std::string name;
  std::string slug;
  std::uint32_t position = 0;  // menu order
};

struct Agency {
  std::uint64_t id = 0;
  std::string name;
  std::string slug;
  // The categories the agency's contributors may write in, as the board set them (issue 16); empty = all.
  std::vector<std::uint64_t> category_ids{};
};

}  // namespace portald::model
