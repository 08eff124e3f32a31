package specdiff

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// MaxDepth bounds how far a comparison descends into nested objects, array
// items, map values and union members.
const MaxDepth = 12

const componentPrefix = "#/components/schemas/"

// goFormats are the formats that change the Go type oapi-codegen generates.
var goFormats = map[string]bool{
	"date-time": true, "date": true, "int32": true, "int64": true, "binary": true, "email": true,
}

// schemaPair identifies one comparison on the current path, to stop cycles.
type schemaPair struct{ old, new *openapi3.Schema }

// walker compares two schemas and collects the changes found.
type walker struct {
	in Location
	// follow makes the walker enter $refs to components; when false (the
	// diff of a component schema), a nested $ref is compared by name only,
	// since the referenced component is diffed on its own.
	follow  bool
	changes []Change
	onPath  map[schemaPair]bool
}

func newWalker(in Location, follow bool) *walker {
	return &walker{in: in, follow: follow, onPath: make(map[schemaPair]bool)}
}

func (w *walker) add(k Kind, path, detail string, required bool) {
	w.changes = append(w.changes, Change{
		Kind: k, In: w.in, Path: path, Detail: detail,
		Breaking: isBreaking(k, w.in, required),
	})
}

// isBreaking is the verdict rule for one change (see the package doc).
func isBreaking(k Kind, in Location, required bool) bool {
	switch k {
	case Added:
		return in.IsRequest() && required
	case Removed, NowRequired, Retyped, EnumValueRemoved:
		return true
	default:
		return false
	}
}

// emptyObject stands for a missing request body or response.
func emptyObject() *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}}}
}

// compare compares the schemas o and n found at path.
func (w *walker) compare(path string, o, n *openapi3.SchemaRef, depth int) {
	if depth > MaxDepth || o == nil || n == nil {
		return
	}
	if !w.follow && depth > 0 {
		on, nn := componentName(o.Ref), componentName(n.Ref)
		if on != "" || nn != "" {
			if od, nd := refOrShape(o), refOrShape(n); od != nd {
				w.add(Retyped, path, od+" → "+nd, false)
			}
			return
		}
	}
	os, ns := o.Value, n.Value
	if os == nil || ns == nil {
		return
	}
	p := schemaPair{os, ns}
	if w.onPath[p] {
		return
	}
	w.onPath[p] = true
	defer delete(w.onPath, p)

	osh, nsh := shapeOf(os), shapeOf(ns)
	if osh != nsh {
		w.add(Retyped, path, osh+" → "+nsh, false)
		return
	}
	switch {
	case len(ns.OneOf) > 0 || len(ns.AnyOf) > 0:
		w.compareUnion(path, os, ns, depth)
	case len(ns.Enum) > 0:
		w.compareEnum(path, os.Enum, ns.Enum)
	case isArray(ns):
		w.compare(path+"[]", itemsOf(os), itemsOf(ns), depth+1)
	default:
		w.compareObject(path, os, ns, depth)
	}
}

// compareObject compares the properties and map values of two objects.
func (w *walker) compareObject(path string, os, ns *openapi3.Schema, depth int) {
	oProps, oReq := propsOf(os)
	nProps, nReq := propsOf(ns)
	request := w.in.IsRequest()
	for _, name := range unionKeys(oProps, nProps) {
		p := joinPath(path, name)
		op, np := oProps[name], nProps[name]
		switch {
		case op == nil:
			detail := describe(np, 0)
			if request && nReq[name] {
				detail += ", required"
			}
			w.add(Added, p, detail, request && nReq[name])
		case np == nil:
			w.add(Removed, p, describe(op, 0), false)
		default:
			if request && !oReq[name] && nReq[name] {
				w.add(NowRequired, p, "", true)
			}
			if request && oReq[name] && !nReq[name] {
				w.add(NowOptional, p, "", false)
			}
			w.compare(p, op, np, depth+1)
		}
	}
	if oa, na := mapValuesOf(os), mapValuesOf(ns); oa != nil && na != nil {
		w.compare(joinPath(path, "*"), oa, na, depth+1)
	}
}

// compareUnion matches the members of two unions by label.
func (w *walker) compareUnion(path string, os, ns *openapi3.Schema, depth int) {
	oLabels, oMembers := unionMembers(os)
	nLabels, nMembers := unionMembers(ns)
	oIdx := make(map[string]int, len(oLabels))
	for i, l := range oLabels {
		oIdx[l] = i
	}
	nIdx := make(map[string]int, len(nLabels))
	for i, l := range nLabels {
		nIdx[l] = i
	}
	for i, l := range oLabels {
		if _, ok := nIdx[l]; !ok {
			w.add(Removed, path+"{"+l+"}", "union member", false)
			continue
		}
		w.compare(path+"{"+l+"}", oMembers[i], nMembers[nIdx[l]], depth+1)
	}
	for _, l := range nLabels {
		if _, ok := oIdx[l]; !ok {
			w.add(Added, path+"{"+l+"}", "union member", false)
		}
	}
}

// compareEnum reports the values added to or removed from an enum.
func (w *walker) compareEnum(path string, o, n []any) {
	ok := make(map[string]bool, len(o))
	for _, v := range o {
		ok[enumKey(v)] = true
	}
	nk := make(map[string]bool, len(n))
	for _, v := range n {
		nk[enumKey(v)] = true
	}
	for _, v := range o {
		if !nk[enumKey(v)] {
			w.add(EnumValueRemoved, path, enumDisplay(v), false)
		}
	}
	for _, v := range n {
		if !ok[enumKey(v)] {
			w.add(EnumValueAdded, path, enumDisplay(v), false)
		}
	}
}

func enumKey(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}

func enumDisplay(v any) string {
	if s, ok := v.(string); ok && s != "" {
		return s
	}
	return enumKey(v)
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func componentName(ref string) string {
	if strings.HasPrefix(ref, componentPrefix) {
		return strings.TrimPrefix(ref, componentPrefix)
	}
	return ""
}

// refOrShape describes a schema by the component it refers to, else by shape.
func refOrShape(s *openapi3.SchemaRef) string {
	if name := componentName(s.Ref); name != "" {
		return "$ref " + name
	}
	return shapeOf(s.Value)
}

// shapeOf describes the kind of Go type a schema generates: its union kind,
// JSON type (with a Go-relevant format), "map" for a pure map and " enum"
// for an enum.
func shapeOf(s *openapi3.Schema) string {
	if s == nil {
		return "any"
	}
	if len(s.OneOf) > 0 {
		return "oneOf"
	}
	if len(s.AnyOf) > 0 {
		return "anyOf"
	}
	t := typeOf(s, 0)
	if len(s.Enum) > 0 {
		t += " enum"
	}
	return t
}

func typeOf(s *openapi3.Schema, depth int) string {
	if s.Type != nil && len(s.Type.Slice()) > 0 {
		t := strings.Join(s.Type.Slice(), "|")
		if goFormats[s.Format] {
			t += "(" + s.Format + ")"
		}
		if t == openapi3.TypeObject && len(s.Properties) == 0 && mapValuesOf(s) != nil {
			return "map"
		}
		return t
	}
	if len(s.Properties) > 0 {
		return openapi3.TypeObject
	}
	if mapValuesOf(s) != nil {
		return "map"
	}
	if s.Items != nil {
		return openapi3.TypeArray
	}
	if depth < MaxDepth {
		for _, m := range s.AllOf {
			if m != nil && m.Value != nil {
				if t := typeOf(m.Value, depth+1); t != "any" {
					return t
				}
			}
		}
	}
	return "any"
}

// describe renders a schema for an "added" line: "string", "array of
// string enum", "$ref device" when it names a component.
func describe(s *openapi3.SchemaRef, depth int) string {
	if name := componentName(s.Ref); name != "" {
		return name
	}
	if s.Value == nil {
		return "any"
	}
	if isArray(s.Value) && s.Value.Items != nil && depth < 3 {
		return "array of " + describe(s.Value.Items, depth+1)
	}
	return shapeOf(s.Value)
}

func isArray(s *openapi3.Schema) bool {
	return s.Type != nil && s.Type.Is(openapi3.TypeArray) || s.Type == nil && s.Items != nil
}

func itemsOf(s *openapi3.Schema) *openapi3.SchemaRef {
	if s.Items == nil {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
	return s.Items
}

func mapValuesOf(s *openapi3.Schema) *openapi3.SchemaRef {
	if s.AdditionalProperties.Schema != nil {
		return s.AdditionalProperties.Schema
	}
	if s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
	return nil
}

// propsOf returns the properties of s and the set of required ones, with
// the members of allOf merged in.
func propsOf(s *openapi3.Schema) (map[string]*openapi3.SchemaRef, map[string]bool) {
	props := make(map[string]*openapi3.SchemaRef)
	req := make(map[string]bool)
	seen := make(map[*openapi3.Schema]bool)
	var merge func(s *openapi3.Schema, depth int)
	merge = func(s *openapi3.Schema, depth int) {
		if s == nil || seen[s] || depth > MaxDepth {
			return
		}
		seen[s] = true
		for name, p := range s.Properties {
			if _, ok := props[name]; !ok {
				props[name] = p
			}
		}
		for _, name := range s.Required {
			req[name] = true
		}
		for _, m := range s.AllOf {
			if m != nil {
				merge(m.Value, depth+1)
			}
		}
	}
	merge(s, 0)
	return props, req
}

// unionMembers returns the labels and members of a oneOf/anyOf union, in
// the order of the spec; labels are unique.
func unionMembers(s *openapi3.Schema) ([]string, openapi3.SchemaRefs) {
	members := s.OneOf
	if len(members) == 0 {
		members = s.AnyOf
	}
	labels := discriminatorLabels(s, members)
	if labels == nil {
		labels = implicitLabels(members)
	}
	if labels == nil {
		labels = make([]string, len(members))
	}
	seen := make(map[string]bool, len(labels))
	for i, m := range members {
		if labels[i] == "" && m != nil {
			labels[i] = componentName(m.Ref)
		}
		if labels[i] == "" || seen[labels[i]] {
			labels[i] = fmt.Sprintf("#%d", i)
		}
		seen[labels[i]] = true
	}
	return labels, members
}

// discriminatorLabels labels members by the value of the discriminator
// property: from discriminator.mapping for $ref members, else from a
// single-value enum of the property. Members without one get "".
func discriminatorLabels(s *openapi3.Schema, members openapi3.SchemaRefs) []string {
	if s.Discriminator == nil || s.Discriminator.PropertyName == "" {
		return nil
	}
	byRef := make(map[string]string)
	for key, ref := range s.Discriminator.Mapping {
		byRef[ref.Ref] = key
	}
	labels := make([]string, len(members))
	for i, m := range members {
		if m == nil {
			continue
		}
		if key, ok := byRef[m.Ref]; ok && m.Ref != "" {
			labels[i] = key
			continue
		}
		props, _ := propsOf(m.Value)
		if v, ok := singleEnum(props[s.Discriminator.PropertyName]); ok {
			labels[i] = v
		}
	}
	return labels
}

// implicitLabels labels members by the properties that every member pins
// to a single enum value and that do not all share one value, as
// "k1=v1,k2=v2". It returns nil unless that tells every member apart.
func implicitLabels(members openapi3.SchemaRefs) []string {
	if len(members) < 2 {
		return nil
	}
	pinned := make([]map[string]string, len(members))
	for i, m := range members {
		if m == nil {
			return nil
		}
		props, _ := propsOf(m.Value)
		pinned[i] = make(map[string]string)
		for name, p := range props {
			if v, ok := singleEnum(p); ok {
				pinned[i][name] = v
			}
		}
	}
	var keys []string
	for name, v := range pinned[0] {
		inAll, varies := true, false
		for _, pm := range pinned[1:] {
			pv, ok := pm[name]
			if !ok {
				inAll = false
				break
			}
			if pv != v {
				varies = true
			}
		}
		if inAll && varies {
			keys = append(keys, name)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	labels := make([]string, len(members))
	seen := make(map[string]bool, len(members))
	for i, pm := range pinned {
		parts := make([]string, len(keys))
		for j, k := range keys {
			parts[j] = k + "=" + pm[k]
		}
		labels[i] = strings.Join(parts, ",")
		if len(keys) == 1 {
			labels[i] = pm[keys[0]]
		}
		if seen[labels[i]] {
			return nil
		}
		seen[labels[i]] = true
	}
	return labels
}

func singleEnum(p *openapi3.SchemaRef) (string, bool) {
	if p == nil || p.Value == nil || len(p.Value.Enum) != 1 {
		return "", false
	}
	return enumDisplay(p.Value.Enum[0]), true
}

// unionKeys returns the keys of a and b, sorted.
func unionKeys[V any](a, b map[string]V) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}
