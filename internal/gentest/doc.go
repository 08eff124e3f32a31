// Package gentest holds the tests of the generated package gen: that it
// has a method for every operation in scope of the committed spec, that it
// records which spec it came from, and that it decodes real Seam payloads
// (the seed documents' responses and captures from the official fake) into
// its typed unions. It has no code of its own.
package gentest
