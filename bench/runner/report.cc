#include "bench/runner/report.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace bench {

namespace {

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  return buf;
}

std::string json_array(const std::vector<double>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + json_number(v[i]);
  return s + "]";
}

const char* status_name(Measurement::Status s) {
  switch (s) {
    case Measurement::Status::kOk:
      return "ok";
    case Measurement::Status::kSkipped:
      return "skipped";
    case Measurement::Status::kFailed:
      return "failed";
    case Measurement::Status::kNotApplicable:
      break;
  }
  return "not-applicable";
}

// Markdown table cells must not contain '|' or line breaks.
std::string cell_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > 120) out = out.substr(0, 117) + "...";
  return out;
}

std::string first_line(const std::string& path, const std::string& prefix) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) {
      size_t colon = line.find(':');
      std::string v = colon == std::string::npos ? line : line.substr(colon + 1);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(v.begin());
      return v;
    }
  }
  return "";
}

}  // namespace

Measurement Measurement::skipped(std::string why) {
  Measurement m;
  m.status = Status::kSkipped;
  m.reason = std::move(why);
  return m;
}

Measurement Measurement::failed(std::string why) {
  Measurement m;
  m.status = Status::kFailed;
  m.reason = std::move(why);
  return m;
}

double Measurement::median() const { return median_of(samples); }
double Measurement::cpu_median() const { return median_of(cpu_samples); }

std::string format_number(double v) {
  char buf[32];
  double a = std::fabs(v);
  if (a >= 100) {
    std::snprintf(buf, sizeof(buf), "%.0f", v);
  } else if (a >= 10) {
    std::snprintf(buf, sizeof(buf), "%.1f", v);
  } else if (a >= 1) {
    std::snprintf(buf, sizeof(buf), "%.2f", v);
  } else {
    std::snprintf(buf, sizeof(buf), "%.3g", v);
  }
  return buf;
}

std::string loadavg() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

Machine describe_machine() {
  Machine m;
  m.nproc = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  m.cpu = first_line("/proc/cpuinfo", "model name");
  struct utsname u;
  if (uname(&u) == 0) m.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
  std::string pretty;
  std::ifstream os_release("/etc/os-release");
  std::string line;
  while (std::getline(os_release, line)) {
    if (line.rfind("PRETTY_NAME=", 0) == 0) pretty = line.substr(12);
  }
  pretty.erase(std::remove(pretty.begin(), pretty.end(), '"'), pretty.end());
  m.os = pretty;
  m.loadavg_before = loadavg();
  char date[64];
  std::time_t t = std::time(nullptr);
  std::strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&t));
  m.date = date;
  return m;
}

std::string to_markdown(const Report& r) {
  std::ostringstream o;
  o << "Medians of " << r.runs << " runs after " << r.warmup
    << " warm-up run(s), alternating between the variants. Ratios are to native: "
       "lower is better, 1.00 is native speed.\n\n";
  o << "| Workload | Metric | Native | CloudABI | CloudABI/native | CPU time ratio | Node WASI | "
       "bwrap |\n";
  o << "|---|---|---:|---:|---:|---:|---:|---:|\n";
  for (const Row& row : r.rows) {
    auto get = [&](const std::string& v) -> const Measurement* {
      auto it = row.results.find(v);
      return it == row.results.end() ? nullptr : &it->second;
    };
    const Measurement* native = get("native");
    auto value_cell = [&](const std::string& v, bool with_ratio) -> std::string {
      const Measurement* m = get(v);
      if (m == nullptr || m->status == Measurement::Status::kNotApplicable) return "—";
      if (m->status == Measurement::Status::kSkipped) return "skipped: " + cell_text(m->reason);
      if (m->status == Measurement::Status::kFailed) return "**failed**: " + cell_text(m->reason);
      std::string s = format_number(m->median());
      if (with_ratio && native != nullptr && native->ok() && native->median() > 0) {
        s += " (" + format_number(m->median() / native->median()) + "×)";
      }
      return s;
    };
    const Measurement* cloudabi = get("cloudabi");
    std::string ratio = "—", cpu_ratio = "—";
    if (native != nullptr && native->ok() && cloudabi != nullptr && cloudabi->ok() &&
        native->median() > 0) {
      ratio = "**" + format_number(cloudabi->median() / native->median()) + "**";
      if (native->cpu_median() > 0 && cloudabi->cpu_median() > 0) {
        cpu_ratio = format_number(cloudabi->cpu_median() / native->cpu_median());
      }
    }
    o << "| " << cell_text(row.title) << " | " << cell_text(row.metric) << " | "
      << value_cell("native", false) << " | " << value_cell("cloudabi", false) << " | " << ratio
      << " | " << cpu_ratio << " | " << value_cell("node-wasi", true) << " | "
      << value_cell("bwrap", true) << " |\n";
  }
  o << "\n";
  for (const std::string& note : r.notes) o << "- " << note << "\n";
  o << "\nMachine: " << r.machine.nproc << " CPUs, " << r.machine.cpu << ", " << r.machine.kernel;
  if (!r.machine.os.empty()) o << ", " << r.machine.os;
  o << ". Load average before: " << r.machine.loadavg_before
    << ", after: " << r.machine.loadavg_after << ". Run at " << r.machine.date << " in "
    << format_number(r.seconds) << " s.\n";
  return o.str();
}

std::string to_json(const Report& r) {
  std::ostringstream o;
  o << "{\n  \"schema\": \"cloudabi-bench/1\",\n";
  o << "  \"date\": " << json_string(r.machine.date) << ",\n";
  o << "  \"machine\": {\"nproc\": " << r.machine.nproc
    << ", \"cpu\": " << json_string(r.machine.cpu)
    << ", \"kernel\": " << json_string(r.machine.kernel)
    << ", \"os\": " << json_string(r.machine.os)
    << ", \"loadavg_before\": " << json_string(r.machine.loadavg_before)
    << ", \"loadavg_after\": " << json_string(r.machine.loadavg_after) << "},\n";
  o << "  \"runs\": " << r.runs << ",\n  \"warmup\": " << r.warmup << ",\n";
  o << "  \"seconds\": " << json_number(r.seconds) << ",\n";
  o << "  \"rows\": [\n";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const Row& row = r.rows[i];
    o << "    {\"workload\": " << json_string(row.workload)
      << ", \"title\": " << json_string(row.title) << ", \"metric\": " << json_string(row.metric)
      << ", \"lower_is_better\": true,\n      \"results\": {";
    bool first = true;
    for (const std::string& v : variants()) {
      auto it = row.results.find(v);
      if (it == row.results.end()) continue;
      const Measurement& m = it->second;
      o << (first ? "" : ",") << "\n        " << json_string(v) << ": {\"status\": \""
        << status_name(m.status) << "\"";
      if (!m.reason.empty()) o << ", \"reason\": " << json_string(m.reason);
      if (m.ok()) {
        o << ", \"median\": " << json_number(m.median())
          << ", \"samples\": " << json_array(m.samples);
        if (!m.cpu_samples.empty()) {
          o << ", \"cpu_median\": " << json_number(m.cpu_median())
            << ", \"cpu_samples\": " << json_array(m.cpu_samples);
        }
        for (const auto& [k, val] : m.extra)
          o << ", " << json_string(k) << ": " << json_number(val);
        auto native = row.results.find("native");
        if (v != "native" && native != row.results.end() && native->second.ok() &&
            native->second.median() > 0) {
          o << ", \"ratio_to_native\": " << json_number(m.median() / native->second.median());
        }
      }
      o << "}";
      first = false;
    }
    o << "\n      }}" << (i + 1 < r.rows.size() ? "," : "") << "\n";
  }
  o << "  ],\n  \"notes\": [";
  for (size_t i = 0; i < r.notes.size(); ++i) {
    o << (i ? ", " : "") << "\n    " << json_string(r.notes[i]);
  }
  o << "\n  ]\n}\n";
  return o.str();
}

}  // namespace bench
