package updatespec

import (
	"context"
	"errors"
	"fmt"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/exp/apidiff"
	"golang.org/x/tools/go/packages"
)

// APIPackages are the packages whose Go API the verdict covers, relative to
// the module root: users compile against both.
var APIPackages = []string{"gen", "seam"}

// Kinds of incompatible Go change, as the changelog groups them.
const (
	KindRemoved      = "removed"
	KindNowPointer   = "T → *T (now optional)"
	KindNowValue     = "*T → T (now required)"
	KindTypeChanged  = "type changed"
	KindOtherChanged = "other incompatible change"
	// KindCompatible marks a compatible change (an addition).
	KindCompatible = "compatible"
)

// specInfoConstants are the constants of gen/spec.gen.go (and their copies
// in seam) that record where the code came from: their values change with
// every spec, by design, so a new value is not reported.
var specInfoConstants = map[string]bool{
	"SpecSHA256": true, "SpecSource": true, "Operations": true, "Generator": true, "IncludesUndocumented": true,
}

// generatedInterfaces are the client interfaces oapi-codegen writes in gen.
// They gain a method with every new operation; implementing them outside
// this module is not supported (CHANGELOG.md says so), so a method added to
// them is listed as compatible.
var generatedInterfaces = []string{"ClientInterface.", "ClientWithResponsesInterface."}

// NoteInterfaceMethod marks a method added to a generated client interface.
const NoteInterfaceMethod = "added (method of a generated client interface: implementing it outside this module is not supported)"

// kindOrder is the order of the kinds in the changelog.
var kindOrder = []string{KindRemoved, KindNowPointer, KindNowValue, KindTypeChanged, KindOtherChanged}

// GoChange is one change of the Go API reported by apidiff.
type GoChange struct {
	// Kind is one of the Kind constants: KindCompatible for a compatible
	// change, another for an incompatible one.
	Kind string
	// Object names what changed, such as "AccessCode.Code" (a field).
	Object string
	// Message is apidiff's text, such as "changed from string to *string".
	Message string
}

// PackageAPIDiff is the change of one package's Go API.
type PackageAPIDiff struct {
	// Package is the package path relative to the module root ("gen").
	Package string
	// Incompatible changes break code that compiles against the old API;
	// sorted by kind, then object.
	Incompatible []GoChange
	// Compatible changes (additions) break nothing.
	Compatible []GoChange
}

// GoAPIDiff is the change of the Go API of APIPackages, old tree against
// new tree.
type GoAPIDiff struct {
	// Packages holds one entry per package of APIPackages, in that order.
	Packages []PackageAPIDiff
	// OldTypeErrors and NewTypeErrors are set when a tree does not
	// type-check; the comparison then covers what did. A new tree that does
	// not type-check is breaking; an old one only happens when the tree
	// before the update was broken already.
	OldTypeErrors, NewTypeErrors *TypeCheckError
}

// IncompatibleCount returns the number of incompatible changes.
func (d GoAPIDiff) IncompatibleCount() int {
	n := 0
	for _, p := range d.Packages {
		n += len(p.Incompatible)
	}
	return n
}

// CompatibleCount returns the number of compatible changes.
func (d GoAPIDiff) CompatibleCount() int {
	n := 0
	for _, p := range d.Packages {
		n += len(p.Compatible)
	}
	return n
}

// Breaking reports whether the Go API changed incompatibly or the new tree
// does not type-check.
func (d GoAPIDiff) Breaking() bool { return d.IncompatibleCount() > 0 || d.NewTypeErrors != nil }

// Empty reports whether the Go API did not change.
func (d GoAPIDiff) Empty() bool {
	return d.IncompatibleCount() == 0 && d.CompatibleCount() == 0 && d.NewTypeErrors == nil
}

// Count returns the number of incompatible changes of kind in all packages.
func (d GoAPIDiff) Count(kind string) int {
	n := 0
	for _, p := range d.Packages {
		for _, c := range p.Incompatible {
			if c.Kind == kind {
				n++
			}
		}
	}
	return n
}

// DiffGoAPI type-checks each package of pkgs (paths relative to a module
// root) in the module trees oldRoot and newRoot and compares their exported
// API with apidiff. A package missing from the old tree counts as new
// (every exported name added); one missing from the new tree as removed.
// Type errors do not stop the comparison: they are recorded in
// OldTypeErrors and NewTypeErrors. The error is for trees that cannot be
// loaded at all.
func DiffGoAPI(ctx context.Context, oldRoot, newRoot string, pkgs []string) (GoAPIDiff, error) {
	var d GoAPIDiff
	oldPkgs, err := loadTypes(ctx, TreeOld, oldRoot, pkgs)
	if !errors.As(err, &d.OldTypeErrors) && err != nil {
		return GoAPIDiff{}, err
	}
	newPkgs, err := loadTypes(ctx, TreeNew, newRoot, pkgs)
	if !errors.As(err, &d.NewTypeErrors) && err != nil {
		return GoAPIDiff{}, err
	}
	for _, rel := range pkgs {
		o, n := oldPkgs[rel], newPkgs[rel]
		switch {
		case o == nil && n == nil:
			continue
		case o == nil:
			o = types.NewPackage(n.Path(), n.Name())
		case n == nil:
			n = types.NewPackage(o.Path(), o.Name())
		}
		d.Packages = append(d.Packages, packageDiff(rel, apidiff.Changes(o, n), o, n))
	}
	return d, nil
}

// Trees named in a TypeCheckError.
const (
	TreeOld = "old"
	TreeNew = "new"
)

// TypeCheckError reports that packages of a tree do not type-check.
type TypeCheckError struct {
	// Tree is TreeOld or TreeNew.
	Tree string
	// Root is the module root of the tree.
	Root string
	// Errors are the first type errors, "package: message".
	Errors []string
}

// maxTypeErrors bounds TypeCheckError.Errors.
const maxTypeErrors = 20

// Error lists the type errors.
func (e *TypeCheckError) Error() string {
	return fmt.Sprintf("the %s tree (%s) does not type-check:\n  %s", e.Tree, e.Root, strings.Join(e.Errors, "\n  "))
}

// packageDiff classifies and sorts apidiff's report for one package, whose
// old and new types are oldPkg and newPkg (see refineTypeChanges).
func packageDiff(rel string, r apidiff.Report, oldPkg, newPkg *types.Package) PackageAPIDiff {
	p := PackageAPIDiff{Package: rel}
	for _, c := range r.Changes {
		object, message, ok := strings.Cut(c.Message, ": ")
		if !ok {
			object, message = "", c.Message
		}
		if specInfoConstants[object] && strings.HasPrefix(message, "value changed") {
			continue
		}
		gc := GoChange{Kind: KindCompatible, Object: object, Message: message}
		if !c.Compatible && message == "added" && rel == "gen" && hasAnyPrefix(object, generatedInterfaces) {
			gc.Message = NoteInterfaceMethod
			p.Compatible = append(p.Compatible, gc)
			continue
		}
		if c.Compatible {
			p.Compatible = append(p.Compatible, gc)
			continue
		}
		gc.Kind = classify(message)
		p.Incompatible = append(p.Incompatible, gc)
	}
	p.Incompatible = refineTypeChanges(p.Incompatible, oldPkg, newPkg)
	slices.SortFunc(p.Incompatible, func(a, b GoChange) int {
		if ka, kb := slices.Index(kindOrder, a.Kind), slices.Index(kindOrder, b.Kind); ka != kb {
			return ka - kb
		}
		return strings.Compare(a.Object, b.Object)
	})
	slices.SortFunc(p.Compatible, func(a, b GoChange) int { return strings.Compare(a.Object, b.Object) })
	return p
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// changedFrom matches apidiff's "changed from OLD to NEW".
var changedFrom = regexp.MustCompile(`^changed from (.+) to (.+)$`)

// classify returns the kind of an incompatible change from apidiff's message.
func classify(message string) string {
	if message == "removed" {
		return KindRemoved
	}
	m := changedFrom.FindStringSubmatch(message)
	switch {
	case m == nil:
		return KindOtherChanged
	case m[2] == "*"+m[1]:
		return KindNowPointer
	case m[1] == "*"+m[2]:
		return KindNowValue
	default:
		return KindTypeChanged
	}
}

// loadTypes type-checks the packages rels of the module at root from source
// and returns them by relative path; a package directory that does not exist
// is left out. Type errors give the packages that loaded and a
// *TypeCheckError.
func loadTypes(ctx context.Context, tree, root string, rels []string) (map[string]*types.Package, error) {
	var patterns []string
	for _, rel := range rels {
		if _, err := os.Stat(filepath.Join(root, rel)); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		patterns = append(patterns, "./"+rel)
	}
	out := make(map[string]*types.Package, len(rels))
	if len(patterns) == 0 {
		return out, nil
	}
	cfg := &packages.Config{
		Context: ctx,
		Dir:     root,
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Env:     append(os.Environ(), "GOWORK=off"),
	}
	loaded, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("%s tree: load %s in %s: %w", tree, strings.Join(patterns, " "), root, err)
	}
	typeErr := &TypeCheckError{Tree: tree, Root: root}
	for _, p := range loaded {
		for _, e := range p.Errors {
			if len(typeErr.Errors) < maxTypeErrors {
				typeErr.Errors = append(typeErr.Errors, e.Error())
			}
		}
		for _, rel := range rels {
			if strings.HasSuffix(p.PkgPath, "/"+rel) && p.Types != nil {
				out[rel] = p.Types
			}
		}
	}
	if len(typeErr.Errors) > 0 {
		return out, typeErr
	}
	return out, nil
}
