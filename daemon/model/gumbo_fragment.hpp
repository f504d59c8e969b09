#pragma once
// gumbo ownership and tree walk for the sanitiser: one parse of a fragment in a move-only owner, and
// a depth-first walk without recursion (deep trees must not exhaust the stack). Internal to the
// sanitiser.
#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

namespace portald::model::html {

// Owns one gumbo parse. gumbo points into the parsed buffer, so it must outlive this object.
class GumboFragment {
 public:
  // Parses html as the content of a <div>.
  explicit GumboFragment(const std::string& html);
  explicit GumboFragment(std::string&&) = delete;
  GumboFragment(GumboFragment&& other) noexcept
      : options_(other.options_), output_(std::exchange(other.output_, nullptr)) {}
  GumboFragment(const GumboFragment&) = delete;
  GumboFragment& operator=(const GumboFragment&) = delete;
  GumboFragment& operator=(GumboFragment&&) = delete;
  ~GumboFragment();
  const GumboNode* root() const { return output_ != nullptr ? output_->root : nullptr; }

 private:
  GumboOptions options_ = kGumboDefaultOptions;
  GumboOutput* output_ = nullptr;
};

// Depth-first walk with an explicit stack. visitor.enter(element) says whether to descend, and
// visitor.leave(element) follows the children of every element entered. Foreign (SVG, MathML)
// elements, comments and template contents are skipped.
template <class Visitor>
void walk(const GumboNode* root, Visitor& visitor) {
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return;
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next == children.length) {
      if (stack.size() > 1) visitor.leave(top.node);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next++]);
    if (child->type == GUMBO_NODE_ELEMENT) {
      if (child->v.element.tag_namespace == GUMBO_NAMESPACE_HTML && visitor.enter(child)) stack.push_back({child, 0});
    } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
               child->type == GUMBO_NODE_CDATA) {
      visitor.text(child->v.text.text);
    }
  }
}

}  // namespace portald::model::html
