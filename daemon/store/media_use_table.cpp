#include "daemon/store/media_use_table.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>

#include "daemon/model/media_link.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::store {
namespace {

// be64(media id) + kind + be64(user id) -> "": a prefix seek answers "is it used" without a scan.
std::string use_key(std::uint64_t media_id, MediaUser user, std::uint64_t user_id) {
  return be64(media_id) + static_cast<char>(user) + be64(user_id);
}

std::vector<std::uint64_t> page_media(const model::SitePage& p) {
  std::string text = p.body_html;
  for (const auto& row : p.entries)
    for (const auto& cell : row) text += " " + cell;
  return model::media_ids_in(text);
}

}  // namespace

void record_media_uses(WriteTxn& txn, const Tables& t, MediaUser user, std::uint64_t user_id,
                       const std::vector<std::uint64_t>& before, const std::vector<std::uint64_t>& after) {
  for (const auto id : before) txn.del(t.media_uses, use_key(id, user, user_id));
  for (const auto id : after) txn.put(t.media_uses, use_key(id, user, user_id), {});
}

bool media_in_public_use(const Txn& txn, const Tables& t, std::uint64_t media_id) {
  Cursor c(txn, t.media_uses);
  return c.seek(be64(media_id)) && c.key().starts_with(be64(media_id));
}

std::size_t rebuild_media_uses(WriteTxn& txn, const Tables& t) {
  std::size_t n = 0;
  const auto add = [&](MediaUser user, std::uint64_t id, const std::vector<std::uint64_t>& media) {
    record_media_uses(txn, t, user, id, {}, media);
    n += media.size();
  };
  std::vector<std::uint64_t> published;
  {
    Cursor c(txn, t.articles_published);
    for (bool ok = c.first(); ok; ok = c.next()) published.push_back(read_be64(c.key().substr(8)));
  }
  for (const auto id : published)
    if (const auto a = get_article(txn, t, id)) add(MediaUser::article, id, model::article_media_ids(*a));
  for (const auto& p : list_site_pages(txn, t)) add(MediaUser::page, p.id, page_media(p));
  std::vector<std::uint64_t> documents;
  {
    Cursor c(txn, t.documents);
    for (bool ok = c.first(); ok; ok = c.next()) documents.push_back(read_be64(c.key()));
  }
  for (const auto id : documents)
    if (const auto d = get_public_document(txn, t, id)) {
      std::vector<std::uint64_t> media;
      for (const auto& a : d->attachments) media.push_back(a.media_id);
      add(MediaUser::document, id, media);
    }
  add(MediaUser::settings, 0, model::media_ids_in(get_site_settings(txn, t).logo_url));
  return n;
}

std::vector<std::uint64_t> site_page_media(const model::SitePage& p) { return page_media(p); }

std::string new_media_token() {
  std::array<unsigned char, model::kMediaTokenBytes> raw{};
  std::size_t got = 0;
  while (got < raw.size()) {
    const auto r = ::getrandom(raw.data() + got, raw.size() - got, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw StoreError("no random bytes for a media token", errno);
    got += static_cast<std::size_t>(r);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char b : raw) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace portald::store
