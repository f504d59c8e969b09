// portald_config_docs markdown|conf: prints docs/config.md or packaging/portald.conf from the table.
#include <cstring>
#include <iostream>

#include "daemon/config/config.hpp"

int main(int argc, char** argv) {
  using namespace portald::config;
  const Config defaults = packaged_defaults();
  if (argc == 2 && std::strcmp(argv[1], "markdown") == 0) {
    std::cout << reference_markdown(defaults);
  } else if (argc == 2 && std::strcmp(argv[1], "conf") == 0) {
    std::cout << sample_config_file(defaults);
  } else {
    std::cerr << "usage: portald_config_docs markdown|conf\n";
    return 2;
  }
  return 0;
}
