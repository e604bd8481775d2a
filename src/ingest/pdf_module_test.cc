#include "src/ingest/pdf_module.h"

#include <gtest/gtest.h>

#include <fstream>

namespace rapporteur::ingest {
namespace {

TEST(PdfModuleTest, LoadsFromTheDefaultPlaces) {
  Result<PdfModule> module = LoadPdfModule(PdfModuleCandidates());
  ASSERT_TRUE(module.has_value()) << module.error().message();
  Result<RawDocument> doc = module->read("not a pdf", "x.pdf", ReadOptions());
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().message(), "not a valid PDF");
}

// A missing, a broken and a foreign file are each named with why they
// failed; a good module after them still loads.
TEST(PdfModuleTest, ErrorsNameEveryPathTried) {
  const std::string broken = ::testing::TempDir() + "broken-module.so";
  std::ofstream(broken) << "not an ELF file";
  const std::string foreign = "/usr/lib/x86_64-linux-gnu/libz.so.1";  // zlib: no entry point
  Result<PdfModule> none = LoadPdfModule({"/nonexistent/librapporteur_pdf.so", broken, foreign});
  ASSERT_FALSE(none.has_value());
  const std::string& message = none.error().message();
  EXPECT_EQ(none.error().code(), ErrorCode::kInternal);
  EXPECT_NE(message.find("cannot load librapporteur_pdf.so ("), std::string::npos) << message;
  EXPECT_NE(message.find("'/nonexistent/librapporteur_pdf.so': No such file or directory"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(broken), std::string::npos) << message;
  EXPECT_NE(message.find("no rapporteur_pdf_reader"), std::string::npos) << message;
  EXPECT_FALSE(LoadPdfModule({}).has_value());

  std::vector<std::string> candidates = {broken};
  for (const std::string& path : PdfModuleCandidates()) candidates.push_back(path);
  EXPECT_TRUE(LoadPdfModule(candidates).has_value());
}

}  // namespace
}  // namespace rapporteur::ingest
