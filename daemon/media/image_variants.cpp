#include "daemon/media/image_variants.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "daemon/log/log.hpp"

namespace portald::media {
namespace {

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
using ImagePtr = std::unique_ptr<VipsImage, GObjectUnref>;

// libvips keeps its message in a per-thread buffer; clear it so it does not grow with each refusal.
void forget_vips_error() { vips_error_clear(); }

// libvips warns on stderr through GLib ("error in tile 0 x 16" while a refused file is read): into the
// daemon's own log instead, at debug level, since the refusal itself is already answered and logged.
void log_vips_message(const gchar* /*domain*/, GLogLevelFlags /*level*/, const gchar* message, gpointer /*data*/) {
  log::debug("media.vips", {{"message", message ? message : ""}});
}

// The saver and options per type: strip drops every metadata block (EXIF, XMP, IPTC, ICC comments).
const char* save_suffix(std::string_view content_type) {
  if (content_type == "image/png") return ".png[strip,compression=6]";
  if (content_type == "image/webp") return ".webp[strip,Q=80]";
  return ".jpg[strip,Q=82,optimize_coding]";
}

// A resized (or, with width = the image's own, only turned upright) copy; nullptr when libvips fails.
ImagePtr thumbnail(std::string_view bytes, unsigned width) {
  VipsImage* out = nullptr;
  // fail_on=error: a truncated or corrupt file is refused rather than published half grey. libvips 8.14's
  // thumbnail ignores its own fail_on for the loader; the loader's option string is what reaches it.
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &out, static_cast<int>(width), "height",
                            VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", nullptr) != 0)
    return nullptr;
  return ImagePtr(out);
}

bool encode(VipsImage* image, std::string_view content_type, unsigned key, model::ImageVariant& out) {
  void* buf = nullptr;
  std::size_t len = 0;
  if (vips_image_write_to_buffer(image, save_suffix(content_type), &buf, &len, nullptr) != 0) return false;
  out = {.key = key,
         .width = static_cast<unsigned>(vips_image_get_width(image)),
         .height = static_cast<unsigned>(vips_image_get_height(image)),
         .content_type = std::string(content_type),
         .bytes = std::string(static_cast<const char*>(buf), len)};
  g_free(buf);
  return true;
}

}  // namespace

void init_image_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("portald") != 0) throw std::runtime_error("libvips failed to start");
    g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO),
                      &log_vips_message, nullptr);
    // The operation cache is for interactive re-use; uploads never repeat, so keep it small.
    vips_cache_set_max(16);
    vips_cache_set_max_mem(std::size_t(32) << 20);
    vips_cache_set_max_files(4);
    // One worker per image: the portal's CPUs serve readers first.
    vips_concurrency_set(1);
    // Frees the cache and libvips' per-thread buffers at exit, so leak checkers (the sanitiser build's
    // LeakSanitizer) see only our own leaks; every thread using libvips is joined by then.
    std::atexit([] { vips_shutdown(); });
  });
}

bool makes_variants(std::string_view content_type) {
  return content_type == "image/jpeg" || content_type == "image/png" || content_type == "image/webp";
}

VariantsResult make_variants(std::string_view bytes, std::string_view content_type) {
  init_image_library();
  // The header only (libvips decodes lazily): dimensions are checked before any pixel is read.
  ImagePtr header(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "fail_on", VIPS_FAIL_ON_ERROR, nullptr));
  if (!header) {
    forget_vips_error();
    return {ImageRefusal::undecodable};
  }
  const auto w = static_cast<unsigned long long>(vips_image_get_width(header.get()));
  const auto h = static_cast<unsigned long long>(vips_image_get_height(header.get()));
  if (w == 0 || h == 0) return {ImageRefusal::undecodable};
  if (w > kMaxImageSide || h > kMaxImageSide || w * h > kMaxImagePixels) return {ImageRefusal::too_large};
  VariantsResult r;
  // Full size: turned upright, so its width is the image's width as seen (EXIF may swap the sides).
  const auto full = thumbnail(bytes, static_cast<unsigned>(std::max(w, h)));
  model::ImageVariant v;
  if (!full || !encode(full.get(), content_type, model::kFullSizeVariant, v)) {
    forget_vips_error();
    return {ImageRefusal::undecodable};
  }
  const unsigned seen_width = v.width;
  r.variants.push_back(std::move(v));
  for (const unsigned width : kVariantWidths) {
    if (width >= seen_width) break;
    const auto small = thumbnail(bytes, width);
    if (!small || !encode(small.get(), content_type, width, v)) {
      forget_vips_error();
      return {ImageRefusal::undecodable};
    }
    r.variants.push_back(std::move(v));
  }
  return r;
}

std::string_view refusal_message(ImageRefusal r) {
  switch (r) {
    case ImageRefusal::none: return "";
    case ImageRefusal::undecodable: return "Không đọc được ảnh (tệp hỏng hoặc không đúng định dạng).";
    case ImageRefusal::too_large:
      return "Ảnh quá lớn: mỗi cạnh tối đa 12000 điểm ảnh và tổng cộng tối đa 50 triệu điểm ảnh.";
  }
  return "";
}

}  // namespace portald::media
