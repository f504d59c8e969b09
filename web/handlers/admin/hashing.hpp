#pragma once
// Password checks and hashes from the admin handlers go through the hash pool (issue 16), so Argon2id
// never runs on an HTTP worker: the worker waits, and only a bounded number may wait at once.
#include <string_view>
#include <utility>

#include "daemon/auth/hash_pool.hpp"
#include "web/context.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {

inline constexpr std::string_view kHashBusy =
    "Hệ thống đang bận xử lý nhiều lượt đăng nhập cùng lúc. Vui lòng thử lại sau vài giây.";
inline constexpr const char* kHashRetryAfter = "2";  // seconds: a few hashes' time

// job() on the pool (inline without one), its result; throws HttpError 503 with Retry-After when the
// pool's queue is full, and rethrows what job() threw.
template <class F>
auto hashed(const Context& ctx, F job) {
  auto result = auth::run_hashing(ctx.hash_pool, std::move(job));
  if (!result) throw HttpError(503, std::string(kHashBusy), {{"Retry-After", kHashRetryAfter}});
  return std::move(*result);
}

}  // namespace portald::web::admin
