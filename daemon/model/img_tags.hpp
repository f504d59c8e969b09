#pragma once
// The <img> tags of sanitised HTML (html_sanitizer.hpp's output), read and rewritten without a full
// parse: the serialiser writes every tag as `<img name="value" ...>` with double-quoted, escaped values,
// so a scan is exact there. Not for HTML from outside: sanitise it first.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portald::model {

struct ImgTag {
  std::size_t begin = 0;                                          // offset of '<' in the HTML
  std::size_t end = 0;                                            // offset just past '>'
  std::vector<std::pair<std::string, std::string>> attributes{};  // in order, values unescaped
  // The value of `name`; std::nullopt when the tag has no such attribute.
  std::optional<std::string> get(std::string_view name) const;
  void set(std::string_view name, std::string_view value);  // replaces or appends
  std::string to_html() const;                              // `<img ...>`, values escaped
};

// Every <img> tag of sanitised `html`, in order.
std::vector<ImgTag> img_tags(std::string_view html);

// The decorative-image mark editors set (docs/editors.md): alt="" together with role="presentation".
// An image needs alt text unless it carries that mark.
bool is_decorative(const ImgTag& img);
bool lacks_alt_text(const ImgTag& img);
// What to call an image in a message: its file name from a /tep/ address, "ảnh dán (data:)" for an inline
// image, otherwise the last part of its address.
std::string image_label(const ImgTag& img);
// The labels of the images in sanitised `html` that lack alt text and are not marked decorative.
std::vector<std::string> images_missing_alt(std::string_view html);

}  // namespace portald::model
