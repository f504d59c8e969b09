// Help text, docs/config.md and packaging/portald.conf, all generated from the option table.
#include <sstream>

#include "daemon/config/config.hpp"
#include "daemon/config/config_file.hpp"
#include "daemon/config/option_table.hpp"

namespace portald::config {

namespace {

constexpr std::size_t line_width = 79;

// Splits text into lines of at most `width` characters at spaces (a longer word gets its own line).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// "Range 1..64, default 4." / "Default: /var/lib/portald." / "Default: empty."
std::string limits_sentence(const Option& o, const Config& defaults) {
  const std::string value = o.value_text(defaults);
  const std::string shown = value.empty() ? "empty" : value;
  const std::string range = o.range_text();
  if (range.empty()) return "Default: " + shown + ".";
  return (o.kind == Kind::choice ? "One of " : "Range ") + range + ", default " + shown + ".";
}

struct HelpEntry {
  std::string left;   // "  -c, --config=FILE"
  std::string right;  // help sentence(s)
};

std::vector<HelpEntry> help_entries(const Config& defaults) {
  std::vector<HelpEntry> entries{
      {"  -c, --config=FILE", std::string("Read options from FILE instead of ") + default_config_file +
                                  " (which is read only when it exists)."},
      {"  -h, --help", "Show this help and exit."},
      {"  -V, --version", "Show the version and exit."},
  };
  for (const Option& o : option_table()) {
    entries.push_back({"      --" + std::string(o.name) + "=" + std::string(o.value_name),
                       std::string(o.help) + " " + limits_sentence(o, defaults)});
  }
  return entries;
}

std::string help_with(Program program, std::string_view usage, const Config& defaults) {
  constexpr std::size_t column = 34;
  std::string out(usage);
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += program == Program::ctl ? "\nGlobal options (before COMMAND):\n" : "\nOptions:\n";
  for (const HelpEntry& e : help_entries(defaults)) {
    out += e.left;
    bool first = true;
    if (e.left.size() + 2 > column) {
      out += '\n';
      first = false;
    }
    for (const std::string& line : wrap(e.right, line_width - column)) {
      out += first ? std::string(column - e.left.size(), ' ') : std::string(column, ' ');
      out += line + '\n';
      first = false;
    }
  }
  out +=
      "\nEvery option but --config, --help and --version can also be set in the config\n"
      "file as \"name = value\"; the command line overrides the file.\n";
  return out;
}

// GitHub tables split cells at '|' even inside code spans unless it is escaped.
std::string escape_pipes(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string comment_block(std::string_view text) {
  std::string out;
  for (const std::string& line : wrap(text, line_width - 2)) out += "# " + line + '\n';
  return out;
}

}  // namespace

std::string help_text(Program program, std::string_view usage) { return help_with(program, usage, Config{}); }

Config packaged_defaults() {
  Config defaults;
  defaults.share_dir = "/usr/share/portald";
  return defaults;
}

std::string reference_markdown(const Config& defaults) {
  std::string out =
      "# Configuration reference\n"
      "\n"
      "<!-- Generated from daemon/config/option_table.cpp: build portald_config_docs and run\n"
      "     `portald_config_docs markdown > docs/config.md`. The unit test config/docs_are_generated\n"
      "     fails when this file and the table disagree. -->\n"
      "\n"
      "`portald` and `portaldctl` take the same options, from two places:\n"
      "\n"
      "1. the config file: `--config FILE`, else `/etc/portald/portald.conf` when it exists;\n"
      "2. the command line, which overrides the file.\n"
      "\n"
      "On the command line every option is `--name VALUE` or `--name=VALUE`, spelled out in full.\n"
      "`portaldctl` takes its options before the command: `portaldctl --data-dir D import articles F`.\n"
      "`-c`/`--config FILE`, `-h`/`--help` and `-V`/`--version` exist only on the command line.\n"
      "\n"
      "## Config file format\n"
      "\n"
      "- One `key = value` per line; the key is the option's long name without `--`.\n"
      "- Lines whose first non-blank character is `#` are comments; a `#` later in a line is part of\n"
      "  the value. Blank lines are ignored, spaces around key and value are trimmed.\n"
      "- A value may be double-quoted (`site-name = \"Cổng thông tin\"`), with `\\\"` and `\\\\` as\n"
      "  escapes; quotes keep leading or trailing spaces and allow an empty value.\n"
      "- Sizes take an optional `K`, `M`, `G` or `T` suffix, 1024-based: `64K` = 65536 bytes.\n"
      "- Unknown keys, keys set twice, lines without `=` and bad values are errors reported as\n"
      "  `FILE:LINE: key: reason`; the daemon refuses to start on any of them.\n"
      "- Checks that need the running system (the data directory exists and is writable, the port\n"
      "  is free) are made by the daemon at start, not by the config check.\n"
      "\n"
      "The shipped `/etc/portald/portald.conf` lists every option, commented out, with its default.\n"
      "\n"
      "## Options\n"
      "\n"
      "| Option | Value | Default | Range |\n"
      "|---|---|---|---|\n";
  for (const Option& o : option_table()) {
    const std::string value = o.value_text(defaults);
    const std::string range = o.range_text();
    out += "| [`" + std::string(o.name) + "`](#" + std::string(o.name) + ") | " + std::string(o.value_name) + " | " +
           (value.empty() ? "(empty)" : "`" + value + "`") + " | " +
           (range.empty() ? "" : "`" + escape_pipes(range) + "`") + " |\n";
  }
  for (const Option& o : option_table()) {
    out += "\n### " + std::string(o.name) + "\n\n`--" + std::string(o.name) + "=" + std::string(o.value_name) +
           "` on the command line, `" + std::string(o.name) + " = " + file_value(o.value_text(defaults)) +
           "` in the file.\n\n";
    for (const std::string& line : wrap(std::string(o.help) + " " + limits_sentence(o, defaults), 100))
      out += line + '\n';
  }
  return out;
}

std::string sample_config_file(const Config& defaults) {
  std::string out =
      "# /etc/portald/portald.conf: settings read by portald and portaldctl.\n"
      "#\n"
      "# Generated from daemon/config/option_table.cpp (portald_config_docs conf); the full\n"
      "# reference is docs/config.md. One \"key = value\" per line; a line starting with # is a\n"
      "# comment. Values may be double-quoted. Every option is shown commented out with its\n"
      "# default; options on the command line (e.g. --listen) override this file.\n";
  for (const Option& o : option_table()) {
    out += "\n" + comment_block(std::string(o.help) + " " + limits_sentence(o, defaults));
    out += "#" + std::string(o.name) + " = " + file_value(o.value_text(defaults)) + '\n';
  }
  return out;
}

}  // namespace portald::config
