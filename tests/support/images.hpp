#pragma once
// Real image files for tests, made with libvips (the library the portal uses): no fixture files to
// keep in sync, and every byte is a file a browser or camera could send.
#include <string>
#include <string_view>

namespace portald::test {

// A width x height image with a gradient, encoded by libvips for `suffix` (".jpg", ".png", ".webp").
std::string make_image(unsigned width, unsigned height, std::string_view suffix);
// `jpeg` with an EXIF block (APP1) holding a GPS position (21° N) and a camera make, as phones write it.
std::string with_gps_exif(std::string_view jpeg);
// True when libvips reads an EXIF GPS latitude from `bytes` (the check that the fixture really carries it).
bool has_gps_exif(std::string_view bytes);
// Width and height libvips reads from `bytes`; {0, 0} when it cannot.
std::pair<unsigned, unsigned> image_size(std::string_view bytes);
// `bytes` in standard base64 with padding, for data: URLs as editors paste them.
std::string base64(std::string_view bytes);

}  // namespace portald::test
