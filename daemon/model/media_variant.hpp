#pragma once
// A copy of a stored image made for the public (issue 14): metadata stripped (EXIF with any GPS
// location), resized to one of the widths pages ask for, or full size. The original stays in `media`.
#include <cstdint>
#include <string>

namespace portald::model {

// The key width of the full-size public copy; resized copies are keyed by their own width.
inline constexpr unsigned kFullSizeVariant = 0;

struct ImageVariant {
  unsigned key = kFullSizeVariant;  // kFullSizeVariant or the width it was made for
  unsigned width = 0;               // pixels, as made
  unsigned height = 0;
  std::string content_type{};
  std::string bytes{};  // empty when listed without bytes
};

}  // namespace portald::model
