package updatespec

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
)

// TypeDiff is the change in the exported type names of the generated code.
type TypeDiff struct {
	// Before and After count the exported types before and after.
	Before, After int
	// Added and Removed are sorted.
	Added, Removed []string
}

// Empty reports whether no type was added or removed.
func (d TypeDiff) Empty() bool { return len(d.Added) == 0 && len(d.Removed) == 0 }

// Breaking reports whether a type was removed (or renamed, which shows as a
// removal and an addition).
func (d TypeDiff) Breaking() bool { return len(d.Removed) > 0 }

// ExportedTypes returns the sorted names of the exported top-level types
// declared in the Go source src. filename is only used in error messages.
func ExportedTypes(filename string, src []byte) ([]string, error) {
	file, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", filename, err)
	}
	var names []string
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.TYPE {
			continue
		}
		for _, spec := range gen.Specs {
			if ts, ok := spec.(*ast.TypeSpec); ok && ts.Name.IsExported() {
				names = append(names, ts.Name.Name)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// DiffTypes compares two sorted lists of type names.
func DiffTypes(before, after []string) TypeDiff {
	d := TypeDiff{Before: len(before), After: len(after)}
	i, j := 0, 0
	for i < len(before) || j < len(after) {
		switch {
		case j == len(after) || (i < len(before) && before[i] < after[j]):
			d.Removed = append(d.Removed, before[i])
			i++
		case i == len(before) || after[j] < before[i]:
			d.Added = append(d.Added, after[j])
			j++
		default:
			i++
			j++
		}
	}
	return d
}
