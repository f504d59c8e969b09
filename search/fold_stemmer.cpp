#include "search/fold_stemmer.hpp"

#include "search/vietnamese.hpp"

namespace portald::search {
namespace {

class FoldStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return fold(word); }
  std::string get_description() const override { return "portald-vietnamese-fold"; }
};

class EnglishStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return english_(fold(word)); }
  std::string get_description() const override { return "portald-english-fold"; }

 private:
  Xapian::Stem english_{"english"};
};

}  // namespace

Xapian::Stem make_fold_stemmer() { return Xapian::Stem(new FoldStemmer); }

Xapian::Stem make_english_stemmer() { return Xapian::Stem(new EnglishStemmer); }

}  // namespace portald::search
