#include "src/ingest/zip_module.h"

#include <gtest/gtest.h>

namespace rapporteur::ingest {
namespace {

// The error paths of loading are src/base/module_loader_test.cc's.
TEST(ZipModuleTest, LoadsFromTheDefaultPlacesAndRoundTrips) {
  Result<ZipModule> module = LoadZipModule(ZipModuleCandidates());
  ASSERT_TRUE(module.has_value()) << module.error().message();
  Result<std::string> bytes = module->write({{"a.txt", "alpha", false}, {"b.txt", "beta", true}});
  ASSERT_TRUE(bytes.has_value()) << bytes.error().message();
  Result<std::unique_ptr<ZipReader>> reader = module->open(*bytes, 1 << 20);
  ASSERT_TRUE(reader.has_value()) << reader.error().message();
  EXPECT_TRUE((*reader)->Contains("B.TXT"));
  Result<std::vector<std::optional<std::string>>> entries = (*reader)->ReadAll({"a.txt", "c.txt"});
  ASSERT_TRUE(entries.has_value());
  EXPECT_EQ((*entries)[0], "alpha");
  EXPECT_EQ((*entries)[1], std::nullopt);
}

TEST(ZipModuleTest, TheProcessModuleIsLoadedOnce) {
  Result<const ZipModule*> first = TheZipModule();
  ASSERT_TRUE(first.has_value()) << first.error().message();
  EXPECT_EQ(*first, *TheZipModule());
}

TEST(ZipModuleTest, ErrorsNameTheModule) {
  Result<ZipModule> none = LoadZipModule({"/nonexistent/librapporteur_zip.so"});
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().message(),
            "cannot load librapporteur_zip.so ('/nonexistent/librapporteur_zip.so': No such file "
            "or directory)");
}

}  // namespace
}  // namespace rapporteur::ingest
