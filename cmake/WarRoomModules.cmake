# One static library per module of a layer. `warroom_core` and `warroom_widgets` are the
# layer targets everything else links; the per-module split keeps incremental builds
# and test targets small. Every module's sources are also collected for lupdate.

define_property(GLOBAL PROPERTY WARROOM_TR_SOURCES BRIEF_DOCS "sources scanned by lupdate" FULL_DOCS "x")

# warroom_module(LAYER core NAME lineage DEPS warroom_core_common ... [PRIVATE_DEPS ...])
# Sources are every .cpp/.h under the module's folder.
function(warroom_module)
    cmake_parse_arguments(M "" "LAYER;NAME" "DEPS;PRIVATE_DEPS" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
        ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
    set(target warroom_${M_LAYER}_${M_NAME})
    qt_add_library(${target} STATIC ${sources})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${target} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
    set_property(GLOBAL APPEND PROPERTY WARROOM_${M_LAYER}_MODULES ${target})
    set_property(GLOBAL APPEND PROPERTY WARROOM_TR_SOURCES ${sources})
endfunction()

# Adds every subfolder of the current folder that has a CMakeLists.txt.
function(warroom_add_subfolders)
    file(GLOB children RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
    list(SORT children)
    foreach(child IN LISTS children)
        if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt)
            add_subdirectory(${child})
        endif()
    endforeach()
endfunction()
