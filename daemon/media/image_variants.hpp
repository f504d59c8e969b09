#pragma once
// The public copies of an uploaded image, made with libvips (issue 14): a full-size copy and copies at
// the widths pages use, all without metadata (EXIF, GPS location, XMP, IPTC, comments), turned upright
// as the EXIF orientation said. The original bytes stay in the media table for staff.
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/media_variant.hpp"

namespace portald::media {

// The widths pages ask for (srcset); only those narrower than the image are made.
inline constexpr unsigned kVariantWidths[] = {480, 960, 1600};
// Limits checked from the header before anything is decoded: a decompression bomb is refused cheaply.
inline constexpr unsigned kMaxImageSide = 12000;
inline constexpr unsigned long long kMaxImagePixels = 50'000'000;

// Starts libvips once per process with a bounded operation cache; safe to call more than once.
// Throws std::runtime_error when libvips cannot start.
void init_image_library();

// True for the types made into public copies (JPEG, PNG, WebP). GIF and other files are served as stored.
bool makes_variants(std::string_view content_type);

enum class ImageRefusal { none, undecodable, too_large };
struct VariantsResult {
  ImageRefusal refusal = ImageRefusal::none;
  std::vector<model::ImageVariant> variants{};  // the full-size copy first, then widths ascending
};
// The copies of `bytes` (of a type makes_variants accepts). Never throws for bad input: a file libvips
// cannot decode is ImageRefusal::undecodable, one over the limits too_large.
VariantsResult make_variants(std::string_view bytes, std::string_view content_type);
// The Vietnamese sentence for a refusal ("" for none).
std::string_view refusal_message(ImageRefusal r);

}  // namespace portald::media
