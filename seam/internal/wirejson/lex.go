package wirejson

import (
	"encoding/json"
	"unicode/utf8"
)

// plainByte marks the bytes a string holds as they are: not '"', not '\\',
// not a control character, not outside ASCII.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// skipSpace moves past JSON whitespace.
func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// separator reads what follows a member of an array or object: a comma
// (done false) or the closing bracket (done true).
func (d *decoder) separator(closing byte) (done bool, err error) {
	d.skipSpace()
	if d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ',':
			d.pos++
			return false, nil
		case closing:
			d.pos++
			return true, nil
		}
	}
	return false, errGiveUp
}

// colon reads the colon after an object's key.
func (d *decoder) colon() error {
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != ':' {
		return errGiveUp
	}
	d.pos++
	return nil
}

// literal reads the literal word (true, false, null) at d.pos.
func (d *decoder) literal(word string) error {
	if len(d.data)-d.pos < len(word) || string(d.data[d.pos:d.pos+len(word)]) != word {
		return errGiveUp
	}
	d.pos += len(word)
	return nil
}

// number reads the number at d.pos and returns its bytes, checking the
// JSON grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *decoder) number() ([]byte, error) {
	start, i, n := d.pos, d.pos, len(d.data)
	if i < n && d.data[i] == '-' {
		i++
	}
	switch {
	case i < n && d.data[i] == '0':
		i++
	case i < n && '1' <= d.data[i] && d.data[i] <= '9':
		i = digits(d.data, i+1)
	default:
		return nil, errGiveUp
	}
	if i < n && d.data[i] == '.' {
		j := digits(d.data, i+1)
		if j == i+1 {
			return nil, errGiveUp
		}
		i = j
	}
	if i < n && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < n && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		j := digits(d.data, i)
		if j == i {
			return nil, errGiveUp
		}
		i = j
	}
	d.pos = i
	return d.data[start:i], nil
}

// digits returns the index of the first non-digit of b from i on.
func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// str reads the string at d.pos (its opening quote) and returns it.
func (d *decoder) str() (string, error) {
	b, err := d.strBytes()
	if err != nil {
		return "", err
	}
	return d.intern(b), nil
}

// intern returns b as a string: the one made earlier in this answer for
// the same bytes, when b is short and its slot still holds it.
func (d *decoder) intern(b []byte) string {
	n := len(b)
	if n == 0 || n > maxInterned {
		return string(b)
	}
	h := uint32(2166136261) // FNV-1a
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &d.interned[h%internSlots]
	if *slot == string(b) {
		return *slot
	}
	if *slot != "" {
		return string(b) // the slot keeps the string met first
	}
	*slot = string(b)
	return *slot
}

// strBytes reads the string at d.pos (its opening quote) and returns its
// contents: a slice of the input when they hold no escape and are valid
// UTF-8, else what encoding/json makes of the string.
func (d *decoder) strBytes() ([]byte, error) {
	start := d.pos + 1
	i := start
	for i < len(d.data) && plainByte[d.data[i]] {
		i++
	}
	if i < len(d.data) && d.data[i] == '"' {
		d.pos = i + 1
		return d.data[start:i], nil
	}
	// An escape, a byte outside ASCII or a syntax error: check the whole
	// string, then let encoding/json resolve it unless it is plain UTF-8.
	end, escaped, err := d.scanString(d.pos)
	if err != nil {
		return nil, err
	}
	d.pos = end
	if !escaped && utf8.Valid(d.data[start:end-1]) {
		return d.data[start : end-1], nil
	}
	var s string
	if err := json.Unmarshal(d.data[start-1:end], &s); err != nil {
		return nil, errGiveUp
	}
	return []byte(s), nil
}

// scanString checks the string whose opening quote is at i and returns the
// index after its closing quote, and whether it holds an escape.
func (d *decoder) scanString(i int) (end int, escaped bool, err error) {
	for i++; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			return i + 1, escaped, nil
		case c < 0x20:
			return 0, false, errGiveUp
		case c == '\\':
			escaped = true
			i++
			if i >= len(d.data) {
				return 0, false, errGiveUp
			}
			switch d.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(d.data) {
					return 0, false, errGiveUp
				}
				for _, h := range d.data[i+1 : i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return 0, false, errGiveUp
					}
				}
				i += 4
			default:
				return 0, false, errGiveUp
			}
		}
	}
	return 0, false, errGiveUp
}

// skip moves past the value at d.pos, checking its syntax.
func (d *decoder) skip(depth int) error {
	if depth > maxDepth {
		return errGiveUp
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		return errGiveUp
	}
	switch c := d.data[d.pos]; c {
	case '{', '[':
		closing := byte('}')
		if c == '[' {
			closing = ']'
		}
		d.pos++
		d.skipSpace()
		if d.pos < len(d.data) && d.data[d.pos] == closing {
			d.pos++
			return nil
		}
		for {
			d.skipSpace()
			if c == '{' {
				if d.pos >= len(d.data) || d.data[d.pos] != '"' {
					return errGiveUp
				}
				end, _, err := d.scanString(d.pos)
				if err != nil {
					return err
				}
				d.pos = end
				if err := d.colon(); err != nil {
					return err
				}
			}
			if err := d.skip(depth + 1); err != nil {
				return err
			}
			if done, err := d.separator(closing); done || err != nil {
				return err
			}
		}
	case '"':
		end, _, err := d.scanString(d.pos)
		if err != nil {
			return err
		}
		d.pos = end
		return nil
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	default:
		_, err := d.number()
		return err
	}
}
