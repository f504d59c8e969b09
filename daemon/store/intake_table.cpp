#include "daemon/store/intake_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::IntakeSource;
constexpr std::tuple kFields{
    codec::required("article_id", &IntakeSource::article_id),   codec::required("reference", &IntakeSource::reference),
    codec::optional("received_at", &IntakeSource::received_at), codec::optional("sender", &IntakeSource::sealed_sender),
    codec::optional("notified", &IntakeSource::notified),
};
constexpr auto kRecord = codec::record<IntakeSource>("intake source", 1, kFields);

}  // namespace

std::optional<model::IntakeSource> get_intake_source(const Txn& txn, const Tables& t, std::uint64_t article_id) {
  const auto v = txn.get(t.intake_sources, be64(article_id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

void put_intake_source(WriteTxn& txn, const Tables& t, const model::IntakeSource& s) {
  txn.put(t.intake_sources, be64(s.article_id), kRecord.encode(s));
  txn.put(t.intake_references, s.reference, be64(s.article_id));
}

std::optional<std::uint64_t> find_intake_by_reference(const Txn& txn, const Tables& t, std::string_view code) {
  return lookup_id(txn, t.intake_references, code);
}

}  // namespace portald::store
