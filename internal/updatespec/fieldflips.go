package updatespec

import (
	"go/types"
	"strings"
)

// refineTypeChanges replaces apidiff's coarse "changed from struct{…} to
// struct{…}" entries with the changes inside: apidiff does not look into
// anonymous struct types, where oapi-codegen puts inline objects, so a field
// of an inline object that turned from T into *T would otherwise show only
// as its enclosing field's whole type changing. Each entry of kind
// KindTypeChanged whose object is a field (Type.Field) of a named struct in
// both packages is walked in parallel (pointers, slices, arrays, maps and
// anonymous structs); what the walk finds replaces it. When it finds only
// additions (a field added to an anonymous struct, which still breaks
// composite literals), the entry stays, with a short message.
func refineTypeChanges(changes []GoChange, oldPkg, newPkg *types.Package) []GoChange {
	if oldPkg == nil || newPkg == nil {
		return changes
	}
	out := make([]GoChange, 0, len(changes))
	for _, c := range changes {
		if c.Kind != KindTypeChanged {
			out = append(out, c)
			continue
		}
		oldT, newT, ok := fieldTypes(c.Object, oldPkg, newPkg)
		if !ok {
			out = append(out, c)
			continue
		}
		w := &typeWalk{}
		w.compare(c.Object, oldT, newT)
		if len(w.found) == 0 {
			if len(w.added) > 0 {
				c.Message = "fields added to an inline struct: " + strings.Join(w.added, ", ")
			}
			out = append(out, c)
			continue
		}
		out = append(out, w.found...)
	}
	return out
}

// fieldTypes returns the types of the field named by object ("Type.Field")
// in the two packages.
func fieldTypes(object string, oldPkg, newPkg *types.Package) (types.Type, types.Type, bool) {
	typeName, fieldName, ok := strings.Cut(object, ".")
	if !ok || strings.Contains(fieldName, ".") {
		return nil, nil, false
	}
	oldF, ok1 := structField(oldPkg, typeName, fieldName)
	newF, ok2 := structField(newPkg, typeName, fieldName)
	return oldF, newF, ok1 && ok2
}

func structField(pkg *types.Package, typeName, fieldName string) (types.Type, bool) {
	obj, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return nil, false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return nil, false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == fieldName {
			return f.Type(), true
		}
	}
	return nil, false
}

// typeWalk collects the changes found by compare.
type typeWalk struct {
	found []GoChange
	added []string
}

// typeString names a type relative to its package, as apidiff does.
func typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return "" })
}

// maxWalkDepth bounds compare on deeply nested inline objects.
const maxWalkDepth = 32

// compare walks the old and new type of path in parallel.
func (w *typeWalk) compare(path string, oldT, newT types.Type) {
	w.compareDepth(path, oldT, newT, 0)
}

func (w *typeWalk) compareDepth(path string, oldT, newT types.Type, depth int) {
	oldS, newS := typeString(oldT), typeString(newT)
	if oldS == newS {
		return
	}
	if depth > maxWalkDepth {
		w.change(KindTypeChanged, path, oldS, newS)
		return
	}
	// T -> *T and *T -> T, also when T itself changed inside (a slice or
	// an inline struct that became optional and gained a field): the flip
	// is listed, then what changed inside.
	np, newIsPtr := newT.(*types.Pointer)
	op, oldIsPtr := oldT.(*types.Pointer)
	switch {
	case newIsPtr && !oldIsPtr:
		w.change(KindNowPointer, path, oldS, newS)
		if typeString(np.Elem()) != oldS {
			w.compareDepth(path, oldT, np.Elem(), depth+1)
		}
		return
	case oldIsPtr && !newIsPtr:
		w.change(KindNowValue, path, oldS, newS)
		if typeString(op.Elem()) != newS {
			w.compareDepth(path, op.Elem(), newT, depth+1)
		}
		return
	}
	switch o := oldT.(type) {
	case *types.Pointer:
		if n, ok := newT.(*types.Pointer); ok {
			w.compareDepth(path, o.Elem(), n.Elem(), depth+1)
			return
		}
	case *types.Slice:
		if n, ok := newT.(*types.Slice); ok {
			w.compareDepth(path+"[]", o.Elem(), n.Elem(), depth+1)
			return
		}
	case *types.Array:
		if n, ok := newT.(*types.Array); ok && o.Len() == n.Len() {
			w.compareDepth(path+"[]", o.Elem(), n.Elem(), depth+1)
			return
		}
	case *types.Map:
		if n, ok := newT.(*types.Map); ok && typeString(o.Key()) == typeString(n.Key()) {
			w.compareDepth(path+"[]", o.Elem(), n.Elem(), depth+1)
			return
		}
	case *types.Struct:
		if n, ok := newT.(*types.Struct); ok {
			w.compareStructs(path, o, n, depth)
			return
		}
	}
	w.change(KindTypeChanged, path, oldS, newS)
}

// compareStructs matches the fields of two anonymous structs by name.
func (w *typeWalk) compareStructs(path string, o, n *types.Struct, depth int) {
	newFields := make(map[string]*types.Var, n.NumFields())
	for i := range n.NumFields() {
		newFields[n.Field(i).Name()] = n.Field(i)
	}
	for i := range o.NumFields() {
		of := o.Field(i)
		nf, ok := newFields[of.Name()]
		if !ok {
			w.found = append(w.found, GoChange{Kind: KindRemoved, Object: path + "." + of.Name(), Message: "removed"})
			continue
		}
		delete(newFields, of.Name())
		w.compareDepth(path+"."+of.Name(), of.Type(), nf.Type(), depth+1)
	}
	for i := range n.NumFields() {
		if _, ok := newFields[n.Field(i).Name()]; ok {
			w.added = append(w.added, path+"."+n.Field(i).Name())
		}
	}
}

// change records a change at path. A flip whose types are spelled out
// inline structs is named by their shape only: T -> *T says it all.
func (w *typeWalk) change(kind, path, oldS, newS string) {
	if (kind == KindNowPointer || kind == KindNowValue) && (strings.Contains(oldS, "struct{") || strings.Contains(newS, "struct{")) {
		oldS, newS = shape(oldS), shape(newS)
	}
	w.found = append(w.found, GoChange{Kind: kind, Object: path, Message: "changed from " + oldS + " to " + newS})
}

// shape shortens "*[]struct{A string; …}" to "*[]struct{…}".
func shape(s string) string {
	if i := strings.Index(s, "struct{"); i >= 0 {
		return s[:i] + "struct{…}"
	}
	return s
}
