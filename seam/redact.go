package seam

import (
	"unicode/utf16"
	"unicode/utf8"
)

// redacted replaces a secret wherever this package cuts it out.
const redacted = "[REDACTED]"

// redactBytes returns b with every occurrence of secret replaced by
// [REDACTED], in whatever form a server may echo it: raw, JSON-escaped
// (\u0073 or \/ for any character, hex digits in either case),
// URL-encoded (%73, query or path escaping, either case, + for a space), or
// a mix of these, character by character. An empty secret changes nothing.
func redactBytes(b []byte, secret string) []byte {
	if secret == "" || len(b) == 0 {
		return b
	}
	var out []byte
	last := 0
	for i := 0; i < len(b); {
		end, ok := matchSecret(b, i, secret)
		if !ok {
			i++
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(b))
		}
		out = append(out, b[last:i]...)
		out = append(out, redacted...)
		i, last = end, end
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// redactString is redactBytes for a string.
func redactString(s, secret string) string {
	if secret == "" || s == "" {
		return s
	}
	return string(redactBytes([]byte(s), secret))
}

// matchSecret reports whether secret, in any of the encodings redactBytes
// knows, starts at b[i], and where it ends. It compares rune by rune, so a
// non-ASCII character matches its \uXXXX escape (or surrogate pair) too.
func matchSecret(b []byte, i int, secret string) (int, bool) {
	for k := 0; k < len(secret); {
		r, size := utf8.DecodeRuneInString(secret[k:])
		var n int
		if r == utf8.RuneError && size == 1 {
			// Not UTF-8: only the byte itself, raw or URL-encoded.
			n = encodedBytesLen(b[i:], []byte{secret[k]})
		} else {
			n = encodedRuneLen(b[i:], r)
		}
		if n == 0 {
			return 0, false
		}
		i += n
		k += size
	}
	return i, true
}

// encodedRuneLen returns how many bytes at the start of b encode the rune
// r: a JSON \uXXXX escape (or surrogate pair), a JSON short escape, + for a
// space, or each UTF-8 byte of r raw or as %XX. It returns 0 when b does
// not start with r.
func encodedRuneLen(b []byte, r rune) int {
	if n := escapedRuneLen(b, r); n > 0 {
		return n
	}
	if r == ' ' && len(b) >= 1 && b[0] == '+' {
		return 1
	}
	var enc [utf8.UTFMax]byte
	return encodedBytesLen(b, enc[:utf8.EncodeRune(enc[:], r)])
}

// escapedRuneLen returns how many bytes at the start of b are a JSON escape
// of r (\uXXXX, a surrogate pair, or a short escape such as \/), also
// escaped again (JSON inside a JSON string: \\u005f), or 0.
func escapedRuneLen(b []byte, r rune) int {
	k := leadingBackslashes(b)
	if k == 0 || k >= len(b) {
		return 0
	}
	rest := b[k:]
	if rest[0] != 'u' {
		if r < utf8.RuneSelf && jsonShortEscape(rest[0]) == byte(r) {
			return k + 1
		}
		return 0
	}
	if len(rest) < 5 {
		return 0
	}
	u, ok := hex4(rest[1:5])
	if !ok {
		return 0
	}
	if rune(u) == r {
		return k + 5
	}
	r1, r2 := utf16.EncodeRune(r)
	if r1 == utf8.RuneError || rune(u) != r1 {
		return 0
	}
	if m := leadingBackslashes(rest[5:]); m > 0 && len(rest) >= 5+m+5 && rest[5+m] == 'u' {
		if u2, ok := hex4(rest[5+m+1 : 5+m+5]); ok && rune(u2) == r2 {
			return k + 5 + m + 5
		}
	}
	return 0
}

// encodedBytesLen returns how many bytes at the start of b encode the bytes
// enc, each raw or URL-encoded, or 0.
func encodedBytesLen(b []byte, enc []byte) int {
	n := 0
	for _, c := range enc {
		if n < len(b) && b[n] == c {
			n++
			continue
		}
		m := percentEncodedLen(b[n:], c)
		if m == 0 {
			return 0
		}
		n += m
	}
	return n
}

// leadingBackslashes counts the backslashes b starts with.
func leadingBackslashes(b []byte) int {
	k := 0
	for k < len(b) && b[k] == '\\' {
		k++
	}
	return k
}

// percentEncodedLen returns how many bytes at the start of b URL-encode c:
// %XX, or %25XX, %2525XX… for a value encoded more than once; else 0.
func percentEncodedLen(b []byte, c byte) int {
	if len(b) < 3 || b[0] != '%' {
		return 0
	}
	n := 1
	for {
		if len(b) < n+2 {
			return 0
		}
		v, ok := hexByte(b[n], b[n+1])
		if !ok {
			return 0
		}
		if v == c {
			return n + 2
		}
		if v != '%' {
			return 0
		}
		n += 2
	}
}

// hex4 decodes four hex digits.
func hex4(b []byte) (uint16, bool) {
	hi, ok1 := hexByte(b[0], b[1])
	lo, ok2 := hexByte(b[2], b[3])
	return uint16(hi)<<8 | uint16(lo), ok1 && ok2
}

// jsonShortEscape returns the byte a JSON two-character escape \x stands
// for, or 0.
func jsonShortEscape(x byte) byte {
	switch x {
	case '"', '\\', '/':
		return x
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return 0
}

// hexByte decodes two hex digits, either case.
func hexByte(h, l byte) (byte, bool) {
	hv, ok1 := hexDigit(h)
	lv, ok2 := hexDigit(l)
	return hv<<4 | lv, ok1 && ok2
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// redactValue returns v, a decoded JSON value, with secret cut out of every
// string in it, keys included, at any depth (a string may hold the secret in
// an encoding the raw body did not show, e.g. URL-encoded twice).
func redactValue(v any, secret string) any {
	switch x := v.(type) {
	case string:
		return redactString(x, secret)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, child := range x {
			out[redactString(k, secret)] = redactValue(child, secret)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, child := range x {
			out[i] = redactValue(child, secret)
		}
		return out
	}
	return v
}
