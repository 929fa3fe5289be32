// Inline previews of documents: text, EDIFACT one segment per line, binary.
#include <gtest/gtest.h>

#include "formats/document_preview.h"

using namespace relais;

TEST(DocumentPreviewTest, EdifactWithoutLineBreaksComesOneSegmentPerLine) {
    auto p = previewDocument("UNB+UNOC:3+123:14+456:14+240501:1200+1'UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO1'UNT+3+1'UNZ+1+1'", false);
    EXPECT_EQ(p.kind, "edifact");
    ASSERT_EQ(p.lines.size(), 5u);
    EXPECT_EQ(p.lines[0], "UNB+UNOC:3+123:14+456:14+240501:1200+1'");
    EXPECT_EQ(p.lines[2], "BGM+220+PO1'");
    EXPECT_FALSE(p.truncated);
}

TEST(DocumentPreviewTest, UnaSetsTheSeparatorsAndReleaseKeepsATerminator) {
    auto p = previewDocument("UNA:+.? 'UNB+UNOC:3'FTX+AAA+++L?'apostrophe'\r\nUNZ+1'", true);
    EXPECT_EQ(p.kind, "edifact");
    ASSERT_EQ(p.lines.size(), 4u);
    EXPECT_EQ(p.lines[0], "UNA:+.? '");
    EXPECT_EQ(p.lines[2], "FTX+AAA+++L?'apostrophe'");
    EXPECT_EQ(p.lines[3], "UNZ+1'");
    EXPECT_TRUE(p.truncated);

    auto custom = previewDocument("UNA:+.?*!UNB+UNOC:3!UNH+1!", false);
    ASSERT_EQ(custom.lines.size(), 3u);
    EXPECT_EQ(custom.lines[1], "UNB+UNOC:3!");
}

TEST(DocumentPreviewTest, TextComesAsLines) {
    auto p = previewDocument("line one\r\nligne deux é\n", false);
    EXPECT_EQ(p.kind, "text");
    EXPECT_EQ(p.encoding, "UTF-8");
    EXPECT_EQ(p.lines, (std::vector<std::string>{"line one", "ligne deux é"}));
}

TEST(DocumentPreviewTest, Latin1IsConvertedToUtf8) {
    auto p = previewDocument("caf\xE9\n", false);
    EXPECT_EQ(p.kind, "text");
    EXPECT_EQ(p.encoding, "ISO-8859-1");
    EXPECT_EQ(p.lines.at(0), "café");
}

TEST(DocumentPreviewTest, ACharacterCutAtTheEndIsDropped) {
    auto p = previewDocument(std::string("abc\xC3"), true);
    EXPECT_EQ(p.encoding, "UTF-8");
    EXPECT_EQ(p.lines.at(0), "abc");
}

TEST(DocumentPreviewTest, NulBytesOrManyControlsMeanBinary) {
    EXPECT_EQ(previewDocument(std::string("PK\x03\x04\0\0", 6), false).kind, "binary");
    EXPECT_EQ(previewDocument("\x01\x02\x03\x04\x05\x06 abc", false).kind, "binary");
    EXPECT_TRUE(previewDocument(std::string("\0", 1), false).lines.empty());
}
