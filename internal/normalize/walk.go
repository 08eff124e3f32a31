package normalize

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// site is one inline schema met while walking a document: where it is (a JSON
// pointer) and the name segments that a schema lifted from here would be
// named after.
type site struct {
	ref *openapi3.SchemaRef
	ptr string
	// src is where the schema sits in the document as given, for error
	// messages: inside a schema lifted by this package, ptr points into the
	// new component, which the spec's authors have never seen.
	src  string
	hint []string
	// body names the root schema of an operation's request or response
	// body (path segments + "request_body" or "response_body"); nil elsewhere.
	body []string
}

// visitFunc is called for every inline schema, parents before children. It
// returns false to stop the walk from descending into the schema's children
// (for example because it turned the schema into a $ref).
type visitFunc func(s site) (descend bool, err error)

// walker visits every inline schema of a document in a deterministic order:
// components sorted by name, then paths sorted, methods in a fixed order.
// It never follows a $ref: a referenced schema is visited where it is
// defined, once.
type walker struct {
	visit visitFunc
}

var methodOrder = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// child is the site of a schema below s, at the pointer suffix sub.
func (s site) child(ref *openapi3.SchemaRef, sub string, hint []string) site {
	return site{ref: ref, ptr: s.ptr + sub, src: s.src + sub, hint: hint}
}

func (w *walker) walkDoc(doc *openapi3.T) error {
	if doc.Components != nil {
		for _, name := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
			ptr := "#/components/schemas/" + escapePtr(name)
			if err := w.walk(site{ref: doc.Components.Schemas[name], ptr: ptr, src: ptr, hint: []string{name}}, true); err != nil {
				return err
			}
		}
	}
	if doc.Paths == nil {
		return nil
	}
	paths := doc.Paths.Map()
	for _, path := range slices.Sorted(maps.Keys(paths)) {
		item := paths[path]
		base := pathHint(path)
		ops := item.Operations()
		for _, method := range methodOrder {
			op := ops[strings.ToUpper(method)]
			if op == nil {
				continue
			}
			opPtr := "#/paths/" + escapePtr(path) + "/" + method
			for i, p := range op.Parameters {
				if p.Value == nil || p.Ref != "" || p.Value.Schema == nil {
					continue
				}
				ptr := opPtr + "/parameters/" + itoa(i) + "/schema"
				s := site{ref: p.Value.Schema, ptr: ptr, src: ptr, hint: append(clone(base), "param", p.Value.Name)}
				if err := w.walk(s, false); err != nil {
					return err
				}
			}
			if rb := op.RequestBody; rb != nil && rb.Ref == "" && rb.Value != nil {
				if err := w.walkContent(rb.Value.Content, opPtr+"/requestBody", append(clone(base), "request"), append(clone(base), "request_body")); err != nil {
					return err
				}
			}
			if op.Responses != nil {
				resps := op.Responses.Map()
				for _, code := range slices.Sorted(maps.Keys(resps)) {
					r := resps[code]
					if r.Ref != "" || r.Value == nil {
						continue
					}
					h := append(clone(base), "response")
					if code != "200" {
						h = append(h, code)
					}
					if err := w.walkContent(r.Value.Content, opPtr+"/responses/"+code, h, append(clone(h), "body")); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// walkContent walks the schema of each media type of a request body or a
// response (at ptr, the pointer of the body or response object), in media
// type order, with the name hint and body name of site.
func (w *walker) walkContent(content openapi3.Content, ptr string, hint, body []string) error {
	for _, ct := range slices.Sorted(maps.Keys(content)) {
		mt := content[ct]
		if mt.Schema == nil {
			continue
		}
		schemaPtr := ptr + "/content/" + escapePtr(ct) + "/schema"
		s := site{ref: mt.Schema, ptr: schemaPtr, src: schemaPtr, hint: clone(hint), body: clone(body)}
		if err := w.walk(s, false); err != nil {
			return err
		}
	}
	return nil
}

// walk visits s and its inline children. root is true for a component
// schema, which is visited even though other places $ref it.
func (w *walker) walk(s site, root bool) error {
	if s.ref == nil || s.ref.Value == nil || (s.ref.Ref != "" && !root) {
		return nil
	}
	descend, err := w.visit(s)
	if err != nil || !descend {
		return err
	}
	v := s.ref.Value
	// The visitor may have turned this site into a $ref (lifting it); its
	// children are then walked under the lifted name.
	if s.ref.Ref != "" && !root {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(v.Properties)) {
		if err := w.walk(s.child(v.Properties[name], "/properties/"+escapePtr(name), append(clone(s.hint), name)), false); err != nil {
			return err
		}
	}
	if err := w.walk(s.child(v.Items, "/items", s.hint), false); err != nil {
		return err
	}
	if ap := v.AdditionalProperties.Schema; ap != nil {
		if err := w.walk(s.child(ap, "/additionalProperties", append(clone(s.hint), "value")), false); err != nil {
			return err
		}
	}
	// An allOf member is a part of its parent, not an alternative: a schema
	// lifted from it must not take the parent's own name.
	for _, group := range []struct {
		kind string
		list openapi3.SchemaRefs
		hint []string
	}{{"allOf", v.AllOf, append(clone(s.hint), "part")}, {"anyOf", v.AnyOf, s.hint}, {"oneOf", v.OneOf, s.hint}} {
		for i, m := range group.list {
			if err := w.walk(s.child(m, "/"+group.kind+"/"+itoa(i), group.hint), false); err != nil {
				return err
			}
		}
	}
	return w.walk(s.child(v.Not, "/not", s.hint), false)
}

func pathHint(path string) []string {
	var h []string
	for _, seg := range strings.Split(path, "/") {
		seg = strings.Trim(seg, "{}")
		if seg != "" {
			h = append(h, seg)
		}
	}
	return h
}

func itoa(i int) string { return strconv.Itoa(i) }

func clone(s []string) []string { return append([]string(nil), s...) }

func escapePtr(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
