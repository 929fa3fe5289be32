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

TEST(AtomicFileTest, NewFilesAreNeverWrittenOverAnExistingOne) {
    const std::string dir = makeTempDir();
    writeFile(dir + "/kept", "first");
    writeFile(dir + "/src", "second");
    Status s = writeFileNew(dir + "/kept", "other bytes");
    EXPECT_EQ(s.code(), Code::AlreadyExists) << s.message();
    s = copyFileNew(dir + "/src", dir + "/kept");
    EXPECT_EQ(s.code(), Code::AlreadyExists) << s.message();
    EXPECT_EQ(readFile(dir + "/kept"), "first");
    std::string seen;
    ASSERT_TRUE(copyFileNew(dir + "/src", dir + "/copy", [&](const char* d, size_t n) { seen.append(d, n); }, 0640));
    EXPECT_EQ(readFile(dir + "/copy"), "second");
    EXPECT_EQ(seen, "second");
    EXPECT_EQ(std::filesystem::status(dir + "/copy").permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                  std::filesystem::perms::group_read);
    // A missing source leaves no empty destination behind.
    EXPECT_FALSE(copyFileNew(dir + "/absent", dir + "/never"));
    EXPECT_FALSE(std::filesystem::exists(dir + "/never"));
    std::filesystem::remove_all(dir);
}

TEST(AtomicFileTest, AtomicWritesReplaceAndLeaveNoTemporaryFile) {
    const std::string dir = makeTempDir();
    ASSERT_TRUE(writeFileAtomic(dir + "/f", "one"));
    ASSERT_TRUE(writeFileAtomic(dir + "/f", "two"));
    writeFile(dir + "/src", "three");
    ASSERT_TRUE(copyFileAtomic(dir + "/src", dir + "/f"));
    EXPECT_EQ(readFile(dir + "/f"), "three");
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    EXPECT_EQ(files, 2u) << "only f and src";
    std::filesystem::remove_all(dir);
}

TEST(ContentStoreTest, PutManyStoresEachInputInOrder) {
    // Below and above the count from which the batch shares one flush.
    for (size_t count : {size_t{3}, ContentStore::kOneFlushFrom + 4}) {
        const std::string dir = makeTempDir();
        std::vector<std::string> uploads;
        for (size_t i = 0; i < count; ++i) uploads.push_back("upload " + std::to_string(i % 5));
        writeFile(dir + "/a", "alpha");
        std::vector<ContentStore::Input> inputs;
        for (size_t i = 0; i < count; ++i)
            inputs.push_back(i % 2 ? ContentStore::Input{dir + "/a"} : ContentStore::Input{"", uploads[i], true});
        ContentStore store(dir + "/store");
        auto files = store.putMany(inputs);
        ASSERT_TRUE(files.isOk()) << files.status().message();
        ASSERT_EQ(files->size(), count);
        for (size_t i = 0; i < count; ++i)
            EXPECT_EQ(readFile(store.absolutePath((*files)[i].relPath)), i % 2 ? "alpha" : uploads[i]) << i;
        EXPECT_EQ((*files)[1].size, 5u);
        EXPECT_TRUE(std::filesystem::is_empty(dir + "/store/tmp")) << "no temporary file may be left behind";
        std::filesystem::remove_all(dir);
    }
    EXPECT_TRUE(ContentStore(makeTempDir()).putMany({}).isOk());
}

TEST(ContentStoreTest, PutManyFailingAtARenameLeavesNoTemporaryFile) {
    const std::string dir = makeTempDir();
    std::vector<std::string> bytes;
    for (size_t i = 0; i < ContentStore::kOneFlushFrom; ++i) bytes.push_back("bytes " + std::to_string(i));
    std::vector<ContentStore::Input> inputs;
    for (size_t i = 0; i < bytes.size(); ++i) inputs.push_back({"", bytes[i], true, "doc " + std::to_string(i)});
    ContentStore probe(dir + "/probe");
    auto sha = probe.putBytes(bytes[7]);
    ASSERT_TRUE(sha.isOk());
    // A plain file where the folder of the 8th input's address must go.
    std::filesystem::create_directories(dir + "/store");
    writeFile(dir + "/store/" + sha->sha256.substr(0, 2), "in the way");
    ContentStore store(dir + "/store");
    auto files = store.putMany(inputs);
    ASSERT_FALSE(files.isOk());
    EXPECT_NE(files.status().message().find("doc 7"), std::string::npos) << files.status().message();
    EXPECT_TRUE(std::filesystem::is_empty(dir + "/store/tmp"));
    std::filesystem::remove_all(dir);
}

TEST(ContentStoreTest, PutManyFailingHalfWayLeavesNoTemporaryFileAndNamesTheInput) {
    const std::string dir = makeTempDir();
    writeFile(dir + "/a", "alpha");
    ContentStore store(dir + "/store");
    auto files = store.putMany({{dir + "/a"}, {dir + "/missing", {}, false, "job [1]: input file missing"}});
    ASSERT_FALSE(files.isOk());
    EXPECT_NE(files.status().message().find("job [1]: input file missing"), std::string::npos)
        << files.status().message();
    EXPECT_TRUE(std::filesystem::is_empty(dir + "/store/tmp"));
    size_t stored = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir + "/store")) stored += e.is_regular_file();
    EXPECT_EQ(stored, 0u) << "nothing of the batch took its address";
    std::filesystem::remove_all(dir);
}
