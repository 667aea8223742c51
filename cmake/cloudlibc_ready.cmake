# cloudlibc_missing(<out-var> <header>:<function> ...): which of the given
# functions cloudlibc's headers do not declare yet, so that a program needing
# them can be left out of the target build (with a warning) instead of
# breaking it while the C library is being written. Each header becomes a
# configure dependency, so the check re-runs when a header changes.
# Included from the target project (REPO is the repository root).
function(cloudlibc_missing out)
  set(missing)
  foreach(pair ${ARGN})
    string(REPLACE ":" ";" parts ${pair})
    list(GET parts 0 header)
    list(GET parts 1 function)
    set(file ${REPO}/libc/include/${header})
    if(NOT EXISTS ${file})
      list(APPEND missing "<${header}>")
      continue()
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
    file(STRINGS ${file} hits REGEX "[ *]${function}\\(")
    if(NOT hits)
      list(APPEND missing "${function}() in <${header}>")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES missing)
  set(${out} "${missing}" PARENT_SCOPE)
endfunction()
