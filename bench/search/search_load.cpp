// Uncached searches from CONNECTIONS keep-alive connections for SECONDS, each answer timed, for
// bench/search.sh (issue 17). wrk mixes the admission gate's refusals (503, answered at once) into its
// percentiles; this client keeps them apart. One blocking thread per connection: it waits in the
// kernel, so the client takes little of the cores it shares with portald (a Python client took most
// of one).
//
//   search_load PORT QUERIES.txt CONNECTIONS SECONDS [retry-after]
//
// With `retry-after`, a connection that was refused waits the Retry-After it was given before its next
// search, as a browser's reader would; without, it asks again at once (a closed loop that never backs
// off, the worst case). Prints one line:
//   asked/s answered/s p50_answered_ms p99_answered_ms refused_pct other_non200
// Each connection walks the query list from its own offset, so the result cache rarely answers.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Tally {
  std::vector<double> answered_ms;
  long refused = 0, other = 0;
};

int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    std::perror("search_load: connect");
    std::exit(1);
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// One response read whole from fd (Content-Length bodies only: portald's answers); buffer keeps what
// came after it. False when the connection closed or broke.
bool read_response(int fd, std::string& buffer, int& status, int& retry_after) {
  std::size_t head_end;
  while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    char chunk[16384];
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, std::size_t(n));
  }
  std::string head = buffer.substr(0, head_end);
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  status = std::atoi(head.c_str() + head.find(' ') + 1);
  const auto header = [&](const char* name) {
    const auto at = head.find(name);
    return at == std::string::npos ? -1L : std::atol(head.c_str() + at + std::char_traits<char>::length(name));
  };
  const long length = std::max(0L, header("\r\ncontent-length:"));
  retry_after = int(header("\r\nretry-after:"));
  const std::size_t total = head_end + 4 + std::size_t(length);
  while (buffer.size() < total) {
    char chunk[65536];
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, std::size_t(n));
  }
  buffer.erase(0, total);
  return true;
}

void client(int port, const std::vector<std::string>& paths, std::size_t offset, Clock::time_point deadline,
            bool honour_retry_after, Tally& tally) {
  int fd = connect_to(port);
  std::string buffer;
  for (std::size_t i = offset; Clock::now() < deadline; ++i) {
    const std::string request = "GET " + paths[i % paths.size()] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const auto t0 = Clock::now();
    int status = 0, retry_after = -1;
    if (write(fd, request.data(), request.size()) != ssize_t(request.size()) ||
        !read_response(fd, buffer, status, retry_after)) {
      close(fd);  // the server closed a kept-alive connection: count nothing, open another
      fd = connect_to(port);
      buffer.clear();
      continue;
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (status == 200) {
      tally.answered_ms.push_back(ms);
    } else if (status == 503) {
      ++tally.refused;
      if (honour_retry_after && retry_after > 0)
        std::this_thread::sleep_until(std::min(deadline, Clock::now() + std::chrono::seconds(retry_after)));
    } else {
      ++tally.other;
    }
  }
  close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: search_load PORT QUERIES.txt CONNECTIONS SECONDS [retry-after]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int connections = std::max(1, std::atoi(argv[3]));
  const double seconds = std::atof(argv[4]);
  const bool honour_retry_after = argc > 5 && std::string(argv[5]) == "retry-after";
  std::vector<std::string> paths;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) paths.push_back(line);
  if (paths.empty()) {
    std::fprintf(stderr, "search_load: no queries in %s\n", argv[2]);
    return 2;
  }

  std::vector<Tally> tallies(static_cast<std::size_t>(connections));
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  for (int k = 0; k < connections; ++k)
    threads.emplace_back(client, port, std::cref(paths), std::size_t(k) * paths.size() / std::size_t(connections),
                         deadline, honour_retry_after, std::ref(tallies[std::size_t(k)]));
  for (auto& t : threads) t.join();
  const double took = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> answered;
  long refused = 0, other = 0;
  for (const auto& t : tallies) {
    answered.insert(answered.end(), t.answered_ms.begin(), t.answered_ms.end());
    refused += t.refused;
    other += t.other;
  }
  std::sort(answered.begin(), answered.end());
  const auto pct = [&](double p) {
    return answered.empty() ? 0.0 : answered[std::min(answered.size() - 1, std::size_t(p * double(answered.size())))];
  };
  const double total = double(answered.size()) + double(refused) + double(other);
  std::printf("%.0f %.0f %.2f %.2f %.1f %ld\n", total / took, double(answered.size()) / took, pct(0.5), pct(0.99),
              100.0 * double(refused) / std::max(total, 1.0), other);
  return 0;
}
