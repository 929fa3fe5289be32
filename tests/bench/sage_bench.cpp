// sage_bench: drives the Sage 100 connector for tests/bench/sage_import.sh.
//   generate --out FILE --orders N --lines L [--prefix P] [--split]
//                         write N orders of L lines (the demo customers and items);
//                         with --split, FILE is a folder and each order a file of it
//   raw      --dsn D --user U --rows N
//                         N single-row INSERTs through ODBC, each its own commit:
//                         the database's raw single-row insert rate
//   import   --dsn D --user U --file F [--type order|invoice]
//                         import F through the connector; orders/s
//   export   --dsn D --user U --out DIR
//                         export the invoices not exported yet; documents/s
//   runs     --dir DIR --runs N --files F [--calls C]
//                         make N run folders of F files in DIR (an export
//                         folder), then time C listings of the 10 latest runs
//                         and C openings of one file (ExportFolder): wall and
//                         CPU microseconds per call
// It measures; it asserts nothing. Output lines are KEY=VALUE.
#include <CLI/CLI.hpp>

#include <sys/stat.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "db/odbc_connection.h"
#include "formats/pivot_writer.h"
#include "sage/export_folder.h"
#include "sage/sage_connector.h"

using namespace relais;
using Clock = std::chrono::steady_clock;

namespace {

int die(const Status& s) {
    std::fprintf(stderr, "sage_bench: %s\n", s.message().c_str());
    return 2;
}

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

int generate(const std::string& out, int orders, int lines, const std::string& prefix, bool split) {
    const char* buyers[] = {"3012345100014", "3012345100021", "3012345100038"};
    const char* items[] = {"3760000000017", "3760000000024", "3760000000031", "3760000000048", "3760000000055",
                           "3760000000062", "3760000000079", "3760000000086", "3760000000093", "3760000000109"};
    pivot::PivotFile file;
    for (int o = 0; o < orders; ++o) {
        pivot::Document d;
        d.number = prefix + std::to_string(o + 1);
        d.date = "2024-03-01";
        d.dates.push_back({"2", "2024-03-05", {}});
        d.parties.push_back({"BY", buyers[o % 3], "", "", "", "", "", "", "", "", {}, {}});
        d.parties.push_back({"SU", "3012345000000", "", "", "", "", "", "", "", "", {}, {}});
        for (int l = 0; l < lines; ++l) {
            pivot::Line line;
            line.number = l + 1;
            line.gtin = items[l % 10];
            line.quantities.push_back({"21", Decimal::fromInt(1 + (o + l) % 24), "PCE", {}});
            line.prices.push_back({"AAA", *Decimal::parse("1.95"), std::nullopt, "", {}});
            line.taxes.push_back({"VAT", *Decimal::parse("5.5"), "AA", std::nullopt, "", {}});
            d.lines.push_back(std::move(line));
        }
        file.documents.push_back(std::move(d));
    }
    if (split) {
        for (const auto& d : file.documents) {
            Status s = pivot::writePivotFile(pivot::PivotFile{file.charset, {d}}, out + "/" + d.number + ".pivot");
            if (!s) return die(s);
        }
    } else if (Status s = pivot::writePivotFile(file, out); !s) {
        return die(s);
    }
    std::printf("generated=%d orders of %d lines in %s\n", orders, lines, out.c_str());
    return 0;
}

int raw(const db::OdbcSource& source, int rows) {
    auto conn = db::connectOdbc(source);
    if (!conn) return die(conn.status());
    (*conn)->executeScript("DROP TABLE IF EXISTS BENCH_RAW_INSERT");
    Status made = (*conn)->executeScript(
        "CREATE TABLE BENCH_RAW_INSERT (id INT NOT NULL, piece VARCHAR(9) NOT NULL, ref VARCHAR(19) NOT NULL, "
        "qty NUMERIC(24,6) NOT NULL, PRIMARY KEY (id))");
    if (!made) return die(made);
    const auto start = Clock::now();
    for (int i = 0; i < rows; ++i) {
        auto r = (*conn)->execute("INSERT INTO BENCH_RAW_INSERT (id, piece, ref, qty) VALUES (?, ?, ?, ?)",
                                  {int64_t{i}, std::string("BC00001"), std::string("YAOURT-NAT"), std::string("12.5")});
        if (!r) return die(r.status());
    }
    const double s = secondsSince(start);
    std::printf("raw_rows=%d seconds=%.3f raw_inserts_per_s=%.0f\n", rows, s, rows / s);
    return 0;
}

int import(const sage::SageSettings& settings, const std::string& file) {
    auto c = sage::SageConnector::open(settings);
    if (!c) return die(c.status());
    const auto start = Clock::now();
    auto r = (*c)->importFile(file);
    const double s = secondsSince(start);
    if (!r) return die(r.status());
    int lines = 0;
    for (const auto& d : r->documents) lines += d.lines;
    // orders_per_s counts the documents written; documents_per_s every document handled.
    std::printf("imported=%d existing=%d failed=%d lines=%d seconds=%.3f orders_per_s=%.1f documents_per_s=%.1f\n",
                r->count("imported"), r->count("existing"), r->count("failed"), lines, s, r->count("imported") / s,
                static_cast<double>(r->documents.size()) / s);
    if (r->count("failed") > 0) std::fprintf(stderr, "first failure: %s\n", r->documents[0].error.c_str());
    return r->count("failed") > 0 ? 1 : 0;
}

int exportInvoices(const sage::SageSettings& settings, const std::string& out) {
    auto c = sage::SageConnector::open(settings);
    if (!c) return die(c.status());
    sage::ExportCriteria criteria;
    criteria.outDir = out;
    const auto start = Clock::now();
    auto r = (*c)->exportDocuments(criteria);
    const double s = secondsSince(start);
    if (!r) return die(r.status());
    std::printf("exported=%zu files=%zu seconds=%.3f documents_per_s=%.1f\n", r->documents.size(), r->files.size(), s,
                static_cast<double>(r->documents.size()) / s);
    return 0;
}

double cpuSeconds() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

int exportRuns(const std::string& dir, int runs, int files, int calls) {
    for (int r = 0; r < runs; ++r) {
        char run[32];
        std::snprintf(run, sizeof run, "20240101-%06d-%08x", r % 1000000, static_cast<unsigned>(r));
        const std::string path = dir + "/" + run;
        if (::mkdir(path.c_str(), 0755) != 0) return die(Status(Code::Io, "cannot make " + path));
        for (int f = 0; f < files; ++f) std::ofstream(path + "/INVOIC_FA" + std::to_string(100000 + f) + ".pivot") << "PIVOT;1;UTF-8\n";
    }
    const sage::ExportFolder folder(dir);
    size_t listed = 0;
    auto wall = Clock::now();
    double cpu = cpuSeconds();
    for (int c = 0; c < calls; ++c) {
        auto latest = folder.latestRuns(10);
        if (!latest) return die(latest.status());
        listed = latest->size();
    }
    const double listWall = secondsSince(wall) / calls * 1e6, listCpu = (cpuSeconds() - cpu) / calls * 1e6;
    char newest[32];
    std::snprintf(newest, sizeof newest, "20240101-%06d-%08x", (runs - 1) % 1000000, static_cast<unsigned>(runs - 1));
    wall = Clock::now();
    cpu = cpuSeconds();
    for (int c = 0; c < calls; ++c) {
        auto opened = folder.openFile(newest, "INVOIC_FA100000.pivot");
        if (!opened) return die(opened.status());
    }
    const double openWall = secondsSince(wall) / calls * 1e6, openCpu = (cpuSeconds() - cpu) / calls * 1e6;
    std::printf("runs=%d files_per_run=%d calls=%d listed=%zu latest10_wall_us=%.1f latest10_cpu_us=%.1f "
                "open_wall_us=%.1f open_cpu_us=%.1f\n",
                runs, files, calls, listed, listWall, listCpu, openWall, openCpu);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"sage_bench: measure the Sage 100 connector"};
    app.require_subcommand(1);
    std::string out, file, prefix = "BENCH-", type = "order";
    int orders = 1000, lines = 10, rows = 10000;
    bool split = false;
    db::OdbcSource source;
    int rc = 0;
    auto* gen = app.add_subcommand("generate", "write a pivot file of orders");
    gen->add_option("--out", out)->required();
    gen->add_option("--orders", orders);
    gen->add_option("--lines", lines);
    gen->add_option("--prefix", prefix);
    gen->add_flag("--split", split, "one file per order, in the folder --out");
    gen->callback([&] { rc = generate(out, orders, lines, prefix, split); });
    auto addSource = [&](CLI::App* cmd) {
        cmd->add_option("--dsn", source.dsn)->required();
        cmd->add_option("--user", source.user);
    };
    auto* rawCmd = app.add_subcommand("raw", "single-row insert rate through ODBC");
    addSource(rawCmd);
    rawCmd->add_option("--rows", rows);
    rawCmd->callback([&] { rc = raw(source, rows); });
    auto settings = [&] {
        sage::SageSettings s;
        s.source = source;
        s.documentType = type == "invoice" ? 6 : 1;
        s.ownGln = "3012345000000";
        return s;
    };
    auto* imp = app.add_subcommand("import", "import a pivot file");
    addSource(imp);
    imp->add_option("--file", file)->required();
    imp->add_option("--type", type, "order (default) or invoice");
    imp->callback([&] { rc = import(settings(), file); });
    auto* exp = app.add_subcommand("export", "export the invoices not exported yet");
    addSource(exp);
    exp->add_option("--out", out)->required();
    exp->callback([&] { rc = exportInvoices(settings(), out); });
    int runs = 1000, files = 5, calls = 200;
    auto* runsCmd = app.add_subcommand("runs", "list and open in an export folder of many runs");
    runsCmd->add_option("--dir", out)->required();
    runsCmd->add_option("--runs", runs);
    runsCmd->add_option("--files", files);
    runsCmd->add_option("--calls", calls);
    runsCmd->callback([&] { rc = exportRuns(out, runs, files, calls); });
    CLI11_PARSE(app, argc, argv);
    return rc;
}
