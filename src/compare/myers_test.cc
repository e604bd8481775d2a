#include "src/compare/myers.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace rapporteur::compare {
namespace {

// Reference implementation: the textbook O(NM) LCS table. The fast search
// must find scripts of exactly the minimal length it implies.
std::size_t ReferenceEditLength(const std::vector<std::uint32_t>& a,
                                const std::vector<std::uint32_t>& b) {
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return a.size() + b.size() - 2 * lcs[0][0];
}

// Applies a script to `a`, taking inserted tokens from `b`; must yield `b`.
std::vector<std::uint32_t> Apply(const DiffScript& s, const std::vector<std::uint32_t>& a,
                                 const std::vector<std::uint32_t>& b) {
  std::vector<std::uint32_t> out;
  std::size_t i = 0, j = 0;
  for (const EditRun& r : s.runs) {
    for (std::uint32_t n = 0; n < r.count; ++n) {
      if (r.op == DiffOp::kEqual) {
        EXPECT_EQ(a.at(i), b.at(j));
        out.push_back(a[i++]);
        ++j;
      } else if (r.op == DiffOp::kDelete) {
        ++i;
      } else {
        out.push_back(b.at(j++));
      }
    }
  }
  EXPECT_EQ(i, a.size());
  return out;
}

TEST(MyersTest, SmallCases) {
  struct Case {
    std::vector<std::uint32_t> a, b;
    std::size_t edits;
  };
  const Case cases[] = {
      {{}, {}, 0},
      {{1, 2, 3}, {1, 2, 3}, 0},
      {{}, {1, 2}, 2},
      {{1, 2}, {}, 2},
      {{1, 2, 3}, {1, 3}, 1},
      {{1, 2, 3, 4}, {5, 6}, 6},
      {{1, 2, 3, 1, 2, 2, 1}, {3, 2, 1, 2, 1, 3}, 5},  // the paper's ABCABBA/CBABAC
  };
  for (const Case& c : cases) {
    DiffScript s = DiffTokens(c.a, c.b, 1u << 20);
    EXPECT_EQ(EditLength(s), c.edits);
    EXPECT_EQ(Apply(s, c.a, c.b), c.b);
    EXPECT_FALSE(s.approximate);
  }
}

TEST(MyersTest, MatchesReferenceOnRandomInputs) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 400; ++round) {
    const std::size_t alphabet = 2 + rng() % 8;
    std::vector<std::uint32_t> a(rng() % 60), b;
    for (auto& t : a) t = static_cast<std::uint32_t>(rng() % alphabet);
    b = a;
    for (int e = static_cast<int>(rng() % 12); e > 0; --e) {
      const std::size_t pos = b.empty() ? 0 : rng() % b.size();
      if (rng() % 2 && !b.empty()) {
        b.erase(b.begin() + static_cast<std::ptrdiff_t>(pos));
      } else {
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(pos),
                 static_cast<std::uint32_t>(rng() % alphabet));
      }
    }
    DiffScript s = DiffTokens(a, b, 1u << 24);
    ASSERT_EQ(EditLength(s), ReferenceEditLength(a, b)) << "round " << round;
    ASSERT_EQ(Apply(s, a, b), b);
  }
}

TEST(MyersTest, BudgetMakesResultApproximateButValid) {
  std::mt19937 rng(7);
  std::vector<std::uint32_t> a(3000), b(3000);
  for (auto& t : a) t = static_cast<std::uint32_t>(rng() % 50);
  for (auto& t : b) t = static_cast<std::uint32_t>(rng() % 50);
  DiffScript s = DiffTokens(a, b, 1000);
  EXPECT_TRUE(s.approximate);
  EXPECT_EQ(Apply(s, a, b), b);
  EXPECT_GE(EditLength(s), ReferenceEditLength(a, b));
}

TEST(MyersTest, DeletionsComeBeforeInsertions) {
  DiffScript s = DiffTokens(std::vector<std::uint32_t>{1, 2, 3},
                            std::vector<std::uint32_t>{1, 4, 3}, 1u << 20);
  ASSERT_EQ(s.runs.size(), 4u);
  EXPECT_EQ(s.runs[1].op, DiffOp::kDelete);
  EXPECT_EQ(s.runs[2].op, DiffOp::kInsert);
}

}  // namespace
}  // namespace rapporteur::compare
