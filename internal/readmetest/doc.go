// Package readmetest checks that every Go code sample in README.md compiles
// against the current seam and gen packages.
package readmetest
