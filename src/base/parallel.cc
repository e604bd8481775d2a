#include "src/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <mutex>
#include <system_error>
#include <vector>

#include "src/base/cpus.h"

namespace rapporteur {
namespace {

// `work` on another thread, or an invalid future if there is one CPU or the
// thread cannot be started (the caller then runs it itself).
std::future<void> StartThread(const std::function<void()>& work) {
  if (CpusAvailable() < 2) return {};
  try {
    return std::async(std::launch::async, [&work] { work(); });
  } catch (const std::system_error&) {
    return {};
  }
}

}  // namespace

void RunBoth(const std::function<void()>& first, const std::function<void()>& second) {
  std::future<void> other = StartThread(first);
  if (!other.valid()) {
    first();
    second();
    return;
  }
  std::exception_ptr failure;
  try {
    second();
  } catch (...) {
    failure = std::current_exception();
  }
  other.get();  // rethrows the first's exception, which takes precedence
  if (failure) std::rethrow_exception(failure);
}

void ForEachRange(std::size_t n, std::size_t batch,
                  const std::function<void(std::size_t begin, std::size_t end)>& body,
                  std::size_t max_threads) {
  batch = std::max<std::size_t>(batch, 1);
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const std::function<void()> work = [&] {
    try {
      for (std::size_t begin; (begin = next.fetch_add(batch)) < n;) {
        body(begin, std::min(n, begin + batch));
      }
    } catch (...) {
      next.store(n);  // the others stop at their next range
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  const std::size_t ranges = (n + batch - 1) / batch;
  if (max_threads == 0) max_threads = static_cast<std::size_t>(CpusAvailable());
  const std::size_t helpers = std::min(ranges, max_threads) - (ranges > 0 && max_threads > 0);
  std::vector<std::future<void>> pool;
  for (std::size_t t = 0; t < helpers; ++t) {
    std::future<void> started = StartThread(work);
    if (!started.valid()) break;
    pool.push_back(std::move(started));
  }
  work();
  for (std::future<void>& f : pool) f.get();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace rapporteur
