// Package repohygiene holds tests about the repository itself rather than
// about code: what a consumer downloads with the module must stay small and
// free of build outputs. It has no non-test code.
package repohygiene
