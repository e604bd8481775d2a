#include "src/compare/cleanup.h"

#include <gtest/gtest.h>

#include <random>

namespace rapporteur::compare {
namespace {

std::vector<std::uint32_t> Weights(std::initializer_list<std::uint32_t> w) { return w; }

TEST(CleanupTest, FoldsShortEqualityBetweenLongChanges) {
  // del+ins of 10 tokens each, "the", del+ins of 10 each: 40 edits, room for 4
  // more; folding "the" costs 2.
  std::vector<EditRun> runs = {{DiffOp::kDelete, 10},
                               {DiffOp::kInsert, 10},
                               {DiffOp::kEqual, 1},
                               {DiffOp::kDelete, 10},
                               {DiffOp::kInsert, 10}};
  std::vector<std::uint32_t> ow(21, 6), nw(21, 7);
  ow[10] = nw[10] = 3;
  std::vector<EditRun> out = CleanupSemantic(runs, ow, nw, OwnCleanupBudget(40));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].op, DiffOp::kDelete);
  EXPECT_EQ(out[0].count, 21u);
  EXPECT_EQ(out[1].op, DiffOp::kInsert);
  EXPECT_EQ(out[1].count, 21u);
}

// The same shape with two-token changes: folding would make 10 edits of 8,
// more than the clause's own budget allows.
TEST(CleanupTest, StopsWhenItsBudgetIsSpent) {
  std::vector<EditRun> runs = {{DiffOp::kDelete, 2},
                               {DiffOp::kInsert, 2},
                               {DiffOp::kEqual, 1},
                               {DiffOp::kDelete, 2},
                               {DiffOp::kInsert, 2}};
  auto ow = Weights({10, 12, 3, 9, 11});
  auto nw = Weights({8, 14, 3, 10, 10});
  EXPECT_EQ(CleanupSemantic(runs, ow, nw, OwnCleanupBudget(8)).size(), 5u);
  EXPECT_EQ(CleanupSemantic(runs, ow, nw, UINT64_MAX).size(), 2u);
}

// Random scripts: the same tokens on each side, and at most 1.1 times as
// many edits.
TEST(CleanupTest, RandomScriptsKeepTheirTokensWithinTheBound) {
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    std::vector<EditRun> runs;
    std::uint32_t old_n = 0, new_n = 0, edits = 0;
    for (int k = 0; k < 2 + static_cast<int>(rng() % 30); ++k) {
      const auto op = static_cast<DiffOp>(rng() % 3);
      const std::uint32_t count = 1 + rng() % 12;
      runs.push_back({op, count});
      old_n += op != DiffOp::kInsert ? count : 0;
      new_n += op != DiffOp::kDelete ? count : 0;
      edits += op != DiffOp::kEqual ? count : 0;
    }
    std::vector<std::uint32_t> ow(old_n), nw(new_n);
    for (auto& w : ow) w = 1 + rng() % 9;
    for (auto& w : nw) w = 1 + rng() % 9;
    std::uint32_t out_old = 0, out_new = 0, out_edits = 0;
    for (const EditRun& r : CleanupSemantic(runs, ow, nw, OwnCleanupBudget(edits))) {
      out_old += r.op != DiffOp::kInsert ? r.count : 0;
      out_new += r.op != DiffOp::kDelete ? r.count : 0;
      out_edits += r.op != DiffOp::kEqual ? r.count : 0;
    }
    ASSERT_EQ(out_old, old_n);
    ASSERT_EQ(out_new, new_n);
    ASSERT_GE(out_edits, edits);
    ASSERT_LE(out_edits, edits + edits / 10);
  }
}

TEST(CleanupTest, KeepsLongEqualityBetweenShortChanges) {
  std::vector<EditRun> runs = {
      {DiffOp::kDelete, 1}, {DiffOp::kInsert, 1}, {DiffOp::kEqual, 3}, {DiffOp::kDelete, 1}};
  auto ow = Weights({5, 10, 10, 10, 4});
  auto nw = Weights({3, 10, 10, 10});
  std::vector<EditRun> out = CleanupSemantic(runs, ow, nw, UINT64_MAX);
  EXPECT_EQ(out.size(), 4u);
}

TEST(CleanupTest, EdgesAreNeverFolded) {
  std::vector<EditRun> runs = {{DiffOp::kEqual, 1}, {DiffOp::kDelete, 3}, {DiffOp::kEqual, 1}};
  auto ow = Weights({2, 9, 9, 9, 2});
  auto nw = Weights({2, 2});
  EXPECT_EQ(CleanupSemantic(runs, ow, nw, UINT64_MAX).size(), 3u);
}

// A long rewrite in a document with room for it gets its full cleanup.
TEST(ChooseFullCleanupsTest, ARewriteWithRoomIsFolded) {
  EXPECT_EQ(ChooseFullCleanups({{40, 4, 10}, {6, 0, 0}}, 300), (std::vector<bool>{true, false}));
}

// Two short changes beside kept words, in a document with little else
// changed (US S. 5, placed on calendar -> enrolled): no room.
TEST(ChooseFullCleanupsTest, ShortChangesWithoutRoomKeepTheirWords) {
  EXPECT_EQ(ChooseFullCleanups({{10, 0, 4}, {12, 0, 6}}, 17), (std::vector<bool>{false, false}));
}

// The cheapest relative to its size first: 8 of 100 before 5 of 10.
TEST(ChooseFullCleanupsTest, CheapestRelativeToItsSizeFirst) {
  EXPECT_EQ(ChooseFullCleanups({{10, 0, 5}, {100, 0, 8}}, 0), (std::vector<bool>{false, true}));
}

TEST(ChooseFullCleanupsTest, RandomDocumentsStayWithinATenth) {
  std::mt19937 rng(3);
  for (int round = 0; round < 500; ++round) {
    std::vector<CleanupCost> costs(1 + rng() % 20);
    std::uint64_t minimal = rng() % 50;
    for (CleanupCost& c : costs) {
      c.minimal = rng() % 60;
      c.bounded_extra = c.minimal == 0 ? 0 : rng() % (OwnCleanupBudget(c.minimal) + 1);
      c.full_extra = c.bounded_extra + rng() % 20;
      minimal += c.minimal;
    }
    const std::uint64_t other = minimal - [&] {
      std::uint64_t sum = 0;
      for (const CleanupCost& c : costs) sum += c.minimal;
      return sum;
    }();
    const std::vector<bool> full = ChooseFullCleanups(costs, other);
    std::uint64_t total = minimal;
    for (std::size_t i = 0; i < costs.size(); ++i) {
      total += full[i] ? costs[i].full_extra : costs[i].bounded_extra;
    }
    ASSERT_LE(total, minimal + minimal / 10);  // each clause's own budget is a tenth too
  }
}

}  // namespace
}  // namespace rapporteur::compare
