// The EDIFACT reader's figures (tests/bench/edifact_parse.sh):
//   edifact_bench generate FILE MB      an EANCOM ORDERS interchange of about MB megabytes
//   edifact_bench parse FILE RUNS       reading it (envelope and character checks): best MB/s
//   edifact_bench to-pivot FILE OUT RUNS  translating it into a pivot file: best MB/s and messages/s
//   edifact_bench memory GB             reading GB gigabytes made on the fly: the peak memory
// Each prints one line "key=value ..." for the script.
#include <sys/resource.h>

#include <time.h>

#include <chrono>
#include <cstring>
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

// The CPU time of the process, in seconds: less sensitive than the wall
// clock to other processes sharing the cores.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

int parse(const std::string& file, int runs) {
    double best = 1e9, bestCpu = 1e9;
    ReadOutcome last;
    for (int i = 0; i < runs; ++i) {
        InterchangeHandler nothing;
        const auto t0 = Clock::now();
        const double c0 = cpuSeconds();
        last = readInterchangeFile(file, nothing);
        bestCpu = std::min(bestCpu, cpuSeconds() - c0);
        best = std::min(best, seconds(t0));
        if (!last.ok()) return bench::die(Status(Code::InvalidArgument, last.error->describe(file)));
    }
    const double mb = static_cast<double>(last.bytes) / 1e6;
    std::printf("bytes=%llu messages=%d best_seconds=%.4f mb_per_s=%.1f cpu_mb_per_s=%.1f\n",
                static_cast<unsigned long long>(last.bytes), last.messages, best, mb / best, mb / bestCpu);
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

// The same order again and again, made as it is read (no file): the reader's
// memory alone is measured.
class RepeatedSource final : public ByteSource {
public:
    RepeatedSource(std::string head, std::string message, std::string tail, uint64_t messages)
        : head_(std::move(head)), message_(std::move(message)), tail_(std::move(tail)), left_(messages) {
        current_ = head_;
    }
    size_t read(char* buf, size_t n, std::string&) override {
        size_t done = 0;
        while (done < n) {
            if (at_ == current_.size()) {
                if (left_ > 0) {
                    --left_;
                    current_ = message_;
                } else if (!tailDone_) {
                    tailDone_ = true;
                    current_ = tail_;
                } else {
                    break;
                }
                at_ = 0;
            }
            const size_t k = std::min(n - done, current_.size() - at_);
            std::memcpy(buf + done, current_.data() + at_, k);
            at_ += k;
            done += k;
        }
        return done;
    }

private:
    std::string head_, message_, tail_, current_;
    uint64_t left_;
    size_t at_ = 0;
    bool tailDone_ = false;
};

long maxRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

int memory(double gigabytes) {
    InterchangeEnvelope env;
    env.sender = "3012345100014";
    env.recipient = "3012345000000";
    env.reference = "BIG";
    InterchangeWriter w(env);
    if (Status s = w.begin(); !s) return bench::die(s);
    if (Status s = writeEancomMessage(order(0), "1", w); !s) return bench::die(s);
    auto written = w.finish();
    if (!written) return bench::die(written.status());
    const std::string one = written.value();
    // One message (its UNH reference "1" repeated: UNT checks it against its own UNH only).
    const size_t from = one.find("UNH+"), to = one.find("UNZ+");
    const std::string message = one.substr(from, to - from);
    const std::string unb = one.substr(0, from);
    const uint64_t messages = static_cast<uint64_t>(gigabytes * 1e9 / static_cast<double>(message.size()));
    RepeatedSource source(unb, message, "UNZ+" + std::to_string(messages) + "+BIG'", messages);
    const long before = maxRssKb();
    EancomToPivot mapper({pivot::Message::Orders}, [](pivot::Document&&, const MessageHeader&) { return Status::ok(); });
    const auto t0 = Clock::now();
    ReadOutcome o = readInterchange(source, mapper);
    const double s = seconds(t0);
    if (!o.ok()) return bench::die(Status(Code::InvalidArgument, o.error->describe("generated")));
    std::printf("bytes=%llu messages=%d seconds=%.1f max_rss_kb_before=%ld max_rss_kb_after=%ld\n",
                static_cast<unsigned long long>(o.bytes), o.messages, s, before, maxRssKb());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "generate" && argc == 4) return generate(argv[2], std::stod(argv[3]));
    if (mode == "parse" && argc == 4) return parse(argv[2], std::stoi(argv[3]));
    if (mode == "memory" && argc == 3) return memory(std::stod(argv[2]));
    if (mode == "to-pivot" && argc == 5) return toPivot(argv[2], argv[3], std::stoi(argv[4]));
    std::fprintf(stderr, "usage: edifact_bench generate FILE MB | parse FILE RUNS | to-pivot FILE OUT RUNS | memory GB\n");
    return 2;
}
