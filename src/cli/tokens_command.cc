// rapporteur tokens FILE: the word tokens of a document's clause texts, one
// a line, in reading order: exactly what `compare` diffs (labels are
// compared apart), for checking against other tools (the benchmark runs
// `diff --minimal` on them).
#include <iostream>
#include <memory>

#include "rapporteur/ingest.h"
#include "src/cli/commands.h"
#include "src/text/words.h"

namespace rapporteur::cli {

Command AddTokensCommand(CLI::App* app) {
  auto file = std::make_shared<std::string>();
  auto encoding = std::make_shared<std::string>();
  app->add_option("file", *file, "Document to tokenize")->required();
  app->add_option("--encoding", *encoding, "Encoding of a plain-text input");
  return [file, encoding] {
    ReadOptions options;
    options.encoding = *encoding;
    Result<Document> doc = ReadDocument(*file, options);
    if (!doc) return Fail(doc.error());
    std::string out;
    for (const Block& b : doc->blocks) {
      for (const text::Token& t : text::Tokenize(b.text)) {
        out.append(text::TokenText(b.text, t));
        out += '\n';
      }
    }
    Status written = WriteOutput("", out);
    return written.ok() ? 0 : Fail(written);
  };
}

}  // namespace rapporteur::cli
