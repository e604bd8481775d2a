#include "src/compare/cleanup.h"

#include <algorithm>

namespace rapporteur::compare {
namespace {

// Scripts may be at most a tenth longer than minimal (see cleanup.h).
constexpr std::uint64_t kLengtheningDivisor = 10;

// A maximal stretch that is either all-equal or all-changed.
struct Region {
  bool equal = false;
  std::uint32_t old_count = 0, new_count = 0;  // tokens consumed on each side
  std::uint64_t old_weight = 0, new_weight = 0;
};

std::uint64_t Sum(std::span<const std::uint32_t> w, std::size_t from, std::size_t count) {
  std::uint64_t total = 0;
  for (std::size_t i = from; i < from + count && i < w.size(); ++i) total += w[i];
  return total;
}

std::vector<Region> ToRegions(const std::vector<EditRun>& runs, std::span<const std::uint32_t> ow,
                              std::span<const std::uint32_t> nw) {
  std::vector<Region> regions;
  std::size_t oi = 0, ni = 0;
  for (const EditRun& r : runs) {
    const bool equal = r.op == DiffOp::kEqual;
    if (regions.empty() || regions.back().equal != equal || equal) regions.push_back({equal});
    Region& g = regions.back();
    if (r.op != DiffOp::kInsert) {
      g.old_count += r.count;
      g.old_weight += Sum(ow, oi, r.count);
      oi += r.count;
    }
    if (r.op != DiffOp::kDelete) {
      g.new_count += r.count;
      g.new_weight += Sum(nw, ni, r.count);
      ni += r.count;
    }
  }
  return regions;
}

void Absorb(Region* into, const Region& from) {
  into->old_count += from.old_count;
  into->new_count += from.new_count;
  into->old_weight += from.old_weight;
  into->new_weight += from.new_weight;
}

bool ShouldFold(const Region& before, const Region& eq, const Region& after) {
  const std::uint64_t w = eq.old_weight;
  return w <= std::max(before.old_weight, before.new_weight) &&
         w <= std::max(after.old_weight, after.new_weight);
}

// One left-to-right pass; true if anything was folded. Folding grows the
// change to the left, which the next equality then weighs itself against.
// A fold of k equal tokens costs 2k edits (each is deleted and inserted),
// paid from `budget`.
bool FoldPass(std::vector<Region>* regions, std::uint64_t* budget) {
  bool changed = false;
  std::vector<Region> out;
  for (std::size_t i = 0; i < regions->size(); ++i) {
    const Region& r = (*regions)[i];
    const bool between_changes = r.equal && !out.empty() && !out.back().equal &&
                                 i + 1 < regions->size() && !(*regions)[i + 1].equal;
    const std::uint64_t cost = 2 * std::uint64_t{r.old_count};
    if (between_changes && cost <= *budget && ShouldFold(out.back(), r, (*regions)[i + 1])) {
      *budget -= cost;
      Absorb(&out.back(), r);
      Absorb(&out.back(), (*regions)[i + 1]);
      ++i;
      changed = true;
      continue;
    }
    if (!out.empty() && !out.back().equal && !r.equal) {
      Absorb(&out.back(), r);
    } else {
      out.push_back(r);
    }
  }
  *regions = std::move(out);
  return changed;
}

}  // namespace

std::uint64_t EditCount(const std::vector<EditRun>& runs) {
  std::uint64_t edits = 0;
  for (const EditRun& r : runs) {
    if (r.op != DiffOp::kEqual) edits += r.count;
  }
  return edits;
}

std::uint64_t OwnCleanupBudget(std::uint64_t minimal_edits) {
  return minimal_edits / kLengtheningDivisor;
}

std::vector<EditRun> CleanupSemantic(const std::vector<EditRun>& runs,
                                     std::span<const std::uint32_t> old_weights,
                                     std::span<const std::uint32_t> new_weights,
                                     std::uint64_t max_extra_edits) {
  std::vector<Region> regions = ToRegions(runs, old_weights, new_weights);
  std::uint64_t budget = max_extra_edits;
  while (FoldPass(&regions, &budget)) {
  }
  std::vector<EditRun> out;
  for (const Region& g : regions) {
    if (g.equal) {
      out.push_back({DiffOp::kEqual, g.old_count});
      continue;
    }
    if (g.old_count > 0) out.push_back({DiffOp::kDelete, g.old_count});
    if (g.new_count > 0) out.push_back({DiffOp::kInsert, g.new_count});
  }
  return out;
}

std::vector<bool> ChooseFullCleanups(const std::vector<CleanupCost>& costs,
                                     std::uint64_t other_edits) {
  std::uint64_t minimal = other_edits, spent = 0;
  for (const CleanupCost& c : costs) {
    minimal += c.minimal;
    spent += c.bounded_extra;
  }
  std::uint64_t left =
      minimal / kLengtheningDivisor - std::min(spent, minimal / kLengtheningDivisor);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < costs.size(); ++i) {
    if (costs[i].full_extra > costs[i].bounded_extra) order.push_back(i);
  }
  // full_extra / minimal ascending, by cross-multiplication (no rounding).
  std::stable_sort(order.begin(), order.end(), [&costs](std::size_t x, std::size_t y) {
    return costs[x].full_extra * costs[y].minimal < costs[y].full_extra * costs[x].minimal;
  });
  std::vector<bool> full(costs.size(), false);
  for (std::size_t i : order) {
    const std::uint64_t upgrade = costs[i].full_extra - costs[i].bounded_extra;
    if (upgrade > left) continue;
    left -= upgrade;
    full[i] = true;
  }
  return full;
}

}  // namespace rapporteur::compare
