#include "tests/support/images.hpp"

#include <vips/vips.h>

#include <memory>
#include <stdexcept>
#include <utility>

#include "daemon/media/image_variants.hpp"

namespace portald::test {
namespace {

void put16(std::string& s, unsigned v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, unsigned v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
void entry(std::string& s, unsigned tag, unsigned type, unsigned count, unsigned value) {
  put16(s, tag);
  put16(s, type);
  put32(s, count);
  put32(s, value);
}

// A little-endian TIFF with IFD0 (Make, GPSInfo pointer) and a GPS IFD (GPSLatitudeRef, GPSLatitude).
std::string exif_payload() {
  std::string t = "II";
  put16(t, 42);
  put32(t, 8);
  // IFD0 at 8: 2 entries (2 + 24 + 4 bytes) -> GPS IFD at 38, then "Make" text after it.
  put16(t, 2);
  entry(t, 0x010F, 2, 8, 38 + 2 + 24 + 4 + 24);  // Make, ASCII, 8 bytes at the end
  entry(t, 0x8825, 4, 1, 38);                    // GPSInfo IFD offset
  put32(t, 0);
  // GPS IFD at 38: 2 entries; latitude rationals at 38 + 30 = 68.
  put16(t, 2);
  entry(t, 0x0001, 2, 2, 'N');      // GPSLatitudeRef "N\0" inline
  entry(t, 0x0002, 5, 3, 38 + 30);  // GPSLatitude, 3 rationals
  put32(t, 0);
  for (unsigned v : {21u, 1u, 1u, 1u, 0u, 1u}) put32(t, v);  // 21° 1' 0"
  t += std::string("PhoneX\0\0", 8);
  return std::string("Exif\0\0", 6) + t;
}

struct Unref {
  void operator()(void* p) const { g_object_unref(p); }
};

}  // namespace

std::string make_image(unsigned width, unsigned height, std::string_view suffix) {
  media::init_image_library();
  VipsImage* xyz = nullptr;
  VipsImage* img = nullptr;
  // A diagonal gradient: real pixels, so encoders do real work and sizes differ between copies.
  if (vips_xyz(&xyz, int(width), int(height), nullptr) != 0) throw std::runtime_error(vips_error_buffer());
  std::unique_ptr<VipsImage, Unref> keep_xyz(xyz);
  VipsImage* sum = nullptr;
  if (vips_bandmean(xyz, &sum, nullptr) != 0) throw std::runtime_error(vips_error_buffer());
  std::unique_ptr<VipsImage, Unref> keep_sum(sum);
  VipsImage* bands[3] = {sum, sum, sum};
  if (vips_bandjoin(bands, &img, 3, nullptr) != 0) throw std::runtime_error(vips_error_buffer());
  std::unique_ptr<VipsImage, Unref> keep_img(img);
  VipsImage* u8 = nullptr;
  if (vips_cast_uchar(img, &u8, nullptr) != 0) throw std::runtime_error(vips_error_buffer());
  std::unique_ptr<VipsImage, Unref> keep_u8(u8);
  void* buf = nullptr;
  std::size_t len = 0;
  if (vips_image_write_to_buffer(u8, std::string(suffix).c_str(), &buf, &len, nullptr) != 0)
    throw std::runtime_error(vips_error_buffer());
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

std::string with_gps_exif(std::string_view jpeg) {
  const std::string payload = exif_payload();
  std::string out = "\xFF\xD8\xFF\xE1";
  const std::size_t len = payload.size() + 2;
  out += static_cast<char>(len >> 8);
  out += static_cast<char>(len & 0xFF);
  out += payload;
  out += jpeg.substr(2);  // after the JPEG's own SOI
  return out;
}

bool has_gps_exif(std::string_view bytes) {
  media::init_image_library();
  std::unique_ptr<VipsImage, Unref> img(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!img) {
    vips_error_clear();
    return false;
  }
  return vips_image_get_typeof(img.get(), "exif-ifd3-GPSLatitude") != 0;
}

std::pair<unsigned, unsigned> image_size(std::string_view bytes) {
  media::init_image_library();
  std::unique_ptr<VipsImage, Unref> img(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!img) {
    vips_error_clear();
    return {0, 0};
  }
  return {unsigned(vips_image_get_width(img.get())), unsigned(vips_image_get_height(img.get()))};
}

std::string base64(std::string_view in) {
  static constexpr char k[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto byte = [&](std::size_t i) {
    return i < in.size() ? static_cast<unsigned>(static_cast<unsigned char>(in[i])) : 0u;
  };
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += i + 1 < in.size() ? k[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? k[v & 63] : '=';
  }
  return out;
}

}  // namespace portald::test
