#include "src/base/parallel.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "src/base/cpus.h"

namespace rapporteur {
namespace {

// Pins the process to one CPU for the test's lifetime.
class OneCpu {
 public:
  OneCpu() {
    ok_ = sched_getaffinity(0, sizeof(saved_), &saved_) == 0;
    int first = 0;
    while (ok_ && !CPU_ISSET(first, &saved_)) ++first;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    ok_ = ok_ && sched_setaffinity(0, sizeof(one), &one) == 0;
  }
  ~OneCpu() {
    if (ok_) sched_setaffinity(0, sizeof(saved_), &saved_);
  }
  bool ok() const { return ok_; }

 private:
  cpu_set_t saved_;
  bool ok_ = false;
};

TEST(RunBothTest, RunsBoth) {
  std::atomic<int> ran{0};
  RunBoth([&] { ran += 1; }, [&] { ran += 10; });
  EXPECT_EQ(ran.load(), 11);
}

TEST(RunBothTest, OneCpuRunsBothHereInOrder) {
  OneCpu pin;
  ASSERT_TRUE(pin.ok());
  std::vector<std::thread::id> threads;
  RunBoth([&] { threads.push_back(std::this_thread::get_id()); },
          [&] { threads.push_back(std::this_thread::get_id()); });
  EXPECT_EQ(threads,
            (std::vector<std::thread::id>{std::this_thread::get_id(), std::this_thread::get_id()}));
}

TEST(RunBothTest, ExceptionsReachTheCallerAfterBothEnded) {
  std::atomic<bool> second_ran{false};
  EXPECT_THROW(RunBoth([] { throw std::runtime_error("first"); }, [&] { second_ran = true; }),
               std::runtime_error);
  EXPECT_TRUE(second_ran.load());
  try {
    RunBoth([] { throw std::runtime_error("first"); }, [] { throw std::logic_error("second"); });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "first");
  }
  EXPECT_THROW(RunBoth([] {}, [] { throw std::logic_error("second"); }), std::logic_error);
}

// Every index is visited exactly once, in ranges no longer than the batch.
void ExpectCoversOnce(std::size_t n, std::size_t batch) {
  std::vector<std::atomic<int>> seen(n);
  std::atomic<bool> too_long{false};
  ForEachRange(n, batch, [&](std::size_t begin, std::size_t end) {
    if (end - begin > std::max<std::size_t>(batch, 1) || begin >= end) too_long = true;
    for (std::size_t i = begin; i < end; ++i) seen[i] += 1;
  });
  EXPECT_FALSE(too_long.load()) << n << " " << batch;
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i].load(), 1) << i << " of " << n;
}

TEST(ForEachRangeTest, CoversEveryIndexOnce) {
  for (std::size_t n : {0, 1, 2, 7, 100, 1001}) {
    for (std::size_t batch : {0, 1, 3, 64, 5000}) ExpectCoversOnce(n, batch);
  }
}

TEST(ForEachRangeTest, OneCpuRunsEverythingHereInOrder) {
  OneCpu pin;
  ASSERT_TRUE(pin.ok());
  std::vector<std::size_t> begins;
  std::set<std::thread::id> threads;
  ForEachRange(10, 3, [&](std::size_t begin, std::size_t) {
    begins.push_back(begin);
    threads.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(begins, (std::vector<std::size_t>{0, 3, 6, 9}));
  EXPECT_EQ(threads, std::set<std::thread::id>{std::this_thread::get_id()});
}

TEST(ForEachRangeTest, AnExceptionStopsTheRestAndReachesTheCaller) {
  std::atomic<std::size_t> ranges{0};
  EXPECT_THROW(ForEachRange(1000, 1,
                            [&](std::size_t begin, std::size_t) {
                              ++ranges;
                              if (begin == 0) throw std::runtime_error("bad range");
                            }),
               std::runtime_error);
  EXPECT_LT(ranges.load(), 1000u);
}

}  // namespace
}  // namespace rapporteur
