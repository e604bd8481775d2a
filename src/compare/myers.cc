#include "src/compare/myers.h"

#include <algorithm>

namespace rapporteur::compare {
namespace {

using Seq = std::span<const std::uint32_t>;

// Appends a run, merging with the previous one and keeping deletions before
// insertions inside a change, so that scripts compare equal however the
// recursion split them.
void Emit(std::vector<EditRun>* runs, DiffOp op, std::size_t count) {
  if (count == 0) return;
  const auto n = static_cast<std::uint32_t>(count);
  if (!runs->empty() && runs->back().op == op) {
    runs->back().count += n;
    return;
  }
  if (op == DiffOp::kDelete && !runs->empty() && runs->back().op == DiffOp::kInsert) {
    // ... insert, delete  ->  ... delete, insert
    EditRun ins = runs->back();
    runs->pop_back();
    Emit(runs, DiffOp::kDelete, count);
    runs->push_back(ins);
    return;
  }
  runs->push_back({op, n});
}

struct Split {
  std::size_t x, y;
  bool found;
};

class Differ {
 public:
  Differ(std::size_t max_cost, std::vector<EditRun>* runs) : budget_(max_cost), runs_(runs) {}

  bool approximate() const { return approximate_; }

  void Diff(Seq a, Seq b) {
    // Common prefix and suffix cost nothing and shrink the search.
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre &&
           a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
      ++suf;
    }
    Emit(runs_, DiffOp::kEqual, pre);
    Seq ma = a.subspan(pre, a.size() - pre - suf);
    Seq mb = b.subspan(pre, b.size() - pre - suf);
    DiffMiddle(ma, mb);
    Emit(runs_, DiffOp::kEqual, suf);
  }

 private:
  void DiffMiddle(Seq a, Seq b) {
    if (a.empty() || b.empty()) {
      Emit(runs_, DiffOp::kDelete, a.size());
      Emit(runs_, DiffOp::kInsert, b.size());
      return;
    }
    Split s = MiddleSnake(a, b);
    if (!s.found || (s.x == 0 && s.y == 0) || (s.x == a.size() && s.y == b.size())) {
      // No progress possible: replace the whole range.
      Emit(runs_, DiffOp::kDelete, a.size());
      Emit(runs_, DiffOp::kInsert, b.size());
      return;
    }
    Diff(a.first(s.x), b.first(s.y));
    Diff(a.subspan(s.x), b.subspan(s.y));
  }

  // Myers' bidirectional search for the middle snake, in the formulation
  // of diff-match-patch's diff_bisect (k_start/k_end trim diagonals that
  // ran off the grid). A hot loop, kept whole so it can be checked against
  // the paper line by line.
  Split MiddleSnake(Seq a, Seq b) {
    const auto n = static_cast<std::ptrdiff_t>(a.size());
    const auto m = static_cast<std::ptrdiff_t>(b.size());
    const std::ptrdiff_t max_d = (n + m + 1) / 2;
    const std::ptrdiff_t offset = max_d;
    const std::ptrdiff_t length = 2 * max_d + 2;
    fwd_.assign(static_cast<std::size_t>(length), -1);
    bwd_.assign(static_cast<std::size_t>(length), -1);
    fwd_[offset + 1] = 0;
    bwd_[offset + 1] = 0;
    const std::ptrdiff_t delta = n - m;
    const bool front = (delta & 1) != 0;  // odd delta: paths meet in the forward pass
    std::ptrdiff_t f_start = 0, f_end = 0, b_start = 0, b_end = 0;
    std::ptrdiff_t best_x = 0, best_y = 0;
    // Once the global budget is spent, each search still gets a small local
    // allowance (as xdiff does with its per-call cost limit) so that the
    // remaining ranges are split near good matches instead of being
    // replaced wholesale.
    const std::size_t local_allowance = 1024 + 4 * static_cast<std::size_t>(n + m);
    std::size_t local_spent = 0;
    for (std::ptrdiff_t d = 0; d < max_d; ++d) {
      local_spent += static_cast<std::size_t>(2 * d + 1);
      if (Spend(static_cast<std::size_t>(2 * d + 1)) && local_spent > local_allowance) {
        approximate_ = true;
        return {static_cast<std::size_t>(best_x), static_cast<std::size_t>(best_y), true};
      }
      // Forward: the furthest-reaching D-path on each diagonal k = x - y.
      for (std::ptrdiff_t k = -d + f_start; k <= d - f_end; k += 2) {
        const std::ptrdiff_t ko = offset + k;
        std::ptrdiff_t x =
            (k == -d || (k != d && fwd_[ko - 1] < fwd_[ko + 1])) ? fwd_[ko + 1] : fwd_[ko - 1] + 1;
        std::ptrdiff_t y = x - k;
        while (x < n && y < m && a[x] == b[y]) ++x, ++y;
        fwd_[ko] = x;
        if (x + y > best_x + best_y && x <= n && y <= m) best_x = x, best_y = y;
        if (x > n) {
          f_end += 2;  // ran off the right edge
        } else if (y > m) {
          f_start += 2;  // ran off the bottom edge
        } else if (front) {
          const std::ptrdiff_t kbo = offset + delta - k;  // same diagonal, seen from the end
          if (kbo >= 0 && kbo < length && bwd_[kbo] != -1 && x >= n - bwd_[kbo]) {
            return {static_cast<std::size_t>(x), static_cast<std::size_t>(y), true};
          }
        }
      }
      // Backward: the same from the ends of both sequences.
      for (std::ptrdiff_t k = -d + b_start; k <= d - b_end; k += 2) {
        const std::ptrdiff_t ko = offset + k;
        std::ptrdiff_t x =
            (k == -d || (k != d && bwd_[ko - 1] < bwd_[ko + 1])) ? bwd_[ko + 1] : bwd_[ko - 1] + 1;
        std::ptrdiff_t y = x - k;
        while (x < n && y < m && a[n - 1 - x] == b[m - 1 - y]) ++x, ++y;
        bwd_[ko] = x;
        if (x > n) {
          b_end += 2;
        } else if (y > m) {
          b_start += 2;
        } else if (!front) {
          const std::ptrdiff_t kfo = offset + delta - k;
          if (kfo >= 0 && kfo < length && fwd_[kfo] != -1) {
            const std::ptrdiff_t fx = fwd_[kfo];
            const std::ptrdiff_t fy = offset + fx - kfo;
            if (fx >= n - x) {
              return {static_cast<std::size_t>(fx), static_cast<std::size_t>(fy), true};
            }
          }
        }
      }
    }
    return {0, 0, false};
  }

  // Charges `cost` to the budget; true once it is exhausted.
  bool Spend(std::size_t cost) {
    if (cost > budget_) {
      budget_ = 0;
      return true;
    }
    budget_ -= cost;
    return false;
  }

  std::size_t budget_;
  std::vector<EditRun>* runs_;
  bool approximate_ = false;
  std::vector<std::ptrdiff_t> fwd_, bwd_;
};

}  // namespace

DiffScript DiffTokens(Seq a, Seq b, std::size_t max_cost) {
  DiffScript script;
  Differ differ(max_cost, &script.runs);
  differ.Diff(a, b);
  script.approximate = differ.approximate();
  return script;
}

std::size_t EditLength(const DiffScript& script) {
  std::size_t n = 0;
  for (const EditRun& r : script.runs) {
    if (r.op != DiffOp::kEqual) n += r.count;
  }
  return n;
}

}  // namespace rapporteur::compare
