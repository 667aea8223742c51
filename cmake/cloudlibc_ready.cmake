# cloudlibc_missing(<out-var> <header>:<function> ...): which of the given
# functions cloudlibc does not have yet (not declared in the header, or not
# defined in any libc/src file), so that a program needing them can be left
# out of the target build (with a warning) instead of breaking it while the C
# library is being written. The headers and the sources become configure
# dependencies, so the check re-runs when they change.
# Included from the target project (REPO is the repository root).
function(cloudlibc_missing out)
  set(missing)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${REPO}/libc/src/*.c)
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
      continue()
    endif()
    # A definition: the name at the start of a line's declarator, followed by
    # a parameter list, in some source file (usually src/<header>/<function>.c).
    set(defined FALSE)
    foreach(source ${sources})
      get_filename_component(base ${source} NAME_WE)
      if(base STREQUAL function)
        set(defined TRUE)
        break()
      endif()
    endforeach()
    if(NOT defined)
      foreach(source ${sources})
        # A one-line body ("int f(void) { ... }") or a line that does not
        # end a prototype.
        file(STRINGS ${source} hits REGEX "^[A-Za-z_][^;]*[ *]${function}\\(.*(\\{.*|[^;])$")
        if(hits)
          set(defined TRUE)
          break()
        endif()
      endforeach()
    endif()
    if(NOT defined)
      list(APPEND missing "${function}() (declared, not yet defined)")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES missing)
  set(${out} "${missing}" PARENT_SCOPE)
endfunction()
