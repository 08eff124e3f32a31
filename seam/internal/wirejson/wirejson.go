// Package wirejson decodes API answers into the generated types faster than
// encoding/json, with exactly encoding/json's result.
//
// encoding/json reads its input twice (a validating scan, then the decode),
// one byte at a time through a state machine. Unmarshal reads it once, with
// loops over runs of bytes, and sets fields through a plan built once per
// type. It handles what the generated types hold: structs (fields by their
// JSON names), pointers, slices, maps with string keys, strings, booleans,
// numbers, and values of types with an UnmarshalJSON method (time.Time, the
// unions), which it calls as encoding/json does.
//
// Anything else, or any input it does not accept as it is (a syntax error, a
// type mismatch, a key that matches a field only without regard to case, a
// duplicate key, a string with escapes it would have to resolve…), makes it
// give up: it resets the value and calls encoding/json.Unmarshal, so that the
// result and the error are always encoding/json's own.
package wirejson

import (
	"encoding/json"
	"errors"
	"reflect"
)

// Unmarshal decodes data into v as encoding/json.Unmarshal(data, v) does,
// and returns the same result and the same error. v should point to a zero
// value (the fast path only takes those); for any other v, Unmarshal is
// encoding/json.Unmarshal.
func Unmarshal(data []byte, v any) error {
	if !tryUnmarshal(data, v) {
		return json.Unmarshal(data, v)
	}
	return nil
}

// tryUnmarshal decodes data into v on the fast path. It reports false,
// with *v reset to its zero value, when it gave up.
func tryUnmarshal(data []byte, v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return false
	}
	e := rv.Elem()
	if !e.IsZero() {
		return false
	}
	p := planOf(e.Type())
	if p.kind == kindUnsupported {
		return false
	}
	d := decoder{data: data}
	err := d.value(p, e, 0)
	if err == nil {
		d.skipSpace()
		if d.pos != len(d.data) {
			err = errGiveUp
		}
	}
	if err != nil {
		e.SetZero()
		return false
	}
	return true
}

// errGiveUp ends the fast path: the caller falls back to encoding/json.
var errGiveUp = errors.New("wirejson: give up")
