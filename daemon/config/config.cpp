#include "daemon/config/config.hpp"

#include <boost/program_options.hpp>

#include "daemon/config/config_file.hpp"
#include "daemon/config/option_table.hpp"

namespace portald::config {

namespace po = boost::program_options;

namespace {

po::options_description command_line_options() {
  po::options_description d;
  d.add_options()("help,h", "")("version,V", "")("config,c", po::value<std::string>(), "");
  for (const Option& o : option_table()) d.add_options()(std::string(o.name).c_str(), po::value<std::string>(), "");
  return d;
}

bool takes_value(const po::options_description& d, const std::string& name) {
  const po::option_description* o = d.find_nothrow(name, false);
  return o && o->semantic()->max_tokens() > 0;
}

struct SplitArguments {
  std::vector<std::string> options;     // the global options, for Boost
  std::vector<std::string> positional;  // the first word that is not an option, and all after it
};

// Global options end at the first word that is neither an option nor an option's value, or at "--",
// so that a command's own flags (portaldctl import articles F --skip-bad) reach it untouched even
// when they look like ours.
SplitArguments split_arguments(const po::options_description& d, int argc, const char* const* argv) {
  SplitArguments out;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") {
      ++i;
      break;
    }
    if (word.size() < 2 || word.front() != '-') break;
    out.options.push_back(word);
    const bool long_option = word.starts_with("--");
    const bool has_value = long_option ? word.find('=') != std::string::npos : word.size() > 2;
    const std::string name = long_option ? word.substr(2) : word;  // Boost knows short ones as "-c"
    if (!has_value && i + 1 < argc && takes_value(d, name)) out.options.push_back(argv[++i]);
  }
  for (; i < argc; ++i) out.positional.emplace_back(argv[i]);
  return out;
}

po::variables_map parse_command_line(const po::options_description& d, const std::vector<std::string>& words) {
  // No abbreviations (--data for --data-dir): a new option must not change an old command line.
  const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(words).options(d).style(style).run(), vm);
  } catch (const po::error& e) {
    throw ConfigError(e.what());
  }
  return vm;
}

void read_config_file(const po::variables_map& vm, const std::filesystem::path& default_config, Config& config) {
  std::filesystem::path file = default_config;
  if (vm.count("config")) {
    file = vm["config"].as<std::string>();
    if (file.empty()) throw ConfigError("--config: must not be empty");
  } else {
    std::error_code ec;
    // Only a missing default file is skipped; one we may not read is an error, not a silent default.
    if (std::filesystem::symlink_status(file, ec).type() == std::filesystem::file_type::not_found) return;
  }
  const auto errors = load_config_file(file, config);
  if (!errors.empty()) {
    std::string message = errors.front();
    if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
    throw ConfigError(message);
  }
  config.config_file = file;
}

void apply_command_line(const po::variables_map& vm, Config& config) {
  for (const Option& o : option_table()) {
    const std::string name(o.name);
    if (!vm.count(name)) continue;
    std::string reason;
    if (!o.apply(config, vm[name].as<std::string>(), &reason)) throw ConfigError("--" + name + ": " + reason);
  }
}

}  // namespace

Invocation parse_invocation(Program program, int argc, const char* const* argv,
                            const std::filesystem::path& default_config) {
  const auto description = command_line_options();
  auto words = split_arguments(description, argc, argv);
  const auto vm = parse_command_line(description, words.options);  // first: "--bogus" beats its value
  if (program == Program::daemon && !words.positional.empty())
    throw ConfigError("unexpected argument '" + words.positional.front() + "' (portald takes only options)");

  Invocation invocation;
  invocation.show_help = vm.count("help") > 0;
  invocation.show_version = vm.count("version") > 0;
  invocation.positional = std::move(words.positional);
  if (invocation.show_help || invocation.show_version) return invocation;

  read_config_file(vm, default_config, invocation.config);
  apply_command_line(vm, invocation.config);
  return invocation;
}

}  // namespace portald::config
