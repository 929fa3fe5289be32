// The EDIFACT reader's figures (tests/bench/edifact_parse.sh):
//   edifact_bench generate FILE MB      an EANCOM ORDERS interchange of about MB megabytes
//   edifact_bench parse FILE RUNS       reading it (envelope and character checks): best MB/s
//   edifact_bench to-pivot FILE OUT RUNS  translating it into a pivot file: best MB/s and messages/s
// Each prints one line "key=value ..." for the script.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "bench_report.h"
#include "formats/edifact_translate.h"

using namespace relais;
using namespace relais::edifact;
using Clock = std::chrono::steady_clock;

namespace {

// A realistic order: parties with addresses, free text, 10 lines with EAN, buyer code,
// description, quantity, price and tax.
pivot::Document order(int n) {
    pivot::Document d;
    d.message = pivot::Message::Orders;
    d.number = "CMD-" + std::to_string(100000 + n);
    d.date = "2024-03-01";
    d.currency = "EUR";
    d.dates.push_back({"2", "2024-03-05T06:00:00"});
    d.references.push_back({"CT", "CONTRAT-2024", "2024-01-01"});
    d.texts.push_back({"DEL", "Livrer entre 6h et 8h: quai 3, sonner a l'accueil"});
    d.parties.push_back({"BY", "3012345100014", "HYPER DU CENTRE", "1 avenue du Commerce", "", "69003", "Lyon", "FR", "FR12401234567"});
    d.parties.push_back({"SU", "3012345000000", "LAITERIE DES ALPES"});
    d.parties.push_back({"DP", "3012345200011", "Entrepôt Lyon Sud", "20 rue des Docks", "", "69007", "Lyon", "FR"});
    for (int l = 1; l <= 10; ++l) {
        pivot::Line line;
        line.number = l;
        line.gtin = l % 2 ? "3760000000017" : "3760000000031";
        line.buyerItem = "HC-" + std::to_string(1000 + l);
        line.description = "Yaourt nature 4x125 g";
        line.quantities.push_back({"21", Decimal::fromInt(6 * l), "PCE"});
        line.prices.push_back({"AAA", *Decimal::parse("1.95")});
        line.taxes.push_back({"VAT", *Decimal::parse("5.5"), "AA"});
        d.lines.push_back(std::move(line));
    }
    return d;
}

int generate(const std::string& file, double megabytes) {
    InterchangeEnvelope env;
    env.sender = "3012345100014";
    env.recipient = "3012345000000";
    env.reference = "BENCH1";
    InterchangeWriter w(env);
    if (Status s = w.begin(); !s) return bench::die(s);
    const pivot::Document d = order(0);
    int n = 0;
    // The writer keeps the whole interchange in memory: a few hundred MB at most here.
    constexpr double kMessageBytes = 1685;  // the size of one message of order()
    for (;;) {
        pivot::Document doc = d;
        doc.number = "CMD-" + std::to_string(100000 + n);
        if (Status s = writeEancomMessage(doc, std::to_string(n + 1), w); !s) return bench::die(s);
        ++n;
        if (static_cast<double>(n) * kMessageBytes >= megabytes * 1e6) break;
    }
    auto out = w.finish();
    if (!out) return bench::die(out.status());
    std::ofstream f(file, std::ios::binary);
    f << *out;
    std::printf("file=%s bytes=%zu messages=%d\n", file.c_str(), out->size(), n);
    return f ? 0 : 2;
}

double seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

int parse(const std::string& file, int runs) {
    double best = 1e9;
    ReadOutcome last;
    for (int i = 0; i < runs; ++i) {
        InterchangeHandler nothing;
        const auto t0 = Clock::now();
        last = readInterchangeFile(file, nothing);
        best = std::min(best, seconds(t0));
        if (!last.ok()) return bench::die(Status(Code::InvalidArgument, last.error->describe(file)));
    }
    std::printf("bytes=%llu messages=%d best_seconds=%.4f mb_per_s=%.1f\n", static_cast<unsigned long long>(last.bytes),
                last.messages, best, static_cast<double>(last.bytes) / 1e6 / best);
    return 0;
}

int toPivot(const std::string& file, const std::string& out, int runs) {
    double best = 1e9;
    ToPivotResult last;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        last = interchangeToPivot(file, {pivot::Message::Orders}, out);
        best = std::min(best, seconds(t0));
        if (!last.ok()) return bench::die(Status(Code::InvalidArgument, last.outcome.error ? last.outcome.error->describe(file) : last.ioError));
    }
    std::printf("bytes=%llu messages=%d best_seconds=%.4f mb_per_s=%.1f messages_per_s=%.0f\n",
                static_cast<unsigned long long>(last.outcome.bytes), last.documents, best,
                static_cast<double>(last.outcome.bytes) / 1e6 / best, last.documents / best);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "generate" && argc == 4) return generate(argv[2], std::stod(argv[3]));
    if (mode == "parse" && argc == 4) return parse(argv[2], std::stoi(argv[3]));
    if (mode == "to-pivot" && argc == 5) return toPivot(argv[2], argv[3], std::stoi(argv[4]));
    std::fprintf(stderr, "usage: edifact_bench generate FILE MB | parse FILE RUNS | to-pivot FILE OUT RUNS\n");
    return 2;
}
