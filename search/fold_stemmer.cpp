#include "search/fold_stemmer.hpp"

#include "search/vietnamese.hpp"

namespace portald::search {
namespace {

class FoldStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return fold(word); }
  std::string get_description() const override { return "portald-vietnamese-fold"; }
};

}  // namespace

Xapian::Stem make_fold_stemmer() { return Xapian::Stem(new FoldStemmer); }

}  // namespace portald::search
