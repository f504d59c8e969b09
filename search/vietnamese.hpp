#pragma once
// Vietnamese text as the search index sees it: one Unicode form (NFC), one tone-placement convention,
// and the accent fold used as the index's "stemmer". Pure functions, no I/O, safe from any thread.
#include <string>
#include <string_view>
#include <vector>

namespace portald::search {

// NFC text with the tone mark of "oa", "oe" and "uy" on the second vowel (the new convention:
// "hòa" -> "hoà", "khỏe" -> "khoẻ", "thủy" -> "thuỷ", "Ủy" -> "Uỷ"), so exact-diacritics matching
// works whichever convention the writer or the reader used. Bytes that are not valid UTF-8 and
// control characters (NUL included; '\n' and '\t' are kept) become spaces. Never throws except
// bad_alloc.
std::string normalize(std::string_view text);

// One lower-case word folded: marks stripped, đ -> d ("đắk" -> "dak", "thuỷ" -> "thuy"). Agrees
// with model::fold on Vietnamese text, but is table-driven because Xapian calls it for every word
// it indexes. Invalid UTF-8 folds to "".
std::string fold(std::string_view word);

// True when text holds a letter with a mark or đ (the reader typed diacritics).
bool has_diacritics(std::string_view text);

// The words of normalised text (runs of Xapian's word characters), as typed.
std::vector<std::string> split_words(std::string_view text);
// Lower-case (Unicode) form of a word.
std::string lower(std::string_view word);

}  // namespace portald::search
