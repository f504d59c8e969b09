#include "web/qr_svg.hpp"

#include <qrencode.h>

#include <memory>

namespace portald::web {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as ISO/IEC 18004 asks

struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

std::optional<std::string> qr_svg(std::string_view text) {
  const std::string input(text);  // libqrencode wants a NUL-terminated string
  std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return std::nullopt;
  const int n = code->width;
  const int side = n + 2 * kQuietZone;
  std::string path;
  // One subpath per horizontal run of dark modules (bit 0 of each byte is "dark").
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n;) {
      if (!(code->data[y * n + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < n && (code->data[y * n + x + run] & 1)) ++run;
      path += "M" + std::to_string(x + kQuietZone) + "," + std::to_string(y + kQuietZone) + "h" + std::to_string(run) +
              "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(side) + " " +
                    std::to_string(side) + "\" width=\"" + std::to_string(side * 4) + "\" height=\"" +
                    std::to_string(side * 4) + "\" aria-hidden=\"true\" focusable=\"false\"";
  svg += " shape-rendering=\"crispEdges\"><rect width=\"" + std::to_string(side) + "\" height=\"" +
         std::to_string(side) + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
  return svg;
}

}  // namespace portald::web
