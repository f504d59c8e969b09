// Issue 17: the surrogate keys (xkey) of each kind of cached page, from its route and parameters.
#include <boost/test/unit_test.hpp>

#include "web/surrogate_keys.hpp"

namespace web = portald::web;
using Params = std::map<std::string, std::string, std::less<>>;

BOOST_AUTO_TEST_SUITE(surrogate_keys)

BOOST_AUTO_TEST_CASE(each_page_kind_has_its_keys) {
  BOOST_TEST(web::surrogate_keys("/", {}) == "site home articles documents questions");
  BOOST_TEST(web::surrogate_keys("/tin-tuc/{slug}", Params{{"slug", "khai-mac-hoi-cho-12"}}) == "site article-12");
  BOOST_TEST(web::surrogate_keys("/tin-tuc/{slug}/luu", Params{{"slug", "khai-mac-12"}}) == "site article-12");
  BOOST_TEST(web::surrogate_keys("/chuyen-muc/{slug}", Params{{"slug", "kinh-te"}}) ==
             "site category-kinh-te articles");
  BOOST_TEST(web::surrogate_keys("/van-ban/{slug}", Params{{"slug", "quyet-dinh-15-7"}}) ==
             "site documents document-7");
  BOOST_TEST(web::surrogate_keys("/hoi-dap/{id}", Params{{"id", "31"}}) == "site questions question-31");
  BOOST_TEST(web::surrogate_keys("/doi-thoai", {}) == "site dialogues");
  BOOST_TEST(web::surrogate_keys("/doi-thoai/{id}", Params{{"id", "4"}}) == "site dialogues dialogue-4");
  BOOST_TEST(web::surrogate_keys("/doi-thoai/{id}/hoi-dap.json", Params{{"id", "4"}}) == "site dialogues dialogue-4");
  BOOST_TEST(web::surrogate_keys("/rss.xml", {}) == "site feeds articles documents questions");
  BOOST_TEST(web::surrogate_keys("/api/v1/articles/{id}", Params{{"id", "5"}}) ==
             "site api articles documents topics pages article-5");
  BOOST_TEST(web::surrogate_keys("/static/{file}", Params{{"file", "portal.css"}}) == "static");
  BOOST_TEST(web::surrogate_keys("/quan-tri", {}).empty());
}

BOOST_AUTO_TEST_CASE(a_parameter_never_injects_a_key) {
  // A key is one token: a slug with a space, a newline or upper case adds none.
  BOOST_TEST(web::surrogate_keys("/chuyen-muc/{slug}", Params{{"slug", "kinh-te home"}}) == "site articles");
  BOOST_TEST(web::surrogate_keys("/chuyen-muc/{slug}", Params{{"slug", "a\r\nxkey: x"}}) == "site articles");
  BOOST_TEST(web::surrogate_keys("/tin-tuc/{slug}", Params{{"slug", "bai-viet"}}) == "site");
  BOOST_TEST(web::surrogate_keys("/tin-tuc/{slug}", Params{}) == "site");
}

// What a purge drops for each kind of change: the keys the changed thing's pages carry above.
BOOST_AUTO_TEST_CASE(changes_purge_the_keys_of_the_pages_that_show_them) {
  using portald::store::Change;
  using K = portald::store::ChangeKind;
  using portald::web::purge_keys;
  BOOST_TEST(purge_keys({}) == "");
  BOOST_TEST(purge_keys({Change{.seq = 1, .kind = K::article, .id = 12}}) == "article-12 articles");
  BOOST_TEST(
      purge_keys({Change{.seq = 1, .kind = K::article, .id = 12}, Change{.seq = 2, .kind = K::article, .id = 12},
                  Change{.seq = 3, .kind = K::document, .id = 7}, Change{.seq = 4, .kind = K::question, .id = 3}}) ==
      "article-12 articles document-7 documents question-3 questions");
  BOOST_TEST(purge_keys({Change{.seq = 1, .kind = K::topic, .id = 2}}) == "topics");
  BOOST_TEST(purge_keys({Change{.seq = 1, .kind = K::dialogue, .id = 4}}) == "dialogue-4 dialogues");
  // A menu, name or image change shows on every page: "site" alone covers the rest.
  BOOST_TEST(purge_keys({Change{.seq = 1, .kind = K::article, .id = 12},
                         Change{.seq = 2, .kind = K::category, .id = 1}}) == "site");
  BOOST_TEST(purge_keys({Change{.seq = 1, .kind = K::settings, .id = 0}}) == "site");
}

BOOST_AUTO_TEST_SUITE_END()
