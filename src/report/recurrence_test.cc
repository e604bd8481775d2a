#include "rapporteur/recurrence.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace rapporteur {
namespace {

const char* const kAsks[] = {
    "ratify the International Covenant on Civil and Political Rights",
    "issue a standing invitation to the special procedures",
    "abolish the death penalty for all crimes",
    "establish a national human rights institution in line with the Paris Principles",
    "combat trafficking in persons and protect its victims",
    "criminalize domestic violence and marital rape",
    "guarantee the independence of the judiciary",
    "protect journalists and human rights defenders from harassment",
    "improve conditions of detention and reduce prison overcrowding",
    "prohibit corporal punishment of children in all settings",
    "withdraw its reservations to CEDAW",
    "ensure birth registration of all children",
    "decriminalize defamation and libel",
    "eliminate female genital mutilation",
    "guarantee access to safe drinking water in rural areas"};
const char* const kOpenings[] = {"", "Consider ", "Continue its efforts to ",
                                 "Take further measures to ", "Step up efforts to "};
const char* const kTails[] = {"",
                              " as soon as possible",
                              " in consultation with civil society",
                              " and allocate adequate resources",
                              " with the support of the international community",
                              " in line with its international obligations"};
const char* const kNoise[] = {"urgently",   "nationwide", "budget",     "monitoring",
                              "evaluation", "awareness",  "training",   "police",
                              "officials",  "women",      "minorities", "legislation"};

// Recommendations to `states` states over three cycles: each an ask of the
// list, dressed in openings, tails and a few noise words.
std::vector<RecurrenceItem> SyntheticItems(int states, int per_state, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](auto& array) { return array[rng() % std::size(array)]; };
  std::vector<RecurrenceItem> items;
  for (int s = 0; s < states; ++s) {
    for (int k = 0; k < per_state; ++k) {
      RecurrenceItem it;
      it.id = static_cast<std::int64_t>(items.size());
      it.state = std::string{static_cast<char>('A' + s / 26), static_cast<char>('A' + s % 26)};
      it.cycle = 1 + static_cast<int>(rng() % 3);
      it.text = std::string(pick(kOpenings)) + pick(kAsks) + pick(kTails);
      for (unsigned n = rng() % 3; n > 0; --n) it.text += std::string(" ") + pick(kNoise);
      it.recommending_states = {"FR"};
      items.push_back(std::move(it));
    }
  }
  return items;
}

RecurrenceFinder MakeFinder(RecurrenceOptions options = {}) {
  Result<RecurrenceFinder> f = RecurrenceFinder::Create(options);
  EXPECT_TRUE(f.has_value()) << f.error().message();
  return std::move(f).value();
}

// Every pair of items that share a cluster, as (a << 32 | b), a < b.
std::set<std::uint64_t> SamePairs(const std::vector<RecurrenceCluster>& clusters) {
  std::set<std::uint64_t> out;
  for (const RecurrenceCluster& c : clusters) {
    for (std::size_t x : c.members) {
      for (std::size_t y : c.members) {
        if (x < y) out.insert(static_cast<std::uint64_t>(x) << 32 | y);
      }
    }
  }
  return out;
}

TEST(Recurrence, FastPathAgreesWithTheAllPairsReference) {
  const std::vector<RecurrenceItem> items = SyntheticItems(6, 300, 7);
  RecurrenceOptions options;
  options.min_cycles = 1;
  const RecurrenceFinder finder = MakeFinder(options);
  RecurrenceStats fast_stats, reference_stats;
  auto fast = finder.Find(items, &fast_stats);
  auto reference = finder.FindReference(items, &reference_stats);
  ASSERT_TRUE(fast.has_value() && reference.has_value());
  const std::set<std::uint64_t> f = SamePairs(*fast), r = SamePairs(*reference);
  std::size_t common = 0;
  for (std::uint64_t p : f) common += r.count(p);
  ASSERT_FALSE(r.empty());
  // LSH may miss a similar pair the reference verifies; the clustering
  // usually links the two through others. Agreement on same-cluster pairs:
  EXPECT_GE(static_cast<double>(common) / r.size(), 0.97);
  EXPECT_GE(static_cast<double>(common) / f.size(), 0.97);
  EXPECT_LT(fast_stats.candidate_pairs, reference_stats.candidate_pairs / 2);
}

TEST(Recurrence, RewordedRatificationAndAliasesRecur) {
  std::vector<RecurrenceItem> items(5);
  items[0] = {1, "CN", 1, "Ratify the ICCPR", {"FR"}, "supported"};
  items[1] = {
      2,
      "CN",
      2,
      "Expedite the ratification of the International Covenant on Civil and Political Rights",
      {"DE"},
      "noted"};
  items[2] = {3,      "CN",
              2,      "Set out a clear legislative timetable for ratification of the ICCPR",
              {"SE"}, "noted"};
  items[3] = {4, "CN", 2, "Ratify the Convention against Torture and the ICCPR", {"NO"}, "noted"};
  items[4] = {5, "VN", 2, "Ratify the ICCPR", {"FR"}, "noted"};  // another state
  const auto clusters = MakeFinder().Find(items);
  ASSERT_TRUE(clusters.has_value());
  ASSERT_EQ(clusters->size(), 1u);
  const RecurrenceCluster& c = (*clusters)[0];
  EXPECT_EQ(c.kind, RecurrenceKind::kRatification);
  EXPECT_EQ(c.state, "CN");
  EXPECT_EQ(c.instruments, std::vector<std::string>{"ICCPR"});
  EXPECT_EQ(c.cycles, (std::vector<int>{1, 2}));
  EXPECT_EQ(c.members, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(c.central, 0u);
}

TEST(Recurrence, TextClustersNeedTwoCyclesByDefault) {
  std::vector<RecurrenceItem> items(3);
  items[0] = {1, "CN", 1, "Issue a standing invitation to all special procedures", {}, ""};
  items[1] = {2, "CN", 1, "Extend a standing invitation to all special procedures", {}, ""};
  items[2] = {3, "CN", 1, "Abolish the death penalty", {}, ""};
  EXPECT_TRUE(MakeFinder().Find(items)->empty());
  items[1].cycle = 2;
  const auto clusters = MakeFinder().Find(items);
  ASSERT_EQ(clusters->size(), 1u);
  EXPECT_EQ((*clusters)[0].kind, RecurrenceKind::kText);
  EXPECT_EQ((*clusters)[0].members, (std::vector<std::size_t>{0, 1}));
}

TEST(Recurrence, DifferentInstrumentsDoNotMerge) {
  std::vector<RecurrenceItem> items(2);
  items[0] = {1, "CN", 1, "Withdraw its reservations to CEDAW", {}, ""};
  items[1] = {2,  "CN", 2, "Withdraw its reservations to the Convention on the Rights of the Child",
              {}, ""};
  EXPECT_TRUE(MakeFinder().Find(items)->empty());
}

TEST(Recurrence, SameResultOnOneThreadAndTwo) {
  const std::vector<RecurrenceItem> items = SyntheticItems(5, 120, 11);
  RecurrenceOptions one, two;
  one.threads = 1;
  two.threads = 2;
  EXPECT_EQ(SamePairs(*MakeFinder(one).Find(items)), SamePairs(*MakeFinder(two).Find(items)));
}

TEST(Recurrence, OddInputIsNoError) {
  std::vector<RecurrenceItem> items(3);
  items[0] = {1, "", 0, "", {}, ""};
  items[1] = {2, "", 0, "\xFF\xFE", {}, ""};
  items[2] = {3, "", 0, std::string(100000, 'a'), {}, ""};
  EXPECT_TRUE(MakeFinder().Find(items).has_value());
  EXPECT_TRUE(MakeFinder().Find({}).value().empty());
}

TEST(Recurrence, InconsistentOptionsAreRefused) {
  RecurrenceOptions o;
  o.bands = 5;  // does not divide 64
  Result<RecurrenceFinder> f = RecurrenceFinder::Create(o);
  ASSERT_FALSE(f.has_value());
  EXPECT_EQ(f.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(f.error().message().find("'bands'"), std::string::npos);
  RecurrenceOptions missing;
  missing.data_dir = "/nonexistent";
  EXPECT_FALSE(RecurrenceFinder::Create(missing).has_value());
}

}  // namespace
}  // namespace rapporteur
