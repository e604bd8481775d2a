#include "src/ingest/pdf_module.h"

#include <gtest/gtest.h>

namespace rapporteur::ingest {
namespace {

// The error paths of loading are src/base/module_loader_test.cc's.
TEST(PdfModuleTest, LoadsFromTheDefaultPlaces) {
  Result<PdfModule> module = LoadPdfModule(PdfModuleCandidates());
  ASSERT_TRUE(module.has_value()) << module.error().message();
  Result<RawDocument> doc = module->read("not a pdf", "x.pdf", ReadOptions());
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().message(), "not a valid PDF");
}

TEST(PdfModuleTest, ErrorsNameTheModule) {
  Result<PdfModule> none = LoadPdfModule({"/nonexistent/librapporteur_pdf.so"});
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().message(),
            "cannot load librapporteur_pdf.so ('/nonexistent/librapporteur_pdf.so': No such file "
            "or directory)");
}

}  // namespace
}  // namespace rapporteur::ingest
