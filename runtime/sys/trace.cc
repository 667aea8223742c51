#include "runtime/sys/trace.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "names.h"
#include "runtime/support/diag.h"

namespace cloudabi::runtime {

namespace {

std::string format_call(const char* name, const TraceValues& args) {
  std::string s = "[" + std::to_string(gettid()) + "] " + name + "(";
  char buf[32];
  for (size_t i = 0; i < args.size(); ++i) {
    // Small values read better in decimal; addresses and bit sets in hex.
    if (args[i] < 65536) {
      snprintf(buf, sizeof(buf), "%llu", static_cast<unsigned long long>(args[i]));
    } else {
      snprintf(buf, sizeof(buf), "0x%llx", static_cast<unsigned long long>(args[i]));
    }
    s += (i ? ", " : "") + std::string(buf);
  }
  return s + ")";
}

const char* errno_name(cloudabi_errno_t e) {
  for (const names::Named& n : names::errno_names)
    if (n.value == e) return n.name;
  return "unknown error";
}

}  // namespace

void trace_result(const char* name, const TraceValues& args, cloudabi_errno_t error,
                  const TraceValues& outputs) {
  std::string s = format_call(name, args);
  if (error != 0) {
    s += std::string(" = E") + errno_name(error);
  } else {
    s += " = 0";
    char buf[32];
    for (size_t i = 0; i < outputs.size(); ++i) {
      snprintf(buf, sizeof(buf), outputs[i] < 65536 ? "%llu" : "0x%llx",
               static_cast<unsigned long long>(outputs[i]));
      s += (i ? ", " : " -> ") + std::string(buf);
    }
  }
  diag("%s", s.c_str());
}

void trace_call(const char* name, const TraceValues& args) {
  diag("%s", format_call(name, args).c_str());
}

}  // namespace cloudabi::runtime
