#pragma once
// Images stored before public copies existed (issue 14) get them at start-up: without copies their
// addresses would serve the original with its EXIF and GPS data, and pages could not offer srcset.
#include <cstddef>

#include "daemon/store/store.hpp"

namespace portald::media {

struct BackfillReport {
  std::size_t made = 0;    // images that now have copies
  std::size_t failed = 0;  // images libvips refused (kept as they are, served as stored)
  std::size_t left = 0;    // images still without copies because the per-start budget ran out
};

// Makes the copies of up to `budget` JPEG, PNG and WebP files that have none, a few per write
// transaction so readers and writers are never held up long. Bounded, so a start-up after an upgrade
// with a large library ends in time; the next start continues. Never throws for a bad image.
BackfillReport make_missing_variants(const store::Store& store, std::size_t budget = 500);

}  // namespace portald::media
