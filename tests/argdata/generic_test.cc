// Runs the C11 _Generic checks in generic_c.c.

#include <gtest/gtest.h>

extern "C" int argdata_test_generic_c(void);

TEST(ArgdataGenericC, CreateAndGetDispatchOnType) {
  EXPECT_EQ(argdata_test_generic_c(), 0) << "failed check number";
}
