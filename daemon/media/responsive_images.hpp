#pragma once
// Stored HTML made ready for readers' screens at render time (issue 14): every <img> whose src is a
// media address gets srcset (its resized copies), sizes, width/height (no layout shift), lazy loading
// and async decoding. Stored HTML stays as the editor saved it; this runs on each render (pages are cached).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/media_variant.hpp"
#include "daemon/store/store.hpp"

namespace portald::media {

struct ResponsiveImage {
  std::uint64_t id = 0;
  std::string token{};
  std::string file_name{};
  std::vector<model::ImageVariant> copies{};  // without bytes; the full-size one (key 0) first
};
// The image media `id` names with its copies; std::nullopt when it is not an image with copies.
using ImageLookup = std::function<std::optional<ResponsiveImage>(std::uint64_t id)>;

// What page layouts give an article or page body at most (portal.css .wrap): the browser picks a copy.
inline constexpr std::string_view kBodyImageSizes = "(max-width: 72rem) 100vw, 72rem";

// `html` (sanitised) with srcset, sizes, width, height, loading="lazy" and decoding="async" on each
// <img> whose src is the current address of an image `lookup` knows; other images are left as they are.
std::string add_responsive_images(std::string_view html, const ImageLookup& lookup,
                                  std::string_view sizes = kBodyImageSizes);
// A lookup reading the media and media_variants tables in `txn` (which must outlive it).
ImageLookup store_image_lookup(const store::Txn& txn, const store::Tables& t);

}  // namespace portald::media
