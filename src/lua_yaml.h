/*
 * lua_yaml.h: YAML to Lua values, with positions for error messages.
 *
 * yaml.load(text [, name]) -> value, positions | nil, "NAME:LINE:COLUMN: message"
 * Plain scalars follow the YAML 1.2 core schema: null ~ (empty) -> docpipe.null,
 * true/false -> booleans, decimal/0x/0o integers -> integers, decimal floats,
 * .inf .nan -> floats; anything quoted stays a string. Mappings become tables
 * marked as JSON objects, sequences tables marked as arrays. positions maps each
 * table to {line=, column=, keys={[k]={line,column}}, values={[k]={line,column}}},
 * 1-based; a duplicate key is an error.
 */
#ifndef LUA_YAML_H
#define LUA_YAML_H

#include <lua.h>

int dp_lua_open_yaml(lua_State *L);

#endif
