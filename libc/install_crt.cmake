# Copies the compiled crt0.c, crtbegin.c and crtend.c objects to DEST as crt0.o, crtbegin.o
# and crtend.o, the names clang's CloudABI driver links.
string(REPLACE "|" ";" OBJECTS "${OBJECTS}")
foreach(object ${OBJECTS})
  get_filename_component(name ${object} NAME)
  string(REGEX REPLACE "\\.c\\.(o|obj)$" ".o" name ${name})
  file(COPY_FILE ${object} ${DEST}/${name} ONLY_IF_DIFFERENT)
endforeach()
