#include "search/vietnamese.hpp"

#include <utf8proc.h>
#include <xapian.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <optional>

#include "daemon/model/text.hpp"

namespace portald::search {
namespace {

// The five Vietnamese tone marks: grave, acute, hook above, tilde, dot below.
constexpr std::array<char32_t, 5> kToneMarks{0x300, 0x301, 0x309, 0x303, 0x323};
// Base letters whose toned forms take part in tone placement ("oa", "oe", "uy" and upper case).
constexpr std::string_view kToneBases = "oOaAeEuUyY";

// Latin blocks where Vietnamese letters live; other code points take the slow utf8proc path.
constexpr char32_t kLatinEnd = 0x250;
constexpr char32_t kExtendedBegin = 0x1E00, kExtendedEnd = 0x1F00;

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Decodes the code point at text[i]; returns its length, or 0 when the bytes are not valid UTF-8.
std::size_t decode(std::string_view text, std::size_t i, char32_t& cp) {
  utf8proc_int32_t c = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &c);
  if (n <= 0) return 0;
  cp = static_cast<char32_t>(c);
  return static_cast<std::size_t>(n);
}

struct Tables {
  // toned[b][t]: kToneBases[b] with tone mark t, precomposed.
  std::array<std::array<char32_t, 5>, 10> toned{};
  // fold of every code point below kLatinEnd (from 0x80) and in [kExtendedBegin, kExtendedEnd).
  std::array<std::string, kLatinEnd - 0x80> latin;
  std::array<std::string, kExtendedEnd - kExtendedBegin> extended;
  // tone_code of the same code points: base * 5 + tone for toned vowels of kToneBases, else -1.
  std::array<signed char, kLatinEnd - 0x80> latin_tone;
  std::array<signed char, kExtendedEnd - kExtendedBegin> extended_tone;

  Tables() {
    for (std::size_t b = 0; b < kToneBases.size(); ++b)
      for (std::size_t t = 0; t < kToneMarks.size(); ++t) {
        std::string pair(1, kToneBases[b]);
        append_utf8(pair, kToneMarks[t]);
        const auto nfc = model::to_nfc(pair);
        char32_t cp = 0;
        toned[b][t] = nfc && decode(*nfc, 0, cp) == nfc->size() ? cp : 0;
      }
    for (char32_t cp = 0x80; cp < kLatinEnd; ++cp) latin[cp - 0x80] = slow_fold(cp);
    for (char32_t cp = kExtendedBegin; cp < kExtendedEnd; ++cp) extended[cp - kExtendedBegin] = slow_fold(cp);
    latin_tone.fill(-1);
    extended_tone.fill(-1);
    for (std::size_t b = 0; b < toned.size(); ++b)
      for (std::size_t t = 0; t < toned[b].size(); ++t) {
        const char32_t cp = toned[b][t];
        const auto code = static_cast<signed char>(b * kToneMarks.size() + t);
        if (cp >= 0x80 && cp < kLatinEnd) latin_tone[cp - 0x80] = code;
        if (cp >= kExtendedBegin && cp < kExtendedEnd) extended_tone[cp - kExtendedBegin] = code;
      }
  }

  static std::string slow_fold(char32_t cp) {
    std::string s;
    append_utf8(s, cp);
    return model::fold(s);
  }

  // The (base, tone) of a toned vowel of kToneBases, if cp is one.
  std::optional<std::pair<std::size_t, std::size_t>> tone_of(char32_t cp) const {
    signed char code = -1;
    if (cp >= 0x80 && cp < kLatinEnd) code = latin_tone[cp - 0x80];
    if (cp >= kExtendedBegin && cp < kExtendedEnd) code = extended_tone[cp - kExtendedBegin];
    if (code < 0) return std::nullopt;
    return std::pair<std::size_t, std::size_t>(code / kToneMarks.size(), code % kToneMarks.size());
  }

  const std::string* fold_of(char32_t cp) const {
    if (cp >= 0x80 && cp < kLatinEnd) return &latin[cp - 0x80];
    if (cp >= kExtendedBegin && cp < kExtendedEnd) return &extended[cp - kExtendedBegin];
    return nullptr;
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

bool is_control(char32_t cp) { return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0); }

// False for code points NFC leaves alone whatever follows them: no combining marks, no canonical
// singletons. Precomposed Vietnamese and common punctuation skip utf8proc's costly NFC pass.
bool may_change_under_nfc(char32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= kExtendedBegin && cp < kExtendedEnd) return false;
  if ((cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || cp == 0x20AB) return false;
  return true;
}

// Valid UTF-8 without control characters; sets `ascii` when every byte is below 0x80 and
// `needs_nfc` when some code point may change under NFC.
std::string clean(std::string_view text, bool& ascii, bool& needs_nfc) {
  std::string out;
  out.reserve(text.size());
  ascii = true;
  needs_nfc = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += is_control(byte) ? ' ' : text[i];
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    if (n == 0 || is_control(cp)) {
      out += ' ';
      i += n == 0 ? 1 : n;
      continue;
    }
    ascii = false;
    needs_nfc = needs_nfc || may_change_under_nfc(cp);
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::optional<std::string> nfc(const std::string& text) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (n < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

// Index in kToneBases of a plain letter that takes the tone from the toned vowel at base index b:
// o/O -> a, A, e, E; u/U -> y, Y.
bool takes_tone_from(std::size_t b, char32_t next) {
  const char base = kToneBases[b];
  if (base == 'o' || base == 'O') return next == 'a' || next == 'A' || next == 'e' || next == 'E';
  if (base == 'u' || base == 'U') return next == 'y' || next == 'Y';
  return false;
}

std::size_t base_index(char32_t c) { return kToneBases.find(static_cast<char>(c)); }

}  // namespace

std::string normalize(std::string_view text) {
  bool ascii = false, needs_nfc = false;
  std::string cleaned = clean(text, ascii, needs_nfc);
  if (ascii) return cleaned;
  if (needs_nfc)
    if (auto composed = nfc(cleaned)) cleaned = std::move(*composed);  // else: cannot happen, clean() left valid UTF-8
  const Tables& tab = tables();
  const std::string& s = cleaned;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out += s[i++];
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode(s, i, cp);
    if (const auto tone = tab.tone_of(cp); tone && i + n < s.size()) {
      const char32_t next = static_cast<unsigned char>(s[i + n]);
      if (takes_tone_from(tone->first, next)) {
        // Old placement "hòa" -> "hoà": the plain first vowel, then the second one with the mark.
        out += kToneBases[tone->first];
        append_utf8(out, tab.toned[base_index(next)][tone->second]);
        i += n + 1;
        continue;
      }
    }
    out.append(s, i, n);
    i += n;
  }
  return out;
}

std::string fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  const Tables* tab = nullptr;
  for (std::size_t i = 0; i < word.size();) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte < 0x80) {
      out += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte);
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode(word, i, cp);
    if (n == 0) return {};
    if (!tab) tab = &tables();
    if (const std::string* f = tab->fold_of(cp)) {
      out += *f;
    } else {
      out += model::fold(word.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool has_diacritics(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    if (n == 0) return false;
    if (cp >= 0x300 && cp < 0x370) return true;  // a combining mark (NFD input)
    if (const std::string* f = tables().fold_of(cp); f && f->size() == 1) return true;
    i += n;
  }
  return false;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (Xapian::Unicode::is_wordchar(*it)) {
      Xapian::Unicode::append_utf8(word, *it);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string lower(std::string_view word) { return Xapian::Unicode::tolower(std::string(word)); }

}  // namespace portald::search
