package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseArgsTakesTheSourceBeforeOrAfterFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--no-test", "--changelog", "c.md", "npm:@seamapi/types@1.977.0"},
		{"npm:@seamapi/types@1.977.0", "--no-test", "--changelog", "c.md"},
		{"-no-test", "npm:@seamapi/types@1.977.0", "-changelog=c.md"},
	} {
		opts, err := parseArgs(append([]string{"-root", "/r"}, args...))
		require.NoError(t, err, args)
		assert.Equal(t, "npm:@seamapi/types@1.977.0", opts.Source, args)
		assert.True(t, opts.NoTest, args)
		assert.Equal(t, "c.md", opts.Changelog, args)
		assert.Equal(t, "/r", opts.Root, args)
	}
}

func TestParseArgsSourceFromTheEnvironment(t *testing.T) {
	t.Setenv("SEAM_OPENAPI_SOURCE", "file:spec.json")
	opts, err := parseArgs([]string{"-root", "/r"})
	require.NoError(t, err)
	assert.Equal(t, "file:spec.json", opts.Source)
	assert.False(t, opts.NoTest)

	opts, err = parseArgs([]string{"-root", "/r", "npm:@seamapi/types@latest"})
	require.NoError(t, err)
	assert.Equal(t, "npm:@seamapi/types@latest", opts.Source, "the argument wins")
}

func TestParseArgsRefusesTwoSources(t *testing.T) {
	_, err := parseArgs([]string{"-root", "/r", "a", "--no-test", "b"})
	require.ErrorContains(t, err, "one SOURCE at most")
}

func TestExpandSource(t *testing.T) {
	for in, want := range map[string]string{
		"1.978.0":                    "npm:@seamapi/types@1.978.0",
		"1.978.0-beta.1":             "npm:@seamapi/types@1.978.0-beta.1",
		"latest":                     "npm:@seamapi/types@latest",
		"npm:@seamapi/types@1.0.0":   "npm:@seamapi/types@1.0.0",
		"file:openapi.json":          "file:openapi.json",
		"https://example.com/x.json": "https://example.com/x.json",
		"1.978":                      "1.978",
	} {
		assert.Equal(t, want, expandSource(in), in)
	}
}
