#pragma once
// QR codes drawn on the server as inline SVG (libqrencode): no script, no image request, nothing leaves
// the machine. Used for the TOTP enrolment's otpauth:// address (issue 15).
#include <optional>
#include <string>
#include <string_view>

namespace portald::web {

// `text` as a QR code (error correction M, a 4-module quiet zone) in an <svg> that scales to its box
// (viewBox in modules; CSS sets the size). It is hidden from screen readers: the page must give the same
// information as text. std::nullopt when libqrencode cannot encode it (over a QR code's capacity).
std::optional<std::string> qr_svg(std::string_view text);

}  // namespace portald::web
