package wirejson

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth is how deep the fast path nests; deeper input is left to
// encoding/json (whose own bound is 10,000).
const maxDepth = 1000

// decoder reads data from pos on. Every value it decodes into is a zero
// value: the top one is checked, and the fast path makes every other one
// fresh (a duplicate key makes it give up), so nothing is merged.
type decoder struct {
	data []byte
	pos  int
	// slabs are the arrays that pointers to scalars point into, for the
	// first maxSlabs types met; pointers to others are allocated one by
	// one.
	slabs  [maxSlabs]slab
	nslabs int
	// interned holds short strings decoded so far, by a hash of their
	// bytes, so that a value met again (an enum, a workspace id in every
	// item of a list) is allocated once per answer. A slot keeps the first
	// string put in it: a string whose slot holds another is allocated
	// each time, as encoding/json would, and the ids unique to each item
	// of a list do not push out the values the items share.
	interned [internSlots]string
}

// internSlots is the size of the table of short strings.
const internSlots = 128

// slabLen is the length of a slab: pointers to scalars cost one
// allocation per slabLen of them.
const slabLen = 16

// maxInterned is the length up to which strings are interned.
const maxInterned = 40

// maxSlabs is how many types of scalars an answer gets slabs for.
const maxSlabs = 8

// slab is an array of scalars of one type, handed out from next on.
type slab struct {
	typ  reflect.Type // the array type
	arr  reflect.Value
	next int
}

// scalarPointer returns a pointer to a new zero scalar of the type whose
// slab array type is t: from the slab of that type, or on its own when
// maxSlabs types have one already.
func (d *decoder) scalarPointer(t reflect.Type) reflect.Value {
	for i := range d.nslabs {
		s := &d.slabs[i]
		if s.typ != t {
			continue
		}
		if s.next == slabLen {
			s.arr, s.next = reflect.New(t).Elem(), 0
		}
		s.next++
		return s.arr.Index(s.next - 1).Addr()
	}
	if d.nslabs == maxSlabs {
		return reflect.New(t.Elem())
	}
	d.slabs[d.nslabs] = slab{typ: t, arr: reflect.New(t).Elem(), next: 1}
	d.nslabs++
	return d.slabs[d.nslabs-1].arr.Index(0).Addr()
}

// value decodes the JSON value at d.pos into v, by p.
func (d *decoder) value(p *plan, v reflect.Value, depth int) error {
	if depth > maxDepth {
		return errGiveUp
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		return errGiveUp
	}
	switch p.kind {
	case kindUnmarshaler:
		// As encoding/json: the method gets the value's bytes, null too.
		start := d.pos
		if err := d.skip(depth); err != nil {
			return err
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.data[start:d.pos]); err != nil {
			return errGiveUp
		}
		return nil
	case kindInterface:
		return d.anyValue(v, depth)
	case kindUnsupported:
		return errGiveUp
	}
	c := d.data[d.pos]
	if c == 'n' {
		// null leaves a zero value as it is, whatever its kind.
		return d.literal("null")
	}
	switch p.kind {
	case kindString:
		if c != '"' {
			return errGiveUp
		}
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(s)
	case kindBool:
		switch c {
		case 't':
			if err := d.literal("true"); err != nil {
				return err
			}
			v.SetBool(true)
		case 'f':
			return d.literal("false")
		default:
			return errGiveUp
		}
	case kindInt, kindUint, kindFloat:
		n, err := d.number()
		if err != nil {
			return err
		}
		return setNumber(p, v, string(n))
	case kindPointer:
		var np reflect.Value
		if p.slab != nil {
			np = d.scalarPointer(p.slab)
		} else {
			np = reflect.New(p.typ.Elem())
		}
		if err := d.value(p.elem, np.Elem(), depth+1); err != nil {
			return err
		}
		v.Set(np)
	case kindSlice:
		if c != '[' {
			return errGiveUp
		}
		return d.slice(p, v, depth)
	case kindMap:
		if c != '{' {
			return errGiveUp
		}
		return d.object(p, v, depth)
	case kindStruct:
		if c != '{' {
			return errGiveUp
		}
		return d.object(p, v, depth)
	default:
		return errGiveUp
	}
	return nil
}

// setNumber stores the number literal n in v, a number of p's kind, as
// encoding/json does: an integer kind takes integers only, and a value out
// of v's range is a mismatch.
func setNumber(p *plan, v reflect.Value, n string) error {
	switch p.kind {
	case kindInt:
		i, err := strconv.ParseInt(n, 10, 64)
		if err != nil || v.OverflowInt(i) {
			return errGiveUp
		}
		v.SetInt(i)
	case kindUint:
		u, err := strconv.ParseUint(n, 10, 64)
		if err != nil || v.OverflowUint(u) {
			return errGiveUp
		}
		v.SetUint(u)
	default:
		f, err := strconv.ParseFloat(n, p.typ.Bits())
		if err != nil || v.OverflowFloat(f) {
			return errGiveUp
		}
		v.SetFloat(f)
	}
	return nil
}

// slice decodes the array at d.pos into the nil slice v.
func (d *decoder) slice(p *plan, v reflect.Value, depth int) error {
	d.pos++ // [
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		v.Set(p.empty) // [] is an empty slice, not nil
		return nil
	}
	for i := 0; ; i++ {
		if i >= v.Cap() {
			v.Grow(max(4, v.Cap()))
		}
		v.SetLen(i + 1)
		if err := d.value(p.elem, v.Index(i), depth+1); err != nil {
			return err
		}
		if done, err := d.separator(']'); done || err != nil {
			return err
		}
	}
}

// object decodes the object at d.pos into v, a struct or a nil map.
func (d *decoder) object(p *plan, v reflect.Value, depth int) error {
	d.pos++ // {
	var (
		seen    [maxFields / 64]uint64
		mapKey  reflect.Value
		mapElem reflect.Value
	)
	if p.kind == kindMap {
		v.Set(reflect.MakeMap(p.typ))
		mapKey = reflect.New(p.typ.Key()).Elem()
		mapElem = reflect.New(p.typ.Elem()).Elem()
	}
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return nil
	}
	for {
		d.skipSpace()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return errGiveUp
		}
		key, err := d.strBytes()
		if err != nil {
			return err
		}
		if err := d.colon(); err != nil {
			return err
		}
		if p.kind == kindMap {
			mapKey.SetString(d.intern(key))
			mapElem.SetZero()
			if err := d.value(p.elem, mapElem, depth+1); err != nil {
				return err
			}
			v.SetMapIndex(mapKey, mapElem)
		} else if i, ok := p.byName[string(key)]; ok {
			if seen[i/64]&(1<<(i%64)) != 0 {
				return errGiveUp // a duplicate key: encoding/json would merge
			}
			seen[i/64] |= 1 << (i % 64)
			f := p.fields[i]
			if err := d.value(f.plan, v.Field(f.index), depth+1); err != nil {
				return err
			}
		} else {
			if p.foldMatch(key) {
				return errGiveUp
			}
			if err := d.skip(depth + 1); err != nil {
				return err
			}
		}
		if done, err := d.separator('}'); done || err != nil {
			return err
		}
	}
}

// foldMatch reports whether key, which matches no field exactly, may
// match one without regard to case (as encoding/json would take it).
func (p *plan) foldMatch(key []byte) bool {
	var buf [64]byte
	if len(key) > len(buf) {
		_, ok := p.folded[strings.ToLower(string(key))]
		return ok || !isASCII(key)
	}
	for i, c := range key {
		if c >= utf8.RuneSelf {
			return true // Unicode folding: left to encoding/json
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := p.folded[string(buf[:len(key)])]
	return ok
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// anyValue decodes the value at d.pos into v, an empty interface, as
// encoding/json does: objects and arrays through encoding/json itself.
func (d *decoder) anyValue(v reflect.Value, depth int) error {
	switch c := d.data[d.pos]; {
	case c == 'n':
		return d.literal("null")
	case c == 't':
		if err := d.literal("true"); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(true))
	case c == 'f':
		if err := d.literal("false"); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(false))
	case c == '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(s))
	case c == '-' || '0' <= c && c <= '9':
		n, err := d.number()
		if err != nil {
			return err
		}
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return errGiveUp
		}
		v.Set(reflect.ValueOf(f))
	default:
		start := d.pos
		if err := d.skip(depth); err != nil {
			return err
		}
		if err := json.Unmarshal(d.data[start:d.pos], v.Addr().Interface()); err != nil {
			return errGiveUp
		}
	}
	return nil
}
