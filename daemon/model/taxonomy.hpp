#pragma once
// Categories (chuyên mục) and contributing agencies (cơ quan): named, slugged, created on demand.
#include <cstdint>
#include <string>

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
};

}  // namespace portald::model
