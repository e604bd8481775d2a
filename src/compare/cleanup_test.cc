#include "src/compare/cleanup.h"

#include <gtest/gtest.h>

namespace rapporteur::compare {
namespace {

std::vector<std::uint32_t> Weights(std::initializer_list<std::uint32_t> w) { return w; }

TEST(CleanupTest, FoldsShortEqualityBetweenLongChanges) {
  // del(10 tokens of 5 bytes) equal("the": 3) ins(8 tokens of 6 bytes) del(...)
  std::vector<EditRun> runs = {{DiffOp::kDelete, 2}, {DiffOp::kInsert, 2}, {DiffOp::kEqual, 1},
                           {DiffOp::kDelete, 2}, {DiffOp::kInsert, 2}};
  auto ow = Weights({10, 12, 3, 9, 11});
  auto nw = Weights({8, 14, 3, 10, 10});
  std::vector<EditRun> out = CleanupSemantic(runs, ow, nw);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].op, DiffOp::kDelete);
  EXPECT_EQ(out[0].count, 5u);
  EXPECT_EQ(out[1].op, DiffOp::kInsert);
  EXPECT_EQ(out[1].count, 5u);
}

TEST(CleanupTest, KeepsLongEqualityBetweenShortChanges) {
  std::vector<EditRun> runs = {{DiffOp::kDelete, 1}, {DiffOp::kInsert, 1}, {DiffOp::kEqual, 3},
                           {DiffOp::kDelete, 1}};
  auto ow = Weights({5, 10, 10, 10, 4});
  auto nw = Weights({3, 10, 10, 10});
  std::vector<EditRun> out = CleanupSemantic(runs, ow, nw);
  EXPECT_EQ(out.size(), 4u);
}

TEST(CleanupTest, EdgesAreNeverFolded) {
  std::vector<EditRun> runs = {{DiffOp::kEqual, 1}, {DiffOp::kDelete, 3}, {DiffOp::kEqual, 1}};
  auto ow = Weights({2, 9, 9, 9, 2});
  auto nw = Weights({2, 2});
  EXPECT_EQ(CleanupSemantic(runs, ow, nw).size(), 3u);
}

}  // namespace
}  // namespace rapporteur::compare
