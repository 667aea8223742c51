# Source lists of libargdata, for inclusion by any CMake project:
#
#   include(/path/to/argdata/sources.cmake)
#   add_library(mylib ... ${ARGDATA_CORE_SOURCES} ${ARGDATA_STREAM_SOURCES})
#   target_include_directories(mylib PUBLIC ${ARGDATA_INCLUDE_DIR}
#                                    PRIVATE ${ARGDATA_PRIVATE_INCLUDE_DIR})
#
# ARGDATA_CORE_SOURCES are freestanding C11: they use only <stddef.h>,
# <stdint.h>, <stdbool.h>, <stdalign.h>, <limits.h>, <string.h> (memcpy,
# memset, strlen), <stdlib.h> (malloc, calloc, realloc, free), <errno.h> and
# <time.h> (struct timespec, time_t). ARGDATA_STREAM_SOURCES
# (argdata_print_yaml and the stream reader/writer) also need <stdio.h>,
# <sys/socket.h>, <sys/uio.h> and <unistd.h>.
#
# All paths are absolute, so the file can be included from anywhere.

set(ARGDATA_INCLUDE_DIR ${CMAKE_CURRENT_LIST_DIR}/include)
# Internal headers (argdata_impl.h provides argdata_init_buffer for crt0).
set(ARGDATA_PRIVATE_INCLUDE_DIR ${CMAKE_CURRENT_LIST_DIR}/src)
set(ARGDATA_PUBLIC_HEADERS
  ${ARGDATA_INCLUDE_DIR}/argdata.h
  ${ARGDATA_INCLUDE_DIR}/argdata.hpp
)

set(ARGDATA_CORE_SOURCES)
foreach(name
    __argdata_alloc_encoded
    __argdata_int_trim
    __argdata_scan_fds
    __argdata_serialize_tree
    __argdata_subfield
    __argdata_utf8_valid
    argdata_create_binary
    argdata_create_fd
    argdata_create_float
    argdata_create_int_s
    argdata_create_int_u
    argdata_create_map
    argdata_create_seq
    argdata_create_str
    argdata_create_str_c
    argdata_create_timestamp
    argdata_false
    argdata_free
    argdata_from_buffer
    argdata_get_binary
    argdata_get_bool
    argdata_get_fd
    argdata_get_float
    argdata_get_int_s
    argdata_get_int_u
    argdata_get_str
    argdata_get_str_c
    argdata_get_timestamp
    argdata_map_get
    argdata_map_iterate
    argdata_map_next
    argdata_null
    argdata_seq_get
    argdata_seq_iterate
    argdata_seq_next
    argdata_serialize
    argdata_serialized_length
    argdata_true)
  list(APPEND ARGDATA_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/${name}.c)
endforeach()

set(ARGDATA_STREAM_SOURCES)
foreach(name
    argdata_print_yaml
    argdata_reader_create
    argdata_reader_free
    argdata_reader_get
    argdata_reader_pull
    argdata_reader_release_fd
    argdata_writer_create
    argdata_writer_free
    argdata_writer_push
    argdata_writer_set)
  list(APPEND ARGDATA_STREAM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/${name}.c)
endforeach()
