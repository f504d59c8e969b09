#include "daemon/model/gumbo_fragment.hpp"

#include <cstdlib>

namespace portald::model::html {
namespace {

// gumbo leaves a fragment's document quirks mode uninitialised and reads it at every <table>
// (valgrind shows it); zeroed memory makes that "no quirks", as befits a fragment of a modern page.
void* zeroed_allocate(void*, std::size_t size) { return std::calloc(1, size); }
void deallocate(void*, void* p) { std::free(p); }

}  // namespace

GumboFragment::GumboFragment(const std::string& html) {
  options_.allocator = zeroed_allocate;
  options_.deallocator = deallocate;
  options_.max_errors = 0;  // recording an error copies the whole stack of open elements
  options_.fragment_context = GUMBO_TAG_DIV;
  output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
}

GumboFragment::~GumboFragment() {
  if (output_ != nullptr) gumbo_destroy_output(&options_, output_);
}

}  // namespace portald::model::html
