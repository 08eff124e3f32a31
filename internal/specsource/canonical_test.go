package specsource

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCanonicalizeDeterministic(t *testing.T) {
	a := `{"openapi":"3.0.0","paths":{"/z":{"post":{"x":1,"a":[3,2,1]}},"/a":{}},"info":{"version":"1.0.0","title":"T"}}`
	b := "{\n\t\"info\" : {\"title\":\"T\",   \"version\":\"1.0.0\"},\r\n" +
		`"paths":{"/a":{},"/z":{"post":{"a":[3,2,1],"x":1}}},"openapi":"3.0.0"}` + "\n\n"

	ca, err := Canonicalize([]byte(a))
	require.NoError(t, err)
	cb, err := Canonicalize([]byte(b))
	require.NoError(t, err)
	assert.Equal(t, string(ca), string(cb))

	want := `{
  "info": {
    "title": "T",
    "version": "1.0.0"
  },
  "openapi": "3.0.0",
  "paths": {
    "/a": {},
    "/z": {
      "post": {
        "a": [
          3,
          2,
          1
        ],
        "x": 1
      }
    }
  }
}
`
	assert.Equal(t, want, string(ca))

	again, err := Canonicalize(ca)
	require.NoError(t, err)
	assert.Equal(t, string(ca), string(again), "canonical form is a fixed point")
}

func TestCanonicalizePreservesNumbersAndText(t *testing.T) {
	in := `{"huge":1e400,"big":12345678901234567890,"neg":-0.000000000000000000001,"f":1.50,"html":"<a href=\"x\">&</a>","uni":"é✓"}`
	out, err := Canonicalize([]byte(in))
	require.NoError(t, err)
	s := string(out)
	assert.Contains(t, s, `"huge": 1e400`)
	assert.Contains(t, s, `"big": 12345678901234567890`)
	assert.Contains(t, s, `"neg": -0.000000000000000000001`)
	assert.Contains(t, s, `"f": 1.50`)
	assert.Contains(t, s, `"html": "<a href=\"x\">&</a>"`)
	assert.Contains(t, s, `"uni": "é✓"`)
	assert.Equal(t, byte('\n'), out[len(out)-1])
}

func TestCanonicalizeRejectsBadInput(t *testing.T) {
	for _, in := range []string{``, `{`, `{"a":1} x`, `{"a":1}{"b":2}`, `<html>`} {
		_, err := Canonicalize([]byte(in))
		assert.Error(t, err, "input %q", in)
	}
}

func TestResultSHA256IsOfCanonical(t *testing.T) {
	dir := t.TempDir()
	p1 := writeFile(t, dir, "a.json", smallSpec)
	p2 := writeFile(t, dir, "b.json", `{"openapi":"3.0.0","info":{"version":"1.0.0","title":"t"},"paths":{"/a":{"get":{}},"/b":{"post":{}}}}`)

	r1, err := Pull(context.Background(), "file:"+p1, Options{})
	require.NoError(t, err)
	r2, err := Pull(context.Background(), "file:"+p2, Options{})
	require.NoError(t, err)

	sum := sha256.Sum256(r1.Canonical)
	assert.Equal(t, hex.EncodeToString(sum[:]), r1.SHA256)
	assert.Equal(t, r1.SHA256, r2.SHA256)
	assert.Equal(t, r1.Canonical, r2.Canonical)
}
