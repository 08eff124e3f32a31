package wirejson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// kind is how a plan decodes a value.
type kind uint8

const (
	kindUnsupported kind = iota // give up when a value of this type is met
	kindString                  // a string kind
	kindBool                    // a bool kind
	kindInt                     // a signed integer kind
	kindUint                    // an unsigned integer kind
	kindFloat                   // float32 or float64
	kindPointer                 // a pointer: null sets nil, anything else goes to elem
	kindSlice                   // a slice (not of bytes)
	kindMap                     // a map with string keys
	kindStruct                  // a struct without embedded fields
	kindUnmarshaler             // *T implements json.Unmarshaler
	kindInterface               // an empty interface: encoding/json decodes it
)

// plan is what Unmarshal knows of a type, computed once per type.
type plan struct {
	kind kind
	typ  reflect.Type
	// elem is the plan of a pointer's, slice's or map's element.
	elem *plan
	// fields are a struct's fields, by their JSON names.
	fields []field
	// byName finds a field by its exact JSON name.
	byName map[string]int
	// empty is an empty, non-nil slice of a slice type, which [] decodes
	// to: every such value shares its (capacity 0) array.
	empty reflect.Value
	// slab is, for a pointer to a string, bool or number, an array type
	// of slabLen of those: the decoder hands out its elements as the
	// pointers' targets, one allocation for many.
	slab reflect.Type
	// folded holds the lower-case JSON names: a key that matches one only
	// without regard to case makes the decoder give up, since
	// encoding/json would then fill that field.
	folded map[string]struct{}
}

// field is one struct field that encoding/json decodes.
type field struct {
	index int
	plan  *plan
}

// maxFields bounds the fields of a struct the fast path takes: the
// decoder tracks the keys seen in a bitset of that size.
const maxFields = 256

// plans caches the plan of each type met: derived, immutable data, as
// encoding/json caches its field lists.
var plans sync.Map // reflect.Type → *plan

// planMu serialises the building of plans, so that recursive types get
// one plan each.
var planMu sync.Mutex

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType          = reflect.TypeFor[json.Number]()
)

// planOf returns the plan of t.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	planMu.Lock()
	defer planMu.Unlock()
	building := map[reflect.Type]*plan{}
	p := build(t, building)
	for t, q := range building {
		plans.LoadOrStore(t, q)
	}
	q, _ := plans.Load(t)
	if q != nil {
		return q.(*plan)
	}
	return p
}

// build makes the plan of t, and those of the types it holds, recording
// each in building (so that a recursive type refers to its own plan).
func build(t reflect.Type, building map[reflect.Type]*plan) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := building[t]; ok {
		return p
	}
	p := &plan{typ: t}
	building[t] = p
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		pt := reflect.PointerTo(t)
		if pt.Implements(unmarshalerType) {
			if t.Name() == "" {
				// Only promoted methods (an embedded field): encoding/json
				// would not call them on a field of this type.
				return p
			}
			p.kind = kindUnmarshaler
			return p
		}
		if pt.Implements(textUnmarshalerType) || t == numberType {
			return p
		}
	}
	switch t.Kind() {
	case reflect.String:
		p.kind = kindString
	case reflect.Bool:
		p.kind = kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = kindInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		p.kind = kindUint
	case reflect.Float32, reflect.Float64:
		p.kind = kindFloat
	case reflect.Interface:
		if t.NumMethod() == 0 {
			p.kind = kindInterface
		}
	case reflect.Pointer:
		p.elem = build(t.Elem(), building)
		p.kind = kindPointer
		switch p.elem.kind {
		case kindString, kindBool, kindInt, kindUint, kindFloat:
			p.slab = reflect.ArrayOf(slabLen, t.Elem())
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return p // base64 strings: left to encoding/json
		}
		p.elem = build(t.Elem(), building)
		p.kind = kindSlice
		p.empty = reflect.MakeSlice(t, 0, 0)
	case reflect.Map:
		if t.Key().Kind() != reflect.String || reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
			return p
		}
		p.elem = build(t.Elem(), building)
		p.kind = kindMap
	case reflect.Struct:
		if buildStruct(p, t, building) {
			p.kind = kindStruct
		}
	}
	return p
}

// buildStruct fills the fields of a struct's plan. It reports false for a
// struct whose field list is not plain: an embedded field, a ",string"
// option, two fields of one name, a name encoding/json would not take.
func buildStruct(p *plan, t reflect.Type, building map[reflect.Type]*plan) bool {
	p.byName = map[string]int{}
	p.folded = map[string]struct{}{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			return false
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",string,") {
			return false
		}
		if name == "" {
			name = sf.Name
		}
		if !plainName(name) {
			return false
		}
		if _, dup := p.byName[name]; dup {
			return false
		}
		lower := strings.ToLower(name)
		if _, dup := p.folded[lower]; dup {
			return false
		}
		p.byName[name] = len(p.fields)
		p.folded[lower] = struct{}{}
		p.fields = append(p.fields, field{index: i, plan: build(sf.Type, building)})
	}
	return len(p.fields) <= maxFields
}

// plainName reports whether name is made of ASCII letters, digits, '_',
// '-' and '.', which encoding/json takes as they are.
func plainName(name string) bool {
	for i := range len(name) {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return name != ""
}
