// truncateUtf8: cuts within the limit and never inside a character.
#include <gtest/gtest.h>

#include "base/text.h"

using relais::truncateUtf8;

TEST(TruncateUtf8Test, ShortTextIsKept) {
    EXPECT_EQ(truncateUtf8("déjà vu", 100), "déjà vu");
    EXPECT_EQ(truncateUtf8("", 0), "");
}

TEST(TruncateUtf8Test, LongTextIsCutOnACharacterBoundaryWithinTheLimit) {
    // "é" is two bytes: a cut at 11 bytes would split the sixth one.
    const std::string text = std::string(4, 'a') + "ééééééé";  // 4 + 14 bytes
    const std::string cut = truncateUtf8(text, 13);            // 13 - 6 = 7 bytes of text at most
    EXPECT_LE(cut.size(), 13u);
    EXPECT_EQ(cut, "aaaaé [...]");
    const std::string big(70000, 'x');
    EXPECT_EQ(truncateUtf8(big, 65535).size(), 65535u);
}
