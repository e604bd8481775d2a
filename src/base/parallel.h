// Running independent pieces of work on this process's CPUs: the one place
// where the library decides whether to start a thread.
//
// The policy: work is spread over at most CpusAvailable() threads, the
// calling thread included. With one CPU, or when no thread can be started,
// everything runs on the calling thread, in order, and the result is the
// same: callers must not depend on which thread runs what.
//
// Thread safety: the functions are safe to call from any thread; the pieces
// of work they are given must not write to shared state without their own
// synchronisation.
#ifndef RAPPORTEUR_SRC_BASE_PARALLEL_H_
#define RAPPORTEUR_SRC_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace rapporteur {

// Runs `first` and `second`: `first` on another thread while this one runs
// `second`, when the process has more than one CPU and a thread can be
// started; else `first` then `second` here. Returns when both have; an
// exception thrown by either reaches the caller once both have ended (the
// first's if both throw).
void RunBoth(const std::function<void()>& first, const std::function<void()>& second);

// Calls body(begin, end) on disjoint ranges covering [0, n), each range at
// most `batch` long (at least 1), handed out in order to threads as they
// become free: up to `max_threads` of them (0: CpusAvailable()), none but
// this one if the process has one CPU. Exceptions as RunBoth, the first one
// thrown reaching the caller; the ranges not yet started are then skipped.
void ForEachRange(std::size_t n, std::size_t batch,
                  const std::function<void(std::size_t begin, std::size_t end)>& body,
                  std::size_t max_threads = 0);

}  // namespace rapporteur

#endif  // RAPPORTEUR_SRC_BASE_PARALLEL_H_
