#pragma once
// Why a site service wrote nothing.
namespace portald::site {

enum class Refusal {
  none,
  not_allowed,  // the actor's role may not take this action
  invalid,      // a value breaks the rule (the result says which, where it can)
  not_found,    // no record with that id
  taken,        // another record already has that name (compared folded)
};

}  // namespace portald::site
