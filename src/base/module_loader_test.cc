#include "src/base/module_loader.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "src/ingest/zip_module.h"

namespace rapporteur {
namespace {

// The zip module as a real file to load; its ABI token is never 1.
constexpr ModuleSpec kZip = {"librapporteur_zip.so", "rapporteur_zip_module",
                             "RAPPORTEUR_TEST_MODULE", 1};

TEST(ModuleLoaderTest, RefusesAModuleBuiltWithOtherTypes) {
  Result<const void*> table = LoadModule(kZip, ModuleCandidates(kZip));
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().code(), ErrorCode::kInternal);
  EXPECT_NE(table.error().message().find("was built with other types than this program"),
            std::string::npos)
      << table.error().message();
}

// A missing, a broken and a foreign file are each named with why they
// failed; a good module after them still loads.
TEST(ModuleLoaderTest, ErrorsNameEveryPathTried) {
  const std::string broken = ::testing::TempDir() + "broken-module.so";
  std::ofstream(broken) << "not an ELF file";
  const std::string foreign = "/usr/lib/x86_64-linux-gnu/libz.so.1";  // zlib: no entry point
  Result<const void*> none =
      LoadModule(kZip, {"/nonexistent/librapporteur_zip.so", broken, foreign});
  ASSERT_FALSE(none.has_value());
  const std::string& message = none.error().message();
  EXPECT_EQ(none.error().code(), ErrorCode::kInternal);
  EXPECT_NE(message.find("cannot load librapporteur_zip.so ("), std::string::npos) << message;
  EXPECT_NE(message.find("'/nonexistent/librapporteur_zip.so': No such file or directory"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(broken), std::string::npos) << message;
  EXPECT_NE(message.find("'" + foreign + "': no rapporteur_zip_module"), std::string::npos)
      << message;
  EXPECT_NE(LoadModule(kZip, {}).error().message().find("nowhere to look"), std::string::npos);

  ModuleSpec good = kZip;
  good.abi = ingest::kZipModuleAbi;
  std::vector<std::string> candidates = {broken, foreign};
  for (const std::string& path : ModuleCandidates(good)) candidates.push_back(path);
  EXPECT_TRUE(LoadModule(good, candidates).has_value());
}

TEST(ModuleLoaderTest, TheEnvironmentVariableIsTriedFirst) {
  ASSERT_EQ(setenv(kZip.env_var, "/opt/elsewhere/librapporteur_zip.so", 1), 0);
  const std::vector<std::string> paths = ModuleCandidates(kZip);
  ASSERT_EQ(unsetenv(kZip.env_var), 0);
  ASSERT_GE(paths.size(), 2u);
  EXPECT_EQ(paths[0], "/opt/elsewhere/librapporteur_zip.so");
  EXPECT_EQ(paths[1].substr(paths[1].rfind('/')), "/librapporteur_zip.so");
  EXPECT_EQ(ModuleCandidates(kZip).size(), paths.size() - 1);
}

}  // namespace
}  // namespace rapporteur
