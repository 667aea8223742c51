// The results of one benchmark invocation and their two renderings: a
// Markdown table for people and a JSON document for programs.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace bench {

// How one variant (native, cloudabi, or a peer) did on one row.
struct Measurement {
  enum class Status { kNotApplicable, kOk, kSkipped, kFailed };
  Status status = Status::kNotApplicable;
  std::string reason;                   // For kSkipped and kFailed.
  std::vector<double> samples;          // The row's metric, one value per run.
  std::vector<double> cpu_samples;      // The same metric in CPU time, if reported.
  std::map<std::string, double> extra;  // Other medians (e.g. requests per second).

  static Measurement skipped(std::string why);
  static Measurement failed(std::string why);
  bool ok() const { return status == Status::kOk && !samples.empty(); }
  double median() const;
  double cpu_median() const;  // 0 if none.
};

// The variants, in table order.
inline const std::vector<std::string>& variants() {
  static const std::vector<std::string> v = {"native", "cloudabi", "node-wasi", "bwrap"};
  return v;
}

struct Row {
  std::string workload;                        // Short id: "fileloop", "libc.printf_int", ...
  std::string title;                           // "File-system call loop (20000 iterations)"
  std::string metric;                          // "µs per iteration"
  std::map<std::string, Measurement> results;  // By variant.
};

struct Machine {
  int nproc = 0;
  std::string cpu, kernel, os, loadavg_before, loadavg_after, date;
};

struct Report {
  Machine machine;
  int runs = 0, warmup = 0;
  std::vector<Row> rows;
  std::vector<std::string> notes;
  double seconds = 0;  // Wall time of the whole invocation.
};

Machine describe_machine();
std::string loadavg();
std::string to_markdown(const Report& report);
std::string to_json(const Report& report);

// "%.3g"-style number formatting that keeps three significant digits.
std::string format_number(double value);

}  // namespace bench
