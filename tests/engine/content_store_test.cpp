// Content store: addressing by SHA-256, write-once, atomic copies.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/atomic_file.h"
#include "store/content_store.h"
#include "test_database.h"

using namespace relais;
using relais::testing::makeTempDir;
using relais::testing::readFile;
using relais::testing::writeFile;

TEST(ContentStoreTest, StoresBytesUnderTheirSha256) {
    const std::string dir = makeTempDir();
    writeFile(dir + "/in.txt", "abc");
    ContentStore store(dir + "/store");
    auto f = store.put(dir + "/in.txt");
    ASSERT_TRUE(f.isOk()) << f.status().message();
    EXPECT_EQ(f->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(f->size, 3u);
    EXPECT_EQ(f->relPath, "ba/78/" + f->sha256);
    EXPECT_EQ(readFile(store.absolutePath(f->relPath)), "abc");
    std::filesystem::remove_all(dir);
}

TEST(ContentStoreTest, SameBytesTwiceAreStoredOnce) {
    const std::string dir = makeTempDir();
    writeFile(dir + "/a", "same");
    writeFile(dir + "/b", "same");
    ContentStore store(dir + "/store");
    auto a = store.put(dir + "/a");
    auto b = store.put(dir + "/b");
    ASSERT_TRUE(a.isOk() && b.isOk());
    EXPECT_EQ(a->relPath, b->relPath);
    size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir + "/store"))
        files += e.is_regular_file();
    EXPECT_EQ(files, 1u) << "no temporary file may be left behind";
    std::filesystem::remove_all(dir);
}

TEST(ContentStoreTest, FoldersRemovedBehindItsBackAreMadeAgain) {
    const std::string dir = makeTempDir();
    writeFile(dir + "/a", "first");
    writeFile(dir + "/b", "second");
    ContentStore store(dir + "/store");
    auto a = store.put(dir + "/a");
    ASSERT_TRUE(a.isOk()) << a.status().message();
    // An operator cleaning up removes the whole store, tmp/ included.
    std::filesystem::remove_all(dir + "/store");
    auto b = store.put(dir + "/b");
    ASSERT_TRUE(b.isOk()) << b.status().message();
    EXPECT_EQ(readFile(store.absolutePath(b->relPath)), "second");
    auto c = store.putBytes("third");
    ASSERT_TRUE(c.isOk()) << c.status().message();
    EXPECT_EQ(readFile(store.absolutePath(c->relPath)), "third");
    std::filesystem::remove_all(dir);
}

TEST(ContentStoreTest, MissingInputNamesTheFile) {
    const std::string dir = makeTempDir();
    ContentStore store(dir + "/store");
    auto f = store.put(dir + "/nope.txt");
    ASSERT_FALSE(f.isOk());
    EXPECT_NE(f.status().message().find("nope.txt"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(AtomicFileTest, PlainFileNamesOnly) {
    EXPECT_TRUE(isPlainFileName("invoice 42.edi"));
    EXPECT_FALSE(isPlainFileName("../etc/passwd"));
    EXPECT_FALSE(isPlainFileName(".."));
    EXPECT_FALSE(isPlainFileName(""));
    EXPECT_FALSE(isPlainFileName("a/b"));
}
