/*
 * lua_json.h: JSON <-> Lua for docpipe, over cJSON.
 *
 * Mapping: object <-> table marked with the "docpipe.object" metatable,
 * array <-> table marked "docpipe.array" (a table without a mark is an
 * array when its keys are exactly 1..n, so an empty table is []), null <->
 * docpipe.null (a light userdata), integers stay Lua integers, other numbers
 * floats. Object keys are written in a fixed order: the document model's
 * fields first (id, source, title, ...), the rest sorted bytewise, so output
 * is deterministic.
 *
 * Span conversion: when a text is given, every table holding integer
 * `start` and `end` is converted between Lua's 1-based inclusive byte
 * offsets and JSON's 0-based end-exclusive code point offsets into it.
 */
#ifndef LUA_JSON_H
#define LUA_JSON_H

#include <lua.h>
#include <stddef.h>

/* Push the json table (encode, decode) onto the stack. */
int dp_lua_open_json(lua_State *L);

/* Encode the value at index idx. spans (may be NULL) is the text that
 * start/end offsets point into. On success returns a malloc'd string owned
 * by the caller and sets *len; on failure returns NULL with a message in
 * err. Never raises. */
char *dp_json_encode_value(lua_State *L, int idx, const char *spans, size_t spans_len,
                           int pretty, size_t *len, char *err, size_t errlen);

/* Decode s[0..n) and push the value. When spans is non-zero and the value
 * is an object with a string "text", start/end pairs are converted from
 * code points into Lua byte offsets into that text. Returns 1 on success;
 * on failure pushes nothing and fills err ("... at line L, column C").
 * Never raises except on memory errors. */
int dp_json_decode_push(lua_State *L, const char *s, size_t n, int spans, char *err,
                        size_t errlen);

/* The runner's output buffer: dp_json_output_push() pushes a new one (a
 * userdata); out:encode(value [, opts]), called from Lua, appends what
 * json.encode(value, opts) would return and returns its length in bytes
 * (raising as json.encode raises, with nothing appended). _data() gives
 * the bytes appended since the last _reset(), which empties the buffer
 * (and frees a large one). */
void dp_json_output_push(lua_State *L);
const char *dp_json_output_data(lua_State *L, int idx, size_t *len);
void dp_json_output_reset(lua_State *L, int idx);

/* Push the markers (docpipe.array and docpipe.object metatables). */
void dp_json_push_array_mt(lua_State *L);
void dp_json_push_object_mt(lua_State *L);

#endif
