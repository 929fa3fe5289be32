// ExportFolder: export runs into run folders (against the emulated Sage 100
// database through ODBC), the listing of the latest runs, and the confined
// opening of one exported file by run and file name (on a temporary folder).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "sage/export_folder.h"
#include "sage_test_database.h"
#include "test_database.h"

using namespace relais;
using namespace relais::sage;
using relais::testing::SageTestDatabase;
namespace fs = std::filesystem;

namespace {

const char* kRun1 = "20240301-080000-0000000a";
const char* kRun2 = "20240302-080000-0000000b";
const char* kRun3 = "20240303-080000-0000000c";

std::vector<std::string> namesIn(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string readAll(int fd) {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
}

// A temporary export folder (`folder_`) with a sibling outside it (`outside_`).
class ExportFolderTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = relais::testing::makeTempDir();
        folder_ = root_ + "/exports";
        outside_ = root_ + "/outside";
        fs::create_directories(folder_);
        fs::create_directories(outside_);
    }
    void TearDown() override {
        if (!root_.empty()) fs::remove_all(root_);
    }
    void addFile(const std::string& run, const std::string& name, const std::string& content = "PIVOT;1;UTF-8\n") {
        fs::create_directories(folder_ + "/" + run);
        relais::testing::writeFile(folder_ + "/" + run + "/" + name, content);
    }
    // The refusal of openFile(run, file): its code and message.
    Status refusal(const std::string& run, const std::string& file) {
        auto opened = ExportFolder(folder_, "test.ini [sage] export_dir").openFile(run, file);
        EXPECT_FALSE(opened.isOk()) << run << " / " << file << " was opened";
        return opened ? Status::ok() : opened.status();
    }

    std::string root_, folder_, outside_;
};

// The same with the emulated Sage database, for runs of the real exporter.
class ExportFolderRunTest : public ExportFolderTest {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_SAGE_DATABASE(sage_);
        ExportFolderTest::SetUp();
        settings_.source = sage_->source();
        settings_.ownGln = "3012345000000";
        settings_.ownName = "LAITERIE DES ALPES";
    }
    Result<ExportRun> run(const ExportCriteria& criteria, const std::string& folder = "") {
        auto conn = SageConnector::open(settings_);
        if (!conn) return conn.status();
        return ExportFolder(folder.empty() ? folder_ : folder).exportRun(**conn, criteria);
    }

    std::unique_ptr<SageTestDatabase> sage_;
    SageSettings settings_;
};

}  // namespace

TEST(ExportNames, RunsAndFilesFollowTheirRules) {
    EXPECT_TRUE(isExportRunName("20240301-080000-0123abcd"));
    for (const char* bad : {"", "20240301-080000-0123ABCD", "20240301-080000-0123abc", "20240301080000-0123abcde",
                            "2024030a-080000-0123abcd", "20240301-080000-0123abcd/", "../20240301-080000-0123abcd",
                            "..", "."})
        EXPECT_FALSE(isExportRunName(bad)) << bad;
    EXPECT_TRUE(isExportFileName("INVOIC_FA00001.pivot"));
    EXPECT_TRUE(isExportFileName("PIVOT_20240301-080000-0123abcd.pivot"));
    EXPECT_TRUE(isExportFileName(std::string(120, 'a') + ".pivot"));
    for (const std::string& bad : {std::string(""), std::string(".pivot"), std::string("a.txt"), std::string("a.pivot.txt"),
                                  std::string("../a.pivot"), std::string("a/b.pivot"), std::string("a b.pivot"),
                                  std::string("a.b.pivot"), std::string(121, 'a') + ".pivot", std::string("a\0b.pivot", 9)})
        EXPECT_FALSE(isExportFileName(bad)) << bad;
}

TEST(ExportFolderConfig, ComesFromTheSageSectionsExportDir) {
    auto none = ExportFolder::fromConfig({}, "r.ini");
    ASSERT_FALSE(none.isOk());
    EXPECT_EQ(none.status().code(), Code::NotFound);
    EXPECT_EQ(none.status().message(), "r.ini has no [sage] section: the Sage 100 connector is not configured (docs/sage100.md)");
    auto unset = ExportFolder::fromConfig({{"sage", {{"dsn", "x"}}}}, "r.ini");
    ASSERT_FALSE(unset.isOk());
    EXPECT_EQ(unset.status().code(), Code::Config);
    EXPECT_EQ(unset.status().message(),
              "r.ini [sage] export_dir is not set: exports need a folder the web server may write (docs/sage100.md)");
    auto relative = ExportFolder::fromConfig({{"sage", {{"export_dir", "exports"}}}}, "r.ini");
    ASSERT_FALSE(relative.isOk());
    EXPECT_EQ(relative.status().message(), "r.ini [sage] export_dir 'exports' is not an absolute path");
    auto set = ExportFolder::fromConfig({{"sage", {{"export_dir", "/srv/relais/sage-export/"}}}}, "r.ini");
    ASSERT_TRUE(set.isOk()) << set.status().message();
    EXPECT_EQ(set->path(), "/srv/relais/sage-export");
}

TEST_F(ExportFolderTest, ListsTheNewestRunsHoldingFilesWithinTheLimit) {
    addFile(kRun1, "INVOIC_FA00001.pivot");
    addFile(kRun2, "INVOIC_FA00003.pivot");
    addFile(kRun2, "INVOIC_FA00002.pivot");
    addFile(kRun2, "notes.txt");                                 // not a pivot file name
    fs::create_directories(folder_ + "/" + kRun2 + "/DIR.pivot");  // not a regular file
    fs::create_symlink(outside_ + "/x.pivot", folder_ + "/" + kRun2 + "/LINK.pivot");
    fs::create_directories(folder_ + "/" + std::string(kRun3));  // no file: left out, not counted
    addFile("20240304-080000-NOTAHEX1", "INVOIC_X.pivot");        // not a run name
    relais::testing::writeFile(folder_ + "/20240305-080000-0000000e", "a file, not a run");
    relais::testing::writeFile(outside_ + "/INVOIC_OUT.pivot", "secret");
    fs::create_directory_symlink(outside_, folder_ + "/20240306-080000-0000000f");  // a linked run

    ExportFolder folder(folder_);
    auto all = folder.latestRuns(10);
    ASSERT_TRUE(all.isOk()) << all.status().message();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].run, kRun2);
    EXPECT_EQ((*all)[0].files, (std::vector<std::string>{"INVOIC_FA00002.pivot", "INVOIC_FA00003.pivot"}));
    EXPECT_EQ((*all)[1].run, kRun1);
    EXPECT_EQ((*all)[1].files, (std::vector<std::string>{"INVOIC_FA00001.pivot"}));

    auto one = folder.latestRuns(1);
    ASSERT_TRUE(one.isOk()) << one.status().message();
    ASSERT_EQ(one->size(), 1u);
    EXPECT_EQ((*one)[0].run, kRun2);

    for (int bad : {0, -1, 1001}) {
        auto refused = folder.latestRuns(bad);
        ASSERT_FALSE(refused.isOk());
        EXPECT_EQ(refused.status().code(), Code::InvalidArgument);
        EXPECT_EQ(refused.status().message(), "limit " + std::to_string(bad) + " is not between 1 and 1000");
    }
}

TEST_F(ExportFolderTest, OpensAnExportedFileByRunAndName) {
    addFile(kRun1, "INVOIC_FA00001.pivot", "PIVOT;1;UTF-8\nDOC;INVOIC;FA00001\n");
    auto opened = ExportFolder(folder_ + "/").openFile(kRun1, "INVOIC_FA00001.pivot");
    ASSERT_TRUE(opened.isOk()) << opened.status().message();
    EXPECT_EQ(opened->size(), 33);
    EXPECT_EQ(readAll(opened->fd()), "PIVOT;1;UTF-8\nDOC;INVOIC;FA00001\n");
}

TEST_F(ExportFolderTest, RefusesNamesThatAreNotARunAndAFileName) {
    addFile(kRun1, "INVOIC_FA00001.pivot");
    relais::testing::writeFile(root_ + "/relais.ini", "[database]\n");
    const std::string notRun = "' is not a run name (YYYYMMDD-HHMMSS- and 8 hex digits)";
    const std::string notFile = "' is not an exported file name (1 to 120 letters, digits, '_' or '-', then .pivot)";
    struct Case {
        std::string run, file, message;
    };
    for (const Case& c : std::vector<Case>{
             {"..", "relais.ini", "export run '.." + notRun},
             {"../exports/" + std::string(kRun1), "INVOIC_FA00001.pivot", "export run '../exports/" + std::string(kRun1) + notRun},
             {"20240101-000000-deadbeef/..", "x.pivot", "export run '20240101-000000-deadbeef/.." + notRun},
             {"", "INVOIC_FA00001.pivot", "export run '" + notRun},
             {kRun1, "../../relais.ini", "export file '../../relais.ini" + notFile},
             {kRun1, "..", "export file '.." + notFile},
             {kRun1, "x/INVOIC_FA00001.pivot", "export file 'x/INVOIC_FA00001.pivot" + notFile},
             {kRun1, "/etc/passwd", "export file '/etc/passwd" + notFile},
             {kRun1, "", "export file '" + notFile},
             {kRun1, "INVOIC_FA00001.pivot/", "export file 'INVOIC_FA00001.pivot/" + notFile},
             {kRun1, std::string("INVOIC_FA00001.pivot\0", 21), "export file 'INVOIC_FA00001.pivot\\x00" + notFile},
             {kRun1, "\xC3\xA9t\xC3\xA9.pivot", "export file '\\xC3\\xA9t\\xC3\\xA9.pivot" + notFile},
         }) {
        const Status s = refusal(c.run, c.file);
        EXPECT_EQ(s.code(), Code::InvalidArgument) << c.run << " / " << c.file;
        EXPECT_EQ(s.message(), c.message);
    }
}

TEST_F(ExportFolderTest, RefusesSymbolicLinksWhereverTheyLead) {
    relais::testing::writeFile(outside_ + "/SECRET.pivot", "secret");
    fs::create_directories(folder_ + "/" + kRun1);
    fs::create_symlink(outside_ + "/SECRET.pivot", folder_ + "/" + kRun1 + "/SECRET.pivot");
    fs::create_symlink("../../outside/SECRET.pivot", folder_ + "/" + kRun1 + "/RELATIVE.pivot");
    addFile(kRun1, "INVOIC_FA00001.pivot");
    fs::create_symlink("INVOIC_FA00001.pivot", folder_ + "/" + kRun1 + "/INSIDE.pivot");
    fs::create_directory_symlink(outside_, folder_ + "/" + kRun2);
    const std::string of = " of export folder " + folder_ + " (test.ini [sage] export_dir)";
    for (const char* link : {"SECRET.pivot", "RELATIVE.pivot", "INSIDE.pivot"}) {
        const Status s = refusal(kRun1, link);
        EXPECT_EQ(s.code(), Code::InvalidArgument) << link;
        EXPECT_EQ(s.message(), "export file " + std::string(kRun1) + "/" + link + of + " is a symbolic link: refused");
    }
    const Status run = refusal(kRun2, "SECRET.pivot");
    EXPECT_EQ(run.code(), Code::InvalidArgument);
    EXPECT_EQ(run.message(), "export run " + std::string(kRun2) + of + " is a symbolic link: refused");
}

TEST_F(ExportFolderTest, RefusesWhatIsNotARegularFileOrARunFolder) {
    fs::create_directories(folder_ + "/" + kRun1 + "/DIR.pivot");
    ASSERT_EQ(::mkfifo((folder_ + "/" + kRun1 + "/FIFO.pivot").c_str(), 0600), 0);
    relais::testing::writeFile(folder_ + "/" + kRun2, "a file where a run folder should be");
    const std::string of = " of export folder " + folder_ + " (test.ini [sage] export_dir)";
    for (const char* file : {"DIR.pivot", "FIFO.pivot"}) {
        const Status s = refusal(kRun1, file);
        EXPECT_EQ(s.code(), Code::InvalidArgument) << file;
        EXPECT_EQ(s.message(), "export file " + std::string(kRun1) + "/" + file + of + " is not a regular file: refused");
    }
    const Status run = refusal(kRun2, "INVOIC_FA00001.pivot");
    EXPECT_EQ(run.code(), Code::InvalidArgument);
    EXPECT_EQ(run.message(), "export run " + std::string(kRun2) + of + " is not a folder: refused");
}

TEST_F(ExportFolderTest, MissingRunsAndFilesAreNotFound) {
    addFile(kRun1, "INVOIC_FA00001.pivot");
    const std::string of = " of export folder " + folder_ + " (test.ini [sage] export_dir)";
    const Status run = refusal(kRun2, "INVOIC_FA00001.pivot");
    EXPECT_EQ(run.code(), Code::NotFound);
    EXPECT_EQ(run.message(), "export run " + std::string(kRun2) + of + " does not exist");
    const Status file = refusal(kRun1, "INVOIC_FA00002.pivot");
    EXPECT_EQ(file.code(), Code::NotFound);
    EXPECT_EQ(file.message(), "export file " + std::string(kRun1) + "/INVOIC_FA00002.pivot" + of + " does not exist");
}

TEST_F(ExportFolderTest, AMissingExportFolderIsAConfigurationError) {
    const ExportFolder missing(root_ + "/nowhere", "test.ini [sage] export_dir");
    const std::string message = "export folder " + root_ + "/nowhere (test.ini [sage] export_dir) cannot be opened: No such file or directory";
    auto list = missing.latestRuns(10);
    ASSERT_FALSE(list.isOk());
    EXPECT_EQ(list.status().code(), Code::Config);
    EXPECT_EQ(list.status().message(), message);
    auto open = missing.openFile(kRun1, "INVOIC_FA00001.pivot");
    ASSERT_FALSE(open.isOk());
    EXPECT_EQ(open.status().code(), Code::Config);
    EXPECT_EQ(open.status().message(), message);
}

TEST_F(ExportFolderRunTest, ARunExportsIntoAFolderOfItsOwnNamingFilesRelativeToIt) {
    ExportCriteria criteria;
    auto r = run(criteria);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_TRUE(std::regex_match(r->run, std::regex(R"(\d{8}-\d{6}-[0-9a-f]{8})"))) << r->run;
    EXPECT_EQ(namesIn(folder_), std::vector<std::string>{r->run});
    EXPECT_EQ(namesIn(folder_ + "/" + r->run), (std::vector<std::string>{"INVOIC_FA00001.pivot", "INVOIC_FA00002.pivot"}));
    EXPECT_EQ(r->report.files, (std::vector<std::string>{"INVOIC_FA00001.pivot", "INVOIC_FA00002.pivot"}));
    ASSERT_EQ(r->report.documents.size(), 2u);
    EXPECT_EQ(r->report.documents[1].file, "INVOIC_FA00002.pivot");
    const auto j = r->toJson();
    EXPECT_EQ(j.begin().key(), "run");
    EXPECT_EQ(j["run"], r->run);
    EXPECT_EQ(j["exported"], 2);
    EXPECT_EQ(j["documents"][0]["file"], "INVOIC_FA00001.pivot");
    // The run is the exporter's run: RELAIS_EXPORT says which folder holds each document.
    EXPECT_EQ(sage_->scalar("SELECT GROUP_CONCAT(DISTINCT RE_Run) FROM RELAIS_EXPORT"), r->run);
    // What the listing and the opening see.
    auto latest = ExportFolder(folder_).latestRuns(10);
    ASSERT_TRUE(latest.isOk()) << latest.status().message();
    ASSERT_EQ(latest->size(), 1u);
    EXPECT_EQ((*latest)[0].files, r->report.files);
    auto opened = ExportFolder(folder_).openFile(r->run, "INVOIC_FA00002.pivot");
    ASSERT_TRUE(opened.isOk()) << opened.status().message();
    EXPECT_EQ(readAll(opened->fd()).rfind("PIVOT;1;UTF-8\nDOC;INVOIC;FA00002;", 0), 0u);

    criteria.oneFile = true;
    criteria.types = {"delivery"};
    auto single = run(criteria);
    ASSERT_TRUE(single.isOk()) << single.status().message();
    EXPECT_EQ(single->report.files, std::vector<std::string>{"DESADV_" + single->run + ".pivot"});
    EXPECT_EQ(namesIn(folder_ + "/" + single->run), single->report.files);
}

TEST_F(ExportFolderRunTest, ARunThatExportsNothingLeavesNoFolder) {
    ExportCriteria criteria;
    criteria.customer = "NOBODY";
    auto r = run(criteria);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_TRUE(r->report.documents.empty());
    EXPECT_TRUE(r->report.files.empty());
    EXPECT_TRUE(isExportRunName(r->run));
    EXPECT_TRUE(namesIn(folder_).empty());
}

TEST_F(ExportFolderRunTest, AFailedRunLeavesNoFolder) {
    settings_.ownGln.clear();
    settings_.ownName.clear();
    auto r = run(ExportCriteria{});
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Code::InvalidArgument);
    EXPECT_EQ(r.status().message(),
              "own_gln (or own_name) is not set: the exported documents need their supplier (the Sage file's company)");
    EXPECT_TRUE(namesIn(folder_).empty());
    EXPECT_EQ(sage_->scalar("SELECT COUNT(*) FROM RELAIS_EXPORT"), "0");
}

TEST_F(ExportFolderRunTest, RefusesAMissingFolderAndAnOutOfItsOwn) {
    auto missing = run(ExportCriteria{}, root_ + "/nowhere");
    ASSERT_FALSE(missing.isOk());
    EXPECT_EQ(missing.status().code(), Code::Config);
    EXPECT_EQ(missing.status().message(), "export folder " + root_ + "/nowhere cannot be opened: No such file or directory");
    ExportCriteria withOut;
    withOut.outDir = outside_;
    auto out = run(withOut);
    ASSERT_FALSE(out.isOk());
    EXPECT_EQ(out.status().code(), Code::InvalidArgument);
    EXPECT_EQ(out.status().message(),
              "out is not given for an export into export folder " + folder_ + ": each run gets a folder of its own");
    EXPECT_TRUE(namesIn(outside_).empty());
    EXPECT_TRUE(namesIn(folder_).empty());
    EXPECT_EQ(sage_->scalar("SELECT COUNT(*) FROM RELAIS_EXPORT"), "0");
}
