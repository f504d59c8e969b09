#pragma once
// Which media files anything in the store refers to: the one answer the orphan list and its removal
// rely on (issue 14). A file not in this set may be removed, so the set errs on the side of keeping.
#include <cstdint>
#include <set>

#include "daemon/store/store.hpp"

namespace portald::media {

// The ids of every media file referred to by: an article (current record, every revision, every
// editor's autosaved draft), a section page and each of its revisions, a legal document and each of
// its revisions (attachments, links in the text), a citizen's question (text, answer, notes), a topic,
// the site settings (logo), and anything media_uses records as in public use. A reference is a /tep/
// link in any string field (model::media_ids_in) or a number in a field named "media_id".
//
// To add a new kind of reference (an article's lead image, a gallery): if it is stored as a /tep/ link
// or as "media_id" in one of the records walked here, nothing needs changing; otherwise add it below.
std::set<std::uint64_t> referenced_media(const store::Txn& txn, const store::Tables& t);

}  // namespace portald::media
