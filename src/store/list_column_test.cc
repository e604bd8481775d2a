#include "src/store/list_column.h"

#include <gtest/gtest.h>

#include <vector>

namespace rapporteur::store {
namespace {

std::vector<std::string> Values(std::string_view encoded) {
  std::vector<std::string> out;
  ForEachListValue(encoded, [&](std::string_view v) { out.emplace_back(v); });
  return out;
}

TEST(ListColumnTest, RoundTripsAndSplitsFast) {
  nlohmann::json list = {"Torture", "Women's rights", "死刑", "a\"quoted\"", "back\\slash", ""};
  std::string encoded = EncodeList(list);
  EXPECT_EQ(DecodeList(encoded), list);
  EXPECT_EQ(Values(encoded), (std::vector<std::string>{"Torture", "Women's rights", "死刑",
                                                       "a\"quoted\"", "back\\slash", ""}));
  EXPECT_EQ(Values(EncodeList({"FR", "DE"})), (std::vector<std::string>{"FR", "DE"}));
  EXPECT_EQ(Values("[]"), std::vector<std::string>{});
  EXPECT_EQ(DecodeList("not json"), nlohmann::json::array());
}

}  // namespace
}  // namespace rapporteur::store
