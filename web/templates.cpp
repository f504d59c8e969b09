#include "web/templates.hpp"

#include <ctemplate/template_cache.h>

#include <stdexcept>

namespace portald::web {

TemplateSet::TemplateSet(const Assets& assets) : cache_(std::make_unique<ctemplate::TemplateCache>()) {
  for (const auto& path : assets.list("templates/")) {
    if (!path.ends_with(".tpl")) continue;
    const std::string key = path.substr(std::string_view("templates/").size());
    const auto text = assets.find(path);
    if (!cache_->StringToTemplateCache(key, text->data(), text->size(), ctemplate::STRIP_BLANK_LINES))
      throw std::runtime_error("template " + path + " does not parse");
  }
  cache_->Freeze();
}

TemplateSet::~TemplateSet() = default;

std::string TemplateSet::render(std::string_view name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  const std::string key = std::string(name) + ".tpl";
  if (!cache_->ExpandNoLoad(key, ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out))
    throw std::runtime_error("template " + key + " failed to expand");
  return out;
}

}  // namespace portald::web
