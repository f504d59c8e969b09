#pragma once
// The accent fold as a Xapian "stemmer" (stack notes 3.3): every word is indexed twice, folded
// ("Zban", with positions, what queries parsed with STEM_ALL_Z match) and exact ("bán", without
// positions, only to rank exact diacritics first); MSet::snippet highlights the original words.
#include <xapian.h>

namespace portald::search {

// A new stemmer object. Xapian's reference counts are not atomic, so each thread makes its own.
Xapian::Stem make_fold_stemmer();
// The fold, then Xapian's English (Porter2) stemmer: the analyser of lang="en" items, whose terms are
// kept under prefix::english so Vietnamese words are never stemmed as English ones. One per thread too.
Xapian::Stem make_english_stemmer();

}  // namespace portald::search
