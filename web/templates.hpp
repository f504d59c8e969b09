#pragma once
// Page templates (ctemplate, contextual auto-escaping) loaded once from the Assets into a private,
// frozen cache, so expansion is lock-free and safe from any HTTP worker thread.
#include <ctemplate/template.h>

#include <memory>
#include <string>
#include <string_view>

#include "web/assets.hpp"

namespace portald::web {

class TemplateSet {
 public:
  // Loads every templates/*.tpl; throws std::runtime_error naming a template that fails to parse.
  explicit TemplateSet(const Assets& assets);
  ~TemplateSet();
  // Expands templates/<name>.tpl; throws std::runtime_error if the template is unknown.
  std::string render(std::string_view name, const ctemplate::TemplateDictionary& dict) const;

 private:
  std::unique_ptr<ctemplate::TemplateCache> cache_;
};

}  // namespace portald::web
