// argdata.hpp must also compile as C++20 (the project's default).
#include <argdata.hpp>

#include <ranges>

static_assert(std::input_iterator<argdata_t::seq_iterator>);
static_assert(std::input_iterator<argdata_t::map_iterator>);

int argdata_cxx20_compiles() {
  auto v = argdata_t::create_int(3);
  int sum = 0;
  for (const argdata_t *e : v->as_seq()) sum += e->as_int<int>();
  return sum + v->as_int<int>();
}
