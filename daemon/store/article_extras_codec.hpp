#pragma once
// How an article's extras (lead image, gallery, expiry, corrections: model::ArticleExtras) are stored:
// one nested object "extras" in the article, revision and draft records. Records written before issue 14
// have no such key and read as no extras, so the format version stays 1.
#include "daemon/model/article.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store::codec {

// A member that is a whole nested object, described by its own FieldTable; an absent key keeps the
// member's default.
template <class Table>
struct ObjectOf {
  Table table;
  template <class Member>
  nlohmann::json write(const Member& m) const {
    return table.to_json(m);
  }
  template <class Member>
  void read(const nlohmann::json& j, Member& m, const char*, const char*) const {
    m = table.from_json(j);
  }
  template <class Member>
  void absent(Member&) const {}
};
template <class Table>
ObjectOf(Table) -> ObjectOf<Table>;

inline constexpr std::tuple kGalleryImageFields{
    required("media_id", &model::GalleryImage::media_id),
    optional("alt", &model::GalleryImage::alt),
    optional("caption", &model::GalleryImage::caption),
};
inline constexpr std::tuple kCorrectionFields{
    optional("at", &model::Correction::at),
    optional("text", &model::Correction::text),
};
inline constexpr std::tuple kArticleExtrasFields{
    optional("lead_media_id", &model::ArticleExtras::lead_media_id),
    optional("lead_alt", &model::ArticleExtras::lead_alt),
    optional("gallery", &model::ArticleExtras::gallery,
             ListOf{fields<model::GalleryImage>("gallery image", kGalleryImageFields)}),
    optional("unpublish_at", &model::ArticleExtras::unpublish_at),
    optional("corrections", &model::ArticleExtras::corrections,
             ListOf{fields<model::Correction>("correction", kCorrectionFields)}),
};
// The codec of the "extras" key.
inline constexpr ObjectOf kArticleExtras{fields<model::ArticleExtras>("article extras", kArticleExtrasFields)};

}  // namespace portald::store::codec
