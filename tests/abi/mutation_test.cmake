# Shows that a wrong number in abi/cloudabi.abi cannot get through the build:
#
#   control  the unmodified spec generates headers that the reference test
#            (reference_layout_test.c) compiles against and passes;
#   offset   `8 error : errno` in struct event changed to 9: abigen itself
#            refuses the spec (the layout check);
#   errno    `8 BADF` changed to `9 BADF`: abigen cannot know, but the
#            reference test compiled against the generated headers fails.
#
# cmake -DABIGEN=... -DSPEC=... -DCC=... -DSOURCE_DIR=tests/abi -DWORK=dir -P mutation_test.cmake

foreach(var ABIGEN SPEC CC SOURCE_DIR WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "mutation_test.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(READ ${SPEC} original)

# Replaces the first `from` at or after the first `anchor` in `text`.
function(mutate out text anchor from to)
  string(FIND "${text}" "${anchor}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "spec has no '${anchor}'")
  endif()
  string(SUBSTRING "${text}" 0 ${at} head)
  string(SUBSTRING "${text}" ${at} -1 tail)
  string(FIND "${tail}" "${from}" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "spec has no '${from}' after '${anchor}'")
  endif()
  string(LENGTH "${from}" len)
  string(SUBSTRING "${tail}" 0 ${pos} before)
  math(EXPR rest "${pos} + ${len}")
  string(SUBSTRING "${tail}" ${rest} -1 after)
  set(${out} "${head}${before}${to}${after}" PARENT_SCOPE)
endfunction()

# Writes `text` as WORK/name/cloudabi.abi and runs abigen on it.
function(generate name text result output)
  file(WRITE ${WORK}/${name}/cloudabi.abi "${text}")
  execute_process(COMMAND ${ABIGEN} ${WORK}/${name}/cloudabi.abi ${WORK}/${name}/gen
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  set(${result} ${rc} PARENT_SCOPE)
  set(${output} "${out}" PARENT_SCOPE)
endfunction()

# Compiles the C reference test against WORK/name/gen/include and runs it.
# `stage` is "compile", "run" or "pass".
function(reference_test name stage output)
  execute_process(COMMAND ${CC} -std=c11 -pedantic-errors -I${WORK}/${name}/gen/include
                          -I${SOURCE_DIR} ${SOURCE_DIR}/reference_layout_test.c
                          -o ${WORK}/${name}/reference_layout_test
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    set(${stage} compile PARENT_SCOPE)
    set(${output} "${out}" PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND ${WORK}/${name}/reference_layout_test
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(rc EQUAL 0)
    set(${stage} pass PARENT_SCOPE)
  else()
    set(${stage} run PARENT_SCOPE)
  endif()
  set(${output} "${out}" PARENT_SCOPE)
endfunction()

# control
generate(control "${original}" rc out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abigen rejects the unmodified spec:\n${out}")
endif()
reference_test(control stage out)
if(NOT stage STREQUAL "pass")
  message(FATAL_ERROR "reference test fails (${stage}) on the unmodified spec:\n${out}")
endif()
message(STATUS "control: unmodified spec generates, reference test passes")

# offset
mutate(text "${original}" "\nstruct event " "  8 error : errno" "  9 error : errno")
generate(offset "${text}" rc out)
if(rc EQUAL 0)
  message(FATAL_ERROR "abigen accepted struct event with error at offset 9")
endif()
if(NOT out MATCHES "event")
  message(FATAL_ERROR "abigen's message does not name struct event:\n${out}")
endif()
message(STATUS "offset: abigen exits ${rc}: ${out}")

# errno
mutate(text "${original}" "\n  8 BADF" "  8 BADF" "  9 BADF")
generate(errno "${text}" rc out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abigen rejected the errno mutation itself; the reference test is not "
                      "exercised:\n${out}")
endif()
reference_test(errno stage out)
if(stage STREQUAL "pass")
  message(FATAL_ERROR "reference test passes with EBADF = 9:\n${out}")
endif()
if(NOT out MATCHES "CLOUDABI_EBADF")
  message(FATAL_ERROR "reference test failed (${stage}) but not on CLOUDABI_EBADF:\n${out}")
endif()
message(STATUS "errno: reference test fails at ${stage}:\n${out}")
